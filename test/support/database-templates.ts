import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/persistence/database.js';
import { seedCatalog } from '../../src/persistence/seed/seed-catalog.js';

const root = resolve(import.meta.dirname, '../..');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().sort();
}

let version: Promise<string> | undefined;

/** Names the schema and seed a template holds: any change to the migrations or the seed data gives a new template. */
export function templateVersion(): Promise<string> {
  version ??= computeVersion();
  return version;
}

async function computeVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await filesUnder(join(root, 'migrations'))), ...(await filesUnder(join(root, 'src/persistence/seed')))]) {
    hash.update(file.slice(root.length)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export const postgresTemplateName = (version: string) => `switchyard_template_${version}`;
export const pgliteTemplateDir = (version: string) => join(tmpdir(), `switchyard-pglite-template-${version}`);

const exists = (path: string) => stat(path).then(() => true, () => false);

/** A migrated and seeded PGlite data directory, built once per schema version (atomically: built aside, then renamed). */
export async function ensurePgliteTemplate(version: string): Promise<string> {
  const dir = pgliteTemplateDir(version);
  if (await exists(join(dir, 'pglite'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const db = await openDatabase({ kind: 'embedded', dataDir: building });
  try {
    await db.migrate();
    await seedCatalog(db.orm.em.fork());
  } finally {
    await db.close();
  }
  // Only the database itself: the lock, owner and socket files belong to a running process.
  await rm(join(building, 'run'), { recursive: true, force: true });
  await rename(building, dir).catch(async () => rm(building, { recursive: true, force: true })); // another run won the race
  return dir;
}

/** A migrated and seeded PostgreSQL database to clone with CREATE DATABASE … TEMPLATE; built once per schema version. */
export async function ensurePostgresTemplate(adminUrl: string, version: string): Promise<string> {
  const name = postgresTemplateName(version);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Several test runs (worktrees) may start at once: one builds, the others wait for it.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`drop database if exists "${building}" with (force)`);
    await admin.query(`create database "${building}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      await db.migrate();
      await seedCatalog(db.orm.em.fork());
    } finally {
      await db.close();
    }
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
}

/** A copy of the PGlite template as a fresh data directory. */
export async function clonePglite(version: string, dataDir: string): Promise<void> {
  await cp(join(pgliteTemplateDir(version), 'pglite'), join(dataDir, 'pglite'), { recursive: true });
}
