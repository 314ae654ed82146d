import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { changeCatalog, type AppliedChange } from '../../persistence/repositories/catalog-store.js';
import { builtinCatalog } from '../../persistence/seed/seed-catalog.js';
import { CatalogFileError, parseCatalogFile } from './catalog-file.js';
import type { CatalogChanges } from './catalog-changes.js';
import { planFileChanges } from './plan-file-changes.js';

/**
 * Reads CATALOG_FILE and makes the catalog say what it says (see planFileChanges), in one audited
 * transaction; then every instance's routing snapshot is invalidated. Throws CatalogFileError with the
 * line and field of every problem, and changes nothing, when the file is unreadable or invalid.
 */
export async function applyCatalogFile(em: EntityManager, changes: CatalogChanges, path: string): Promise<AppliedChange[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogFileError([{ where: path, path: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  const declaration = parseCatalogFile(text, basename(path));
  const applied = await changeCatalog(em, { kind: 'catalog_file', id: path }, (keys, rows) => planFileChanges(declaration, builtinCatalog, keys, rows, new Date()));
  if (applied.length) changes.changed('catalog file');
  return applied;
}
