import { endpointKey, type CatalogKeys, type CatalogRowChange, type CatalogRows, type ModelRow } from '../../persistence/repositories/catalog-store.js';
import type { BuiltinCatalog } from '../../persistence/seed/seed-catalog.js';
import { mergeEndpoint, mergeModel, mergeProvider, type Merged, type MissingField } from './catalog-entries.js';
import { CatalogFileError, type CatalogDeclaration, type CatalogFileIssue, type Located } from './catalog-file.js';

/**
 * What applying a catalog file changes. The file is declarative: each entry is merged over the
 * built-in row of its key (or must be complete when there is none) and written as a `file` row; a
 * `file` row the file no longer declares goes back to its built-in version, or away. Throws a
 * CatalogFileError (with lines) when an entry is incomplete or names a model or provider that will not exist.
 */
export async function planFileChanges(
  declaration: CatalogDeclaration,
  builtin: BuiltinCatalog,
  keys: CatalogKeys,
  rows: CatalogRows,
  now: Date,
): Promise<CatalogRowChange[]> {
  const issues: CatalogFileIssue[] = [];
  const changes: CatalogRowChange[] = [];
  const report = <T>(located: Located<T>, merged: Merged<unknown>) => {
    if (!merged.ok) issues.push(...merged.missing.map((m: MissingField) => ({ where: located.at(), path: `${located.path}.${m.field}`, message: m.message })));
  };
  const repeated = new Set<Located<unknown>>();
  const once = <T>(list: Located<T>[], keyOf: (entry: T) => string, what: string) => {
    const seen = new Map<string, string>();
    for (const located of list) {
      const key = keyOf(located.entry);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, located.at());
      else {
        repeated.add(located);
        issues.push({ where: located.at(), path: located.path, message: `${what} ${key} is already declared at ${first}` });
      }
    }
    return new Set(seen.keys());
  };
  const providers = once(declaration.providers, (e) => e.slug, 'provider');
  const models = once(declaration.models, (e) => e.id, 'model');
  const endpoints = once(declaration.endpoints, (e) => endpointKey(e.model, e.provider), 'endpoint');

  for (const located of declaration.providers) {
    if (repeated.has(located)) continue;
    const merged = mergeProvider(located.entry, builtin.providers.get(located.entry.slug) ?? null);
    report(located, merged);
    if (merged.ok) changes.push({ action: 'upsert', subject: 'provider', row: merged.row, origin: 'file' });
  }
  const declaredModels = new Map<string, ModelRow>();
  for (const located of declaration.models) {
    if (repeated.has(located)) continue;
    const { id } = located.entry;
    // Without a `created`, a new model keeps the release time it got when first applied.
    const releasedAt = builtin.models.has(id) ? now : ((await rows.model(id))?.releasedAt ?? now);
    const merged = mergeModel(located.entry, builtin.models.get(id) ?? null, releasedAt);
    report(located, merged);
    if (merged.ok) {
      declaredModels.set(id, merged.row);
      changes.push({ action: 'upsert', subject: 'model', row: merged.row, origin: 'file' });
    }
  }
  // What exists once the file is applied: declared, built in, or put there by someone else than the file.
  const willExist = (key: string, declared: Set<string>, builtinKeys: Map<string, unknown>, current: ReadonlyMap<string, string>) =>
    declared.has(key) || builtinKeys.has(key) || (current.has(key) && current.get(key) !== 'file');
  for (const located of declaration.endpoints) {
    if (repeated.has(located)) continue;
    const { model, provider } = located.entry;
    if (!willExist(model, models, builtin.models, keys.models)) {
      issues.push({ where: located.at('model'), path: `${located.path}.model`, message: `no model ${model}: declare it under models` });
    }
    if (!willExist(provider, providers, builtin.providers, keys.providers)) {
      issues.push({ where: located.at('provider'), path: `${located.path}.provider`, message: `no provider ${provider}: declare it under providers` });
    }
    const modelRow = declaredModels.get(model) ?? builtin.models.get(model) ?? (await rows.model(model));
    const merged = mergeEndpoint(located.entry, builtin.endpoints.get(endpointKey(model, provider)) ?? null, modelRow);
    report(located, merged);
    if (merged.ok) changes.push({ action: 'upsert', subject: 'endpoint', row: merged.row, origin: 'file' });
  }
  if (issues.length) throw new CatalogFileError(issues);

  const undeclared = <R>(current: ReadonlyMap<string, string>, declared: Set<string>, builtinRows: Map<string, R>, restore: (row: R) => CatalogRowChange, subject: 'provider' | 'model' | 'endpoint') => {
    for (const [key, origin] of current) {
      if (origin !== 'file' || declared.has(key)) continue;
      const original = builtinRows.get(key);
      changes.push(original ? restore(original) : { action: 'remove', subject, key });
    }
  };
  undeclared(keys.providers, providers, builtin.providers, (row) => ({ action: 'restore', subject: 'provider', row, origin: 'builtin' }), 'provider');
  undeclared(keys.models, models, builtin.models, (row) => ({ action: 'restore', subject: 'model', row, origin: 'builtin' }), 'model');
  undeclared(keys.endpoints, endpoints, builtin.endpoints, (row) => ({ action: 'restore', subject: 'endpoint', row, origin: 'builtin' }), 'endpoint');
  return changes;
}
