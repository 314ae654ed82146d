/** Shapes of the seeded catalog (see catalog-data.ts). Prices are exact decimal strings of USD. */
import type { ProviderDialect } from '../entities/provider.js';

export type WireFamily = 'openai' | 'anthropic' | 'gemini';
export type InputModality = 'text' | 'image' | 'file' | 'audio' | 'video';
export type OutputModality = 'text' | 'image' | 'audio';
export type Quantization = 'int4' | 'int8' | 'fp4' | 'fp6' | 'fp8' | 'fp16' | 'bf16' | 'fp32' | 'unknown';
export interface SeedProvider {
  slug: string;               // 'openai', 'together', ...
  name: string;               // display name
  family: WireFamily;         // wire format the provider speaks (OpenAI-compatible hosts are 'openai')
  baseUrl: string;            // real public API base URL, e.g. 'https://api.together.xyz/v1'
  privacyPolicyUrl: string;
  termsOfServiceUrl: string;
  statusPageUrl: string | null;
  dataPolicy: { trainsOnData: boolean; retainsPrompts: boolean; retentionDays: number | null; zdr: boolean };
  /** How this OpenAI-compatible API differs from OpenAI's (openai family only). */
  dialect?: ProviderDialect;
}
export interface SeedModel {
  id: string;                 // 'author/slug' as on OpenRouter, e.g. 'meta-llama/llama-3.3-70b-instruct'
  canonicalSlug: string;      // OpenRouter canonical slug, e.g. 'meta-llama/llama-3.3-70b-instruct' or dated variant
  name: string;               // 'Meta: Llama 3.3 70B Instruct'
  description: string;        // 1-3 sentences, factual
  contextLength: number;
  inputModalities: InputModality[];
  outputModalities: OutputModality[];
  tokenizer: string;          // 'GPT', 'Claude', 'Gemini', 'Llama3', 'Mistral', 'Qwen', 'DeepSeek', ...
  instructType: string | null;
  created: number;            // unix seconds, roughly the real release date
  isModerated: boolean;       // true for openai/anthropic first-party like OpenRouter reports
}
/** USD per token (or per unit for request/image/webSearch) as exact decimal strings, e.g. '0.0000025'. '0' when free/not applicable. */
export interface SeedPricing {
  prompt: string; completion: string; request: string; image: string; webSearch: string;
  internalReasoning: string; inputCacheRead: string; inputCacheWrite: string;
}
export interface SeedEndpoint {
  model: string;              // SeedModel.id
  provider: string;           // SeedProvider.slug
  providerModelId: string;    // the id the provider's own API expects, e.g. 'meta-llama/Llama-3.3-70B-Instruct-Turbo' on together
  contextLength: number;
  maxCompletionTokens: number | null;
  quantization: Quantization;
  supportedParameters: string[]; // OpenRouter names: tools, tool_choice, max_tokens, temperature, top_p, top_k, stop, seed, frequency_penalty, presence_penalty, repetition_penalty, min_p, logit_bias, logprobs, top_logprobs, response_format, structured_outputs, reasoning, include_reasoning, parallel_tool_calls
  pricing: SeedPricing;
}

