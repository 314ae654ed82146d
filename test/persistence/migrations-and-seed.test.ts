import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.js';
import { seedCatalog } from '../../src/persistence/seed/seed-catalog.js';
import { EndpointSchema, ModelSchema, ProviderSchema } from '../../src/persistence/entities/index.js';
import { money, parseUsd } from '../../src/core/billing/money.js';
import { migrationsList } from '../../migrations/index.js';
import { seedEndpoints, seedModels, seedProviders } from '../../src/persistence/seed/catalog-data.js';
import { databaseTargets } from '../support/databases.js';

describe.each(await databaseTargets())('migrations and seed on $name', (target) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const created = await target.create({ empty: true });
    dispose = created.dispose;
    db = await openDatabase(created.config);
  });
  afterAll(async () => {
    await db?.close();
    await dispose?.();
  });

  it('applies every migration once, then has nothing pending', async () => {
    expect(await db.migrate()).toEqual(migrationsList.map((m) => m.name));
    expect(await db.migrate()).toEqual([]);
    expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
  });

  it('leaves no difference between the entities and the migrated schema', async () => {
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('seeds the catalog idempotently, keeping endpoint ids stable', async () => {
    await seedCatalog(db.orm.em.fork());
    const em = db.orm.em.fork();
    const ids = (await em.find(EndpointSchema, {}, { orderBy: { id: 'asc' } })).map((e) => e.id);
    await seedCatalog(db.orm.em.fork());
    const em2 = db.orm.em.fork();
    expect(await em2.count(ProviderSchema)).toBe(seedProviders.length);
    expect(await em2.count(ModelSchema)).toBe(seedModels.length);
    expect((await em2.find(EndpointSchema, {}, { orderBy: { id: 'asc' } })).map((e) => e.id)).toEqual(ids);
    expect(ids).toHaveLength(seedEndpoints.length);
  });

  it('stores money exactly, to the pico-dollar and far beyond a float', async () => {
    const em = db.orm.em.fork();
    const endpoint = await em.findOneOrFail(EndpointSchema, { model: 'openai/gpt-4o', provider: 'openai' });
    const exact = money(123_456_789_012_345_678_901_234_567n); // > 2^53 by far
    endpoint.pricing.request = exact;
    endpoint.pricing.prompt = parseUsd('0.000000000001');
    await em.flush();
    const reloaded = await db.orm.em.fork().findOneOrFail(EndpointSchema, { id: endpoint.id });
    expect(reloaded.pricing.request).toBe(exact);
    expect(reloaded.pricing.prompt).toBe(1n);
  });
});
