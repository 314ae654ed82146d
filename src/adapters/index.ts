import type { ProviderAdapter, WireFamily } from './adapter.js';
import { anthropicAdapter } from './anthropic/index.js';
import { geminiAdapter } from './gemini/index.js';
import { openAiAdapter } from './openai/index.js';

export type * from './adapter.js';
export type { ByteSource } from './sse.js';
export type { HeaderBag } from './headers.js';
export { openAiAdapter, anthropicAdapter, geminiAdapter };
export { OPENAI_COMPATIBLE_PROFILES, openAiCompatibleProfile, type OpenAiCompatibleProfile } from './openai/compatible-providers.js';

const ADAPTERS: Record<WireFamily, ProviderAdapter> = {
  openai: openAiAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
};

export function adapterFor(family: WireFamily): ProviderAdapter {
  return ADAPTERS[family];
}
