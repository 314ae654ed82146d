import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { DefaultLogger, type LoggerNamespace, type LogContext } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { Database as DatabaseConfig } from '../config.js';
import { entities } from './entities/index.js';
import { migrationsList } from '../../migrations/index.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  orm: MikroORM;
  kind: DatabaseConfig['kind'];
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Called with every SQL statement; only tests and diagnostics pass it (it enables query logging). */
  onQuery?: (sql: string) => void;
}

/** Forwards executed SQL to a callback instead of stdout. */
class QueryListener extends DefaultLogger {
  constructor(private readonly onQuery: (sql: string) => void) {
    super({ writer: () => {}, debugMode: ['query'] });
  }
  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    if (namespace === 'query' && context?.query) this.onQuery(context.query);
  }
  override logQuery(context: { query: string } & LogContext): void {
    this.onQuery(context.query);
  }
}

export function ormOptions(clientUrl: string, poolMax: number, opts: OpenDatabaseOptions = {}): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: poolMax },
    // A relation is loaded only when a resolver asks for it (through DataLoader).
    forceEntityConstructor: false,
    discovery: { warnWhenNoEntities: true },
    // No snapshot file: migration:create diffs against a fresh database with every migration applied.
    migrations: { migrationsList, tableName: 'mikro_orm_migrations', transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: opts.onQuery ? ['query'] : false,
    loggerFactory: opts.onQuery ? () => new QueryListener(opts.onQuery!) : undefined,
  };
}

export async function openDatabase(config: DatabaseConfig, opts: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded = config.kind === 'embedded' ? await startEmbeddedPostgres(config.dataDir) : undefined;
  const url = embedded ? embedded.url : config.kind === 'postgres' ? config.url : '';
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(url, embedded ? 1 : 10, opts));
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    orm,
    kind: config.kind,
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    },
    async isReachable() {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
