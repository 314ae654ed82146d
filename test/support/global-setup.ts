import { POSTGRES_ADMIN_URL, postgresReachable } from './databases.js';
import { ensurePgliteTemplate, ensurePostgresTemplate, templateVersion } from './database-templates.js';

/**
 * Once per test run: a migrated, seeded template of each database, so every suite starts from a copy
 * (CREATE DATABASE … TEMPLATE, a copied PGlite directory) instead of migrating and seeding anew.
 */
export default async function setup(): Promise<void> {
  const version = await templateVersion();
  await ensurePgliteTemplate(version);
  if (await postgresReachable()) await ensurePostgresTemplate(POSTGRES_ADMIN_URL, version);
}
