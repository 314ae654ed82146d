import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../support/import-graph.js';

const root = resolve(import.meta.dirname, '../..');
const graph = importGraph(root, 'src');
const layer = (path: string) => path.split('/')[1]!;

describe('the structure of src/', () => {
  it('has no import cycle, not even through type-only imports', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps core/ pure: it imports nothing of ours outside core/', () => {
    expect(graph.filter((i) => layer(i.from) === 'core' && layer(i.to) !== 'core').map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('lets adapters speak only the normalized LLM types and the error taxonomy', () => {
    const allowed = (to: string) => layer(to) === 'adapters' || to.startsWith('src/core/llm/') || to === 'src/core/errors.ts';
    expect(graph.filter((i) => layer(i.from) === 'adapters' && !allowed(i.to)).map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('lets the surfaces (graphql/, rest/) reach persistence only for types and read-side query modules', () => {
    const surface = (path: string) => layer(path) === 'graphql' || layer(path) === 'rest';
    const leaks = graph.filter((i) => surface(i.from) && layer(i.to) === 'persistence' && !i.typeOnly && !i.to.startsWith('src/persistence/queries/'));
    expect(leaks.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('points the direction down: nothing below the surfaces imports them, the gateway or the app', () => {
    const below = ['core', 'adapters', 'persistence', 'realtime', 'simulator'];
    const above = (to: string) => ['graphql', 'rest', 'transport', 'gateway', 'app.ts', 'main.ts'].includes(layer(to));
    expect(graph.filter((i) => below.includes(layer(i.from)) && above(i.to)).map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });
});
