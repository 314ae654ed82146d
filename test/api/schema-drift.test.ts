import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSchemaSDL } from '../../src/graphql/print-schema.js';

describe('committed schema', () => {
  it('matches the code-first schema (run `npm run schema:print` and `npm run codegen` after changing it)', async () => {
    const committed = await readFile(resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printSchemaSDL()).toBe(committed);
  });
});
