import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/config.js';
import { clonePglite, postgresTemplateName, templateVersion } from './database-templates.js';

/** The real PostgreSQL every dev/CI machine runs; override with TEST_POSTGRES_URL. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_CI = process.env.CI === 'true';

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /**
   * A fresh database for one suite, and how to throw it away: a copy of the migrated and seeded
   * template (see global-setup.ts), or with `empty` one with nothing in it.
   */
  create(options?: { empty?: boolean }): Promise<{ config: Database; dispose(): Promise<void> }>;
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  async create({ empty = false } = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'switchyard-pglite-'));
    if (!empty) await clonePglite(await templateVersion(), dir);
    return { config: { kind: 'embedded', dataDir: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
  },
};

/** Each suite gets its own database on the shared server, so suites never see each other's rows. */
const postgres: DatabaseTarget = {
  name: 'postgres',
  async create({ empty = false } = {}) {
    const name = `switchyard_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(empty ? `create database "${name}"` : `create database "${name}" template "${postgresTemplateName(await templateVersion())}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      config: { kind: 'postgres', url: url.toString() },
      async dispose() {
        const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await client.connect();
        try {
          await client.query(`drop database if exists "${name}" with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

/**
 * Both targets every persistence and API suite runs on. Without PostgreSQL a local run skips that
 * target loudly; under CI=true it fails instead, so a missing service can never pass as green.
 */
export async function databaseTargets(): Promise<DatabaseTarget[]> {
  if (await postgresReachable()) return [pglite, postgres];
  if (IN_CI) throw new Error(`CI=true but PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}`);
  console.warn(`PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: running on PGlite only`);
  return [pglite];
}
