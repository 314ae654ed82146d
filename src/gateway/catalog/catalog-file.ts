import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { endpointEntrySchema, modelEntrySchema, providerEntrySchema, type EndpointEntry, type ModelEntry, type ProviderEntry } from './catalog-entries.js';

/** A CATALOG_FILE entry with where it was written, so later checks (references, completeness) can say so too. */
export interface Located<T> {
  entry: T;
  /** `file:line` of the entry, or of one of its fields (dotted, e.g. `pricing.prompt`) when it is there. */
  at(field?: string): string;
  /** `providers[2]`, `endpoints[0]`… */
  path: string;
}

export interface CatalogDeclaration {
  providers: Located<ProviderEntry>[];
  models: Located<ModelEntry>[];
  endpoints: Located<EndpointEntry>[];
}

export interface CatalogFileIssue {
  /** `catalog.yaml:12` */
  where: string;
  /** `providers[0].baseUrl` */
  path: string;
  message: string;
}

/** A catalog file that cannot be applied: every problem, each with its line and field. */
export class CatalogFileError extends Error {
  constructor(readonly issues: CatalogFileIssue[]) {
    super(`Invalid CATALOG_FILE:\n${issues.map((i) => `  ${i.where}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}`);
    this.name = 'CatalogFileError';
  }
}

const fileSchema = z
  .object({
    providers: z.array(providerEntrySchema),
    models: z.array(modelEntrySchema),
    endpoints: z.array(endpointEntrySchema),
  })
  .partial()
  .strict();

type PathKey = string | number;
const pathText = (path: readonly PathKey[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/**
 * Parses a catalog file (YAML, or JSON — a subset of YAML) and validates it. Errors carry the line of the
 * offending field (or of the nearest enclosing entry, for a missing one). Pure: `name` is only for messages.
 */
export function parseCatalogFile(text: string, name: string): CatalogDeclaration {
  // YAML reads JSON too, but JSON's own parser says more plainly where a JSON file's syntax breaks.
  if (name.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
      const line = text.slice(0, position).split('\n').length;
      throw new CatalogFileError([{ where: `${name}:${line}`, path: '', message: (error as Error).message.replace(/ in JSON at position \d+.*$/, '') }]);
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new CatalogFileError(doc.errors.map((e) => ({ where: `${name}:${lines.linePos(e.pos[0]).line}`, path: '', message: e.message.split('\n')[0]! })));
  }
  const lineOf = (path: readonly PathKey[]): number => {
    // The deepest node that exists on the path: a missing field is reported on its entry's line.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc as Document).getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
  const where = (path: readonly PathKey[]) => `${name}:${lineOf(path)}`;

  const value: unknown = doc.toJS() ?? {};
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    throw new CatalogFileError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
        const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message;
        const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
        return { where: where(at), path: pathText(at), message };
      }),
    );
  }
  const locate = <T>(list: 'providers' | 'models' | 'endpoints', entries: T[] | undefined): Located<T>[] =>
    (entries ?? []).map((entry, i) => ({
      entry,
      path: `${list}[${i}]`,
      at: (field?: string) => where([list, i, ...(field ? field.split('.') : [])]),
    }));
  return {
    providers: locate('providers', parsed.data.providers),
    models: locate('models', parsed.data.models),
    endpoints: locate('endpoints', parsed.data.endpoints),
  };
}
