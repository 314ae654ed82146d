// Regenerates src/persistence/seed/data/<author>.json from a saved copy of OpenRouter's public
// /api/v1/models answer: `npm run catalog:import -- path/to/openrouter-models.json`.
// Every text model (variants such as `:free` and OpenRouter's own routers left out) becomes a model with
// one endpoint at its author's provider at the listed price. What the list does not carry is kept from
// the previous file: descriptions, release dates, the provider's own model id and the quantization.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { authorFileSchema, type AuthorFile, type AuthorFileModel, type FilePricing } from '../src/persistence/seed/catalog-files.js';
import { formatCatalogJson } from './catalog-json.js';

const dataDir = resolve(import.meta.dirname, '../src/persistence/seed/data');

/** Who serves an author's models first-hand (slugs of src/persistence/seed/providers.ts). */
const AUTHOR_PROVIDERS: Record<string, string> = {
  anthropic: 'anthropic',
  deepseek: 'deepseek',
  google: 'google',
  'meta-llama': 'meta',
  minimax: 'minimax',
  openai: 'openai',
  qwen: 'alibaba',
  'x-ai': 'xai',
};

const llamaCase = (slug: string) =>
  slug
    .split('-')
    .map((w) => (/^\d+(\.\d+)?b$/.test(w) ? w.toUpperCase() : /^[a-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('-');

/** The model's name in its author's own API, by each author's spelling; exceptions below. */
const PROVIDER_MODEL_ID: Record<string, (slug: string) => string> = {
  anthropic: (s) => s.replace(/\./g, '-'),
  deepseek: (s) => (/r1|speciale/.test(s) ? 'deepseek-reasoner' : 'deepseek-chat'),
  google: (s) => s,
  'meta-llama': llamaCase,
  minimax: (s) => s.replace(/^minimax-m/, 'MiniMax-M'),
  // `-high` ids are OpenRouter presets of the same model with reasoning effort high.
  openai: (s) => s.replace(/-high$/, ''),
  qwen: (s) => s.replace(/^qwen-2\.5-/, 'qwen2.5-'),
  'x-ai': (s) => s,
};
const PROVIDER_MODEL_ID_EXCEPTIONS: Record<string, string> = {
  'anthropic/claude-3-haiku': 'claude-3-haiku-20240307',
  'meta-llama/llama-4-maverick': 'Llama-4-Maverick-17B-128E-Instruct-FP8',
  'meta-llama/llama-4-scout': 'Llama-4-Scout-17B-16E-Instruct-FP8',
  'minimax/minimax-01': 'MiniMax-Text-01',
  'openai/gpt-5-chat': 'gpt-5-chat-latest',
  'openai/gpt-5.1-chat': 'gpt-5.1-chat-latest',
  'openai/gpt-5.2-chat': 'gpt-5.2-chat-latest',
  'openai/gpt-5.3-chat': 'gpt-5.3-chat-latest',
};

const PRICE_FIELDS: Record<string, keyof FilePricing> = {
  prompt: 'prompt',
  completion: 'completion',
  request: 'request',
  image: 'image',
  web_search: 'webSearch',
  internal_reasoning: 'internalReasoning',
  input_cache_read: 'inputCacheRead',
  input_cache_write: 'inputCacheWrite',
};

interface OpenRouterModel {
  id: string;
  canonical_slug: string;
  name: string;
  created?: number;
  context_length: number;
  architecture: { input_modalities: string[]; output_modalities: string[]; tokenizer: string; instruct_type: string | null };
  pricing: Record<string, string>;
  top_provider: { context_length: number | null; max_completion_tokens: number | null; is_moderated: boolean };
  supported_parameters: string[];
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000;

/** A release date spelled in the id (gpt-4o-2024-08-06, qwen3-…-2507, …-preview-09-2025), if any. */
function dateInId(id: string): number | undefined {
  const ymd = /-(20\d\d)-(\d\d)-(\d\d)$/.exec(id);
  if (ymd) return utc(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const my = /-(\d\d)-(20\d\d)$/.exec(id);
  if (my) return utc(Number(my[2]), Number(my[1]), 1);
  const yymm = /-(2[4-9])(0[1-9]|1[0-2])$/.exec(id);
  if (yymm) return utc(2000 + Number(yymm[1]), Number(yymm[2]), 1);
  return undefined;
}

function pricingOf(m: OpenRouterModel): FilePricing {
  const pricing: FilePricing = {};
  for (const [field, value] of Object.entries(m.pricing)) {
    const ours = PRICE_FIELDS[field];
    // Audio tokens are not billed separately here (see docs/catalog.md); zero is the default.
    if (ours && Number(value) !== 0) pricing[ours] = value;
  }
  return pricing;
}

function readPrevious(author: string): Map<string, AuthorFileModel> {
  const path = resolve(dataDir, `${author}.json`);
  if (!existsSync(path)) return new Map();
  const file = authorFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Map(file.models.map((m) => [m.id, m]));
}

const snapshotPath = process.argv[2];
if (!snapshotPath) {
  console.error('usage: npm run catalog:import -- <openrouter-models.json>');
  process.exit(2);
}
const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { snapshot?: string; models?: OpenRouterModel[]; data?: OpenRouterModel[] };
const list = snapshot.models ?? snapshot.data ?? [];
const month = /^(\d{4})-(\d{2})/.exec(snapshot.snapshot ?? '');
if (!month) throw new Error('the snapshot must say its date ("snapshot": "YYYY-MM…"): it dates models whose release is unknown');
const snapshotDate = utc(Number(month[1]), Number(month[2]), 1);

const byAuthor = new Map<string, OpenRouterModel[]>();
for (const m of list) {
  const author = m.id.split('/')[0]!;
  if (m.id.includes(':') || author === 'openrouter' || !m.architecture.output_modalities.includes('text')) continue;
  byAuthor.set(author, [...(byAuthor.get(author) ?? []), m]);
}

for (const [author, models] of [...byAuthor].sort(([a], [b]) => a.localeCompare(b))) {
  const provider = AUTHOR_PROVIDERS[author];
  const spell = PROVIDER_MODEL_ID[author];
  if (!provider || !spell) throw new Error(`no provider for author ${author}: add it to AUTHOR_PROVIDERS (and providers.ts)`);
  const previous = readPrevious(author);
  const file: AuthorFile = {
    $comment: `Generated by \`npm run catalog:import\` from ${snapshotPath.split('/').pop()}; see docs/catalog.md before editing.`,
    author,
    provider,
    models: models
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((m): AuthorFileModel => {
        const before = previous.get(m.id);
        const contextLength = m.top_provider.context_length ?? m.context_length;
        const maxCompletion = m.top_provider.max_completion_tokens;
        return {
          id: m.id,
          canonicalSlug: m.canonical_slug,
          name: m.name,
          description: before?.description ?? '',
          contextLength: m.context_length,
          inputModalities: m.architecture.input_modalities as AuthorFileModel['inputModalities'],
          outputModalities: m.architecture.output_modalities as AuthorFileModel['outputModalities'],
          tokenizer: m.architecture.tokenizer,
          instructType: m.architecture.instruct_type,
          created: before?.created ?? m.created ?? dateInId(m.id) ?? snapshotDate,
          isModerated: m.top_provider.is_moderated,
          // Kept null when marked so by hand: the author does not serve the model itself.
          endpoint: before && before.endpoint === null ? null : {
            providerModelId: before?.endpoint?.providerModelId ?? PROVIDER_MODEL_ID_EXCEPTIONS[m.id] ?? spell(m.id.slice(author.length + 1)),
            contextLength: Math.min(contextLength, m.context_length),
            maxCompletionTokens: maxCompletion === null ? null : Math.min(maxCompletion, contextLength),
            quantization: before?.endpoint?.quantization ?? 'unknown',
            supportedParameters: [...m.supported_parameters].sort(),
            pricing: pricingOf(m),
          },
        };
      }),
  };
  writeFileSync(resolve(dataDir, `${author}.json`), formatCatalogJson(authorFileSchema.parse(file)));
  console.log(`${author}: ${file.models.length} models`);
}
