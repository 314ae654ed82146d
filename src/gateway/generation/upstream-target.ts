import { openAiCompatibleProfile, type OpenAiDialect, type UpstreamTarget, type WireFamily } from '../../adapters/index.js';
import type { RequestParameter } from '../../core/llm/request.js';
import type { Upstream } from '../upstreams.js';

export interface UpstreamTargetInput {
  family: WireFamily;
  providerSlug: string;
  providerModelId: string;
  /** Where the attempt goes and with which key (live or simulated). */
  upstream: Extract<Upstream, { mode: 'live' | 'simulated' }>;
  /** The endpoint's supported parameters: other optional ones are not sent. */
  supportedParameters: Iterable<string>;
  /** The endpoint's output cap, used when the request has none (a format that requires one). */
  maxCompletionTokens: number | null;
  /** A dialect declared for the provider (catalog); wins over the built-in profile of its slug. */
  openai?: OpenAiDialect;
}

/**
 * What an adapter needs for one attempt, from the catalog and the upstream directory. Pure: the one
 * place production decides base URL, key, auth style, dialect and parameter gate — tests build their
 * targets through it too, so what they assert is what is sent.
 */
export function upstreamTargetFor(input: UpstreamTargetInput): UpstreamTarget {
  const profile = input.family === 'openai' ? openAiCompatibleProfile(input.providerSlug) : undefined;
  const dialect = profile || input.openai ? { ...profile?.dialect, ...input.openai } : undefined;
  return {
    baseUrl: input.upstream.baseUrl,
    apiKey: input.upstream.apiKey,
    providerModelId: input.providerModelId,
    supportedParameters: [...input.supportedParameters] as RequestParameter[],
    ...(profile && { auth: profile.auth }),
    ...(dialect && { openai: dialect }),
    ...(input.maxCompletionTokens !== null && { defaultMaxTokens: input.maxCompletionTokens }),
    ...(input.upstream.headers && { extraHeaders: input.upstream.headers }),
  };
}
