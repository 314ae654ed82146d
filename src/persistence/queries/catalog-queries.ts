import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import type { Money } from '../../core/billing/money.js';
import { EndpointSchema, ModelSchema, ProviderSchema, type Endpoint, type Model, type Provider } from '../entities/index.js';

export interface ModelFilter {
  author?: string;
  provider?: string;
  inputModality?: string;
  outputModality?: string;
  supportedParameters?: string[];
  /** USD per million tokens, like OpenRouter's max_price: at least one endpoint must cost no more. */
  maxPromptPricePerMillion?: Money;
  maxCompletionPricePerMillion?: Money;
  search?: string;
}

export type ModelSort = 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'CONTEXT_LENGTH_DESC' | 'CONTEXT_LENGTH_ASC' | 'NEWEST';

const SEARCH_ESCAPE = /[\\%_]/g;

/** Catalog reads. Each method is one SQL statement, so a GraphQL page costs a fixed number of queries. */
export class CatalogRepository {
  constructor(private readonly em: EntityManager) {}

  private filtered(filter: ModelFilter): Knex.QueryBuilder {
    const knex = this.em.getKnex();
    const q = knex('model as m');
    if (filter.author) q.where('m.author', filter.author);
    if (filter.inputModality) q.whereRaw('? = any(m.input_modalities)', [filter.inputModality]);
    if (filter.outputModality) q.whereRaw('? = any(m.output_modalities)', [filter.outputModality]);
    if (filter.search) {
      const like = `%${filter.search.replace(SEARCH_ESCAPE, (c) => `\\${c}`)}%`;
      q.where((w) => w.whereILike('m.id', like).orWhereILike('m.name', like).orWhereILike('m.description', like));
    }
    // Only models someone serves are listed; one endpoint must satisfy every endpoint-level condition.
    q.whereExists((sub) => {
      sub.select(knex.raw('1')).from('endpoint as e').whereRaw('e.model_id = m.id').whereNot('e.status', 'disabled');
      if (filter.provider) sub.where('e.provider_slug', filter.provider);
      const params = filter.supportedParameters ?? [];
      if (params.length) sub.whereRaw(`e.supported_parameters @> array[${params.map(() => '?').join(', ')}]::text[]`, params);
      // Scaling the per-token price up keeps the comparison exact (no division).
      if (filter.maxPromptPricePerMillion !== undefined)
        sub.whereRaw('e.price_prompt * 1000000 <= ?::numeric', [filter.maxPromptPricePerMillion.toString()]);
      if (filter.maxCompletionPricePerMillion !== undefined)
        sub.whereRaw('e.price_completion * 1000000 <= ?::numeric', [filter.maxCompletionPricePerMillion.toString()]);
    });
    return q;
  }

  async findModels(filter: ModelFilter, sort: ModelSort, offset: number, limit: number): Promise<Model[]> {
    const knex = this.em.getKnex();
    const q = this.filtered(filter).select('m.*');
    const cheapest = knex.raw(
      "(select min(e.price_prompt + e.price_completion) from endpoint e where e.model_id = m.id and e.status <> 'disabled')",
    );
    switch (sort) {
      case 'PRICE_ASC':
        q.orderByRaw(`${cheapest.toQuery()} asc nulls last`);
        break;
      case 'PRICE_DESC':
        q.orderByRaw(`${cheapest.toQuery()} desc nulls last`);
        break;
      case 'CONTEXT_LENGTH_DESC':
        q.orderBy('m.context_length', 'desc');
        break;
      case 'CONTEXT_LENGTH_ASC':
        q.orderBy('m.context_length', 'asc');
        break;
      case 'NEWEST':
        q.orderBy('m.released_at', 'desc');
        break;
      case 'NAME':
        q.orderBy('m.name', 'asc');
        break;
    }
    q.orderBy('m.id', 'asc').offset(offset).limit(limit);
    // Executed through the ORM connection (not knex directly) so it shares logging and the pool.
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(q);
    return rows.map((row) => this.em.map(ModelSchema, row));
  }

  async countModels(filter: ModelFilter): Promise<number> {
    const [row] = await this.em.getConnection().execute<{ count: string }[]>(this.filtered(filter).count({ count: '*' }));
    return Number(row?.count ?? 0);
  }

  findModelsByIds(ids: readonly string[]): Promise<Model[]> {
    return this.em.find(ModelSchema, { id: { $in: [...ids] } });
  }

  /** Every non-disabled endpoint of the given models, cheapest first. */
  findEndpointsOfModels(modelIds: readonly string[], includeDisabled = false): Promise<Endpoint[]> {
    return this.em.find(
      EndpointSchema,
      { model: { $in: [...modelIds] }, ...(includeDisabled ? {} : { status: { $ne: 'disabled' as const } }) },
      { orderBy: { pricing: { prompt: 'asc', completion: 'asc' }, provider: 'asc' } },
    );
  }

  /** Every endpoint, disabled ones included (operator views), by model then provider. */
  findEndpoints(filter: { provider?: string; model?: string; status?: Endpoint['status'] } = {}): Promise<Endpoint[]> {
    return this.em.find(
      EndpointSchema,
      { ...(filter.provider ? { provider: filter.provider } : {}), ...(filter.model ? { model: filter.model } : {}), ...(filter.status ? { status: filter.status } : {}) },
      { orderBy: { model: 'asc', provider: 'asc' } },
    );
  }

  findEndpointsByIds(ids: readonly string[]): Promise<Endpoint[]> {
    return this.em.find(EndpointSchema, { id: { $in: [...ids] } });
  }

  findProvidersBySlugs(slugs: readonly string[]): Promise<Provider[]> {
    return this.em.find(ProviderSchema, { slug: { $in: [...slugs] } });
  }

  findProviders(): Promise<Provider[]> {
    return this.em.find(ProviderSchema, {}, { orderBy: { name: 'asc' } });
  }

}
