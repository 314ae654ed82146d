import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogFileError, parseCatalogFile } from '../../../src/gateway/catalog/catalog-file.js';
import { planFileChanges } from '../../../src/gateway/catalog/plan-file-changes.js';
import type { CatalogKeys, CatalogRows } from '../../../src/persistence/repositories/catalog-store.js';
import { builtinCatalog } from '../../../src/persistence/seed/seed-catalog.js';

const issuesOf = (text: string, name = 'catalog.yaml') => {
  try {
    parseCatalogFile(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogFileError);
    return (error as CatalogFileError).issues;
  }
  throw new Error('expected the file to be refused');
};

const NO_ROWS: CatalogRows = { provider: async () => null, model: async () => null, endpoint: async () => null };
const keysOf = (origins: Partial<Record<keyof CatalogKeys, [string, 'builtin' | 'file' | 'operator'][]>> = {}): CatalogKeys => ({
  providers: new Map([...[...builtinCatalog.providers.keys()].map((k) => [k, 'builtin'] as const), ...(origins.providers ?? [])]),
  models: new Map([...[...builtinCatalog.models.keys()].map((k) => [k, 'builtin'] as const), ...(origins.models ?? [])]),
  endpoints: new Map([...[...builtinCatalog.endpoints.keys()].map((k) => [k, 'builtin'] as const), ...(origins.endpoints ?? [])]),
});
const plan = (text: string, keys = keysOf()) => planFileChanges(parseCatalogFile(text, 'catalog.yaml'), builtinCatalog, keys, NO_ROWS, new Date(0));

describe('parseCatalogFile', () => {
  it('names the line and the field of every problem', () => {
    const issues = issuesOf(
      [
        'providers:', //                      1
        '  - slug: vllm', //                  2
        '    family: openia', //              3
        '    baseUrl: http://gpu:8000/v1', // 4
        '    extraHeaders:', //               5
        '      Authorization: Bearer sk-x', // 6
        '  - slug: Bad Slug', //              7
        'endpoints:', //                      8
        '  - model: acme/x', //               9
        '    provider: vllm', //              10
        '    pricing: { prompt: 0.0000001, completion: "abc" }', // 11
        '    contxtLength: 4096', //          12
      ].join('\n'),
    );
    expect(issues.map((i) => `${i.where} ${i.path}`)).toEqual([
      'catalog.yaml:3 providers[0].family',
      'catalog.yaml:6 providers[0].extraHeaders.Authorization',
      'catalog.yaml:7 providers[1].slug',
      'catalog.yaml:11 endpoints[0].pricing.prompt',
      'catalog.yaml:11 endpoints[0].pricing.completion',
      'catalog.yaml:12 endpoints[0].contxtLength',
    ]);
    expect(issues[1]!.message).toMatch(/credentialEnv/);
    expect(issues[3]!.message).toMatch(/write the price as a string/);
    expect(issues[5]!.message).toBe('unknown field contxtLength');
  });

  it('reads JSON too, with JSON syntax errors on their line', () => {
    const declaration = parseCatalogFile('{\n  "providers": [\n    { "slug": "ollama", "name": "Ollama", "family": "openai", "baseUrl": "http://127.0.0.1:11434/v1" }\n  ]\n}', 'catalog.json');
    expect(declaration.providers[0]!.entry).toEqual({ slug: 'ollama', name: 'Ollama', family: 'openai', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(declaration.providers[0]!.at('baseUrl')).toBe('catalog.json:3');
    expect(issuesOf('{\n  "providers": [\n    { "slug": "x", }\n  ]\n}', 'catalog.json')).toEqual([{ where: 'catalog.json:3', path: '', message: expect.any(String) }]);
    expect(issuesOf('providers:\n  - slug: a\n    slug: b\n')[0]!.where).toBe('catalog.yaml:3');
  });

  it('rounds prices with more than 12 decimals half up to the pico-dollar, like the built-in catalog', () => {
    const { endpoints } = parseCatalogFile('endpoints:\n  - model: a/b\n    provider: c\n    pricing: { prompt: "0.00000008333333333333334", completion: "0.0000000000005" }\n', 'c.yaml');
    expect(endpoints[0]!.entry.pricing).toEqual({ prompt: 83_333n, completion: 1n });
  });
});

describe('planFileChanges', () => {
  it('merges an entry over the built-in row of its key, field by field', async () => {
    const changes = await plan('providers:\n  - slug: together\n    baseUrl: https://llm-gateway.corp.example/together/v1\n    credentialEnv: CORP_TOGETHER_TOKEN\n');
    expect(changes).toEqual([
      { action: 'upsert', subject: 'provider', origin: 'file', row: { ...builtinCatalog.providers.get('together')!, baseUrl: 'https://llm-gateway.corp.example/together/v1', credentialEnv: 'CORP_TOGETHER_TOKEN' } },
    ]);
  });

  it('wants a new row complete, and references to exist once applied', async () => {
    await expect(plan('providers:\n  - slug: vllm\n    name: V\n\nendpoints:\n  - model: acme/ghost\n    provider: vllm\n')).rejects.toMatchObject({
      issues: [
        { where: 'catalog.yaml:2', path: 'providers[0].family', message: 'family is required for a new provider' },
        { where: 'catalog.yaml:2', path: 'providers[0].baseUrl', message: 'baseUrl is required for a new provider' },
        { where: 'catalog.yaml:6', path: 'endpoints[0].model', message: 'no model acme/ghost: declare it under models' },
        { where: 'catalog.yaml:6', path: 'endpoints[0].providerModelId', message: 'providerModelId is required for a new endpoint' },
        { where: 'catalog.yaml:6', path: 'endpoints[0].pricing.prompt', message: expect.stringMatching(/required/) },
        { where: 'catalog.yaml:6', path: 'endpoints[0].pricing.completion', message: expect.stringMatching(/required/) },
      ],
    });
  });

  it('gives back what the file no longer declares: the built-in version, or nothing', async () => {
    const keys = keysOf({ providers: [['together', 'file'], ['vllm', 'file'], ['mine', 'operator']], models: [['acme/x', 'file']] });
    const changes = await plan('models: []\n', keys);
    expect(changes).toEqual([
      { action: 'restore', subject: 'provider', origin: 'builtin', row: builtinCatalog.providers.get('together') },
      { action: 'remove', subject: 'provider', key: 'vllm' },
      { action: 'remove', subject: 'model', key: 'acme/x' },
    ]);
  });

  it('refuses a key declared twice', async () => {
    await expect(plan('models:\n  - id: acme/x\n    name: X\n    contextLength: 8\n  - id: acme/x\n')).rejects.toMatchObject({
      issues: [{ where: 'catalog.yaml:5', path: 'models[1]', message: 'model acme/x is already declared at catalog.yaml:2' }],
    });
  });
});

describe('the documented examples', () => {
  it('docs/catalog.md: every field, and a built-in provider overridden', async () => {
    const doc = readFileSync(new URL('../../../docs/catalog.md', import.meta.url), 'utf8');
    const example = /## The catalog file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const changes = await plan(example);
    expect(changes.map((c) => (c.action === 'remove' ? c.key : `${c.subject} ${c.origin}`))).toEqual(['provider file', 'provider file', 'model file', 'endpoint file']);
  });

  it('README: a complete catalog file', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const example = /## Route to your own vLLM\/Ollama server[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const changes = await plan(example);
    expect(changes.map((c) => `${c.action} ${c.subject}`)).toEqual(['upsert provider', 'upsert model', 'upsert endpoint']);
  });
});
