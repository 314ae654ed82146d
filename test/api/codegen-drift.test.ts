import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';

const root = resolve(import.meta.dirname, '../..');

describe('generated typed documents', () => {
  it('match the committed schema and documents (run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      expect(await readFile(resolve(root, filename), 'utf8'), filename).toBe(content);
    }
  }, 60_000);
});
