import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Modality, ModelFilter, ModelSort } from '../gql/graphql';
import { Page } from '../components/page';
import { Empty, QueryView } from '../components/states';
import { parseAmount, perMillion, usd } from '../lib/money';
import { contextLength, enumLabel } from '../lib/format';

const CatalogModels = graphql(`
  query CatalogModels($filter: ModelFilter, $sort: ModelSort, $first: Int, $after: String) {
    models(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name
          author
          contextLength
          inputModalities
          endpoints {
            id
            provider {
              slug
            }
            pricing {
              prompt
              completion
            }
          }
        }
      }
    }
  }
`);

const CatalogProviders = graphql(`
  query CatalogProviders {
    providers {
      slug
      name
    }
  }
`);

const SORTS: { value: ModelSort; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'PRICE_ASC', label: 'Price: low to high' },
  { value: 'PRICE_DESC', label: 'Price: high to low' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'CONTEXT_LENGTH_DESC', label: 'Context: longest' },
  { value: 'CONTEXT_LENGTH_ASC', label: 'Context: shortest' },
];
const MODALITIES: Modality[] = ['TEXT', 'IMAGE', 'FILE', 'AUDIO'];
/** The request parameters people filter by most (any supported parameter works in the API). */
const PARAMETERS = ['tools', 'response_format', 'structured_outputs', 'reasoning', 'logprobs', 'seed', 'top_k'];
const PAGE_SIZE = 25;

/** Filters live in the address, so a filtered catalog can be bookmarked and shared. */
function filterFrom(params: URLSearchParams): ModelFilter {
  const filter: ModelFilter = {};
  const text = (name: string) => params.get(name)?.trim() || undefined;
  if (text('q')) filter.search = text('q');
  if (text('author')) filter.author = text('author');
  if (text('provider')) filter.provider = text('provider');
  if (text('modality')) filter.inputModality = text('modality') as Modality;
  if (params.getAll('param').length) filter.supportedParameters = params.getAll('param');
  // A price that is not a plain amount (yet: the user is typing) filters nothing.
  const price = (name: string) => parseAmount(text(name) ?? '') ?? undefined;
  if (price('maxPrompt')) filter.maxPromptPrice = price('maxPrompt');
  if (price('maxCompletion')) filter.maxCompletionPrice = price('maxCompletion');
  return filter;
}

export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const sort = (params.get('sort') as ModelSort | null) ?? 'NAME';
  const [{ data: providers }] = useQuery({ query: CatalogProviders });
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const filterKey = params.toString();
  const [pagesFor, setPagesFor] = useState(filterKey);
  if (pagesFor !== filterKey) {
    // A new filter starts from the first page again.
    setPagesFor(filterKey);
    setPages([null]);
  }

  const set = (name: string, value: string | string[]) => {
    const next = new URLSearchParams(params);
    next.delete(name);
    for (const v of Array.isArray(value) ? value : [value]) if (v) next.append(name, v);
    setParams(next, { replace: true });
  };
  const chosenParams = params.getAll('param');

  return (
    <Page title="Catalog">
      <form className="filters card" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          Search
          <input type="search" name="q" placeholder="Model name, id or description" defaultValue={params.get('q') ?? ''} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label>
          Author
          <input name="author" placeholder="e.g. meta-llama" defaultValue={params.get('author') ?? ''} onChange={(e) => set('author', e.target.value)} />
        </label>
        <label>
          Provider
          <select name="provider" value={params.get('provider') ?? ''} onChange={(e) => set('provider', e.target.value)}>
            <option value="">Any</option>
            {providers?.providers.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Input
          <select name="modality" value={params.get('modality') ?? ''} onChange={(e) => set('modality', e.target.value)}>
            <option value="">Any</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {enumLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Max prompt $/M
          <input name="maxPrompt" inputMode="decimal" placeholder="any" defaultValue={params.get('maxPrompt') ?? ''} onChange={(e) => set('maxPrompt', e.target.value)} />
        </label>
        <label>
          Max completion $/M
          <input name="maxCompletion" inputMode="decimal" placeholder="any" defaultValue={params.get('maxCompletion') ?? ''} onChange={(e) => set('maxCompletion', e.target.value)} />
        </label>
        <label>
          Sort
          <select name="sort" value={sort} onChange={(e) => set('sort', e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="checks">
          <legend>Supports</legend>
          {PARAMETERS.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={chosenParams.includes(p)} onChange={(e) => set('param', e.target.checked ? [...chosenParams, p] : chosenParams.filter((x) => x !== p))} />
              {p}
            </label>
          ))}
        </fieldset>
      </form>
      <div className="table-wrap card">
        <table className="models">
          <thead>
            <tr>
              <th>Model</th>
              <th>Context</th>
              <th className="num">Prompt $/M</th>
              <th className="num">Completion $/M</th>
              <th>Providers</th>
            </tr>
          </thead>
          {pages.map((after, i) => (
            <ModelRows key={after ?? 'first'} filter={filter} sort={sort} after={after} isLast={i === pages.length - 1} onMore={(cursor) => setPages([...pages, cursor])} />
          ))}
        </table>
      </div>
    </Page>
  );
}

function ModelRows({ filter, sort, after, isLast, onMore }: { filter: ModelFilter; sort: ModelSort; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const [result, retry] = useQuery({ query: CatalogModels, variables: { filter, sort, first: PAGE_SIZE, after } });
  return (
    <tbody>
      <QueryView
        result={result}
        retry={() => retry({ requestPolicy: 'network-only' })}
        label="Loading models…"
        colSpan={5}
        children={(data) => (
          <>
            {data.models.edges.length === 0 && after === null && (
              <tr>
                <td colSpan={5}>
                  <Empty>No model matches these filters.</Empty>
                </td>
              </tr>
            )}
            {data.models.edges.map(({ node }) => {
              const cheapest = node.endpoints[0];
              return (
                <tr key={node.id}>
                  <td>
                    <Link to={`/models/${node.slug}`} className="model-link">
                      {node.name}
                    </Link>
                    <div className="muted mono">{node.slug}</div>
                  </td>
                  <td>{contextLength(node.contextLength)}</td>
                  <td className="num">{cheapest ? usd(perMillion(cheapest.pricing.prompt)) : '—'}</td>
                  <td className="num">{cheapest ? usd(perMillion(cheapest.pricing.completion)) : '—'}</td>
                  <td>{node.endpoints.map((e) => e.provider.slug).join(', ')}</td>
                </tr>
              );
            })}
            {isLast && (
              <tr className="table-footer">
                <td colSpan={5}>
                  {data.models.totalCount} model{data.models.totalCount === 1 ? '' : 's'}
                  {data.models.pageInfo.hasNextPage && data.models.pageInfo.endCursor && (
                    <button type="button" onClick={() => onMore(data.models.pageInfo.endCursor!)}>
                      Load more
                    </button>
                  )}
                </td>
              </tr>
            )}
          </>
        )}
      />
    </tbody>
  );
}
