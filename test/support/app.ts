import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { EntityManager } from '@mikro-orm/postgresql';
import { buildApp, type App, type BuildAppOptions } from '../../src/app.js';
import { loadConfig, type Config, type Database } from '../../src/config.js';
import type { DatabaseTarget } from './databases.js';

/** Keys every test app's development account has. */
export const TEST_KEYS = {
  inference: 'sk-sy-v1-test-inference-key-000000000000000000000',
  management: 'sk-sy-v1-test-management-key-00000000000000000000',
} as const;

export function testConfig(database: Database, overrides: Partial<Config> = {}): Config {
  // The real defaults, as a fresh process would load them, with test-specific differences on top.
  const base = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  return {
    ...base,
    // Every provider answered by the simulator without latency or random faults.
    upstreams: { ...base.upstreams, simulate: 'all', simulatorProfile: 'fast' },
    database,
    // Each app's own local state (journal): never the working directory's .data.
    dataDir: database.kind === 'embedded' ? database.dataDir : mkdtempSync(join(tmpdir(), 'switchyard-state-')),
    autoMigrate: true,
    bootstrap: { enabled: true, inferenceKey: TEST_KEYS.inference, managementKey: TEST_KEYS.management },
    ...overrides,
  };
}

export interface RunningApp {
  app: App;
  url: string;
  /** SQL statements executed since the last reset. */
  queries: string[];
  /** The database as it stands once every settlement accepted so far is committed (settlements are written behind). */
  db(): Promise<EntityManager>;
  stop(): Promise<void>;
}

const committedDb = (app: App) => async (): Promise<EntityManager> => {
  await app.completions.settlements.flush();
  return app.database.orm.em.fork();
};

/** The real app on port 0 over a fresh database of the target, with its SQL recorded. */
export async function startTestApp(target: DatabaseTarget, overrides: Partial<Config> = {}, options: BuildAppOptions = {}): Promise<RunningApp> {
  const db = await target.create();
  const queries: string[] = [];
  const app = buildApp(testConfig(db.config, { redisPrefix: uniqueRedisPrefix(), ...overrides }), {
    logger: pino({ level: 'silent' }),
    ...options,
    database: { onQuery: (sql) => queries.push(sql) },
  });
  const url = await app.start();
  return {
    app,
    url,
    queries,
    db: committedDb(app),
    async stop() {
      await app.stop();
      await db.dispose();
    },
  };
}

/** Several app instances on one fresh database (as behind a load balancer), started one after another. */
export async function startTestCluster(
  target: DatabaseTarget,
  count: number,
  overrides: Partial<Config> = {},
  options: (index: number) => BuildAppOptions = () => ({}),
): Promise<{ apps: RunningApp[]; stop(): Promise<void> }> {
  const db = await target.create();
  const apps: RunningApp[] = [];
  overrides = { redisPrefix: uniqueRedisPrefix(), ...overrides }; // one namespace for the whole cluster
  for (let i = 0; i < count; i++) {
    const queries: string[] = [];
    const app = buildApp(testConfig(db.config, { redisPrefix: uniqueRedisPrefix(), ...overrides }), {
      logger: pino({ level: 'silent' }),
      ...options(i),
      database: { onQuery: (sql) => queries.push(sql) },
    });
    const url = await app.start();
    apps.push({ app, url, queries, db: committedDb(app), stop: () => app.stop() });
  }
  return {
    apps,
    async stop() {
      await Promise.all(apps.map((a) => a.stop()));
      await db.dispose();
    },
  };
}

/** Test apps sharing the dev machine's Redis never hear each other's channels or read each other's keys. */
function uniqueRedisPrefix(): string {
  return `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
}
