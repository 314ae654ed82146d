import type { SwitchyardError } from '../core/errors.js';
import type { ChatRequest, RequestParameter } from '../core/llm/request.js';
import type { StreamPart } from '../core/llm/stream-part.js';
import type { HeaderBag } from './headers.js';
import type { ByteSource } from './sse.js';

export type WireFamily = 'openai' | 'anthropic' | 'gemini';

/** How the API key travels: `Authorization: Bearer`, a named header (x-api-key, api-key…), or not at all (local vLLM/Ollama). */
export type AuthStyle = { kind: 'bearer' } | { kind: 'header'; name: string } | { kind: 'none' };

/** Dialect switches of OpenAI-compatible servers; data, so a new provider is configuration, not code. */
export interface OpenAiDialect {
  /** `max_completion_tokens` (OpenAI's current models) or the classic `max_tokens` (everyone else). */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Only OpenAI itself knows the `developer` role; elsewhere it is sent as `system`. */
  developerRole?: boolean;
  /** Keep `cache_control` on content parts (providers fronting Anthropic-style caching). */
  cacheControl?: boolean;
  /** How reasoning is asked for: OpenAI's `reasoning_effort`, OpenRouter-style `reasoning` object, or not at all. */
  reasoningField?: 'reasoning_effort' | 'reasoning' | 'none';
}

/** Where one attempt goes: one endpoint of one provider. */
export interface UpstreamTarget {
  /** e.g. https://api.openai.com/v1, https://api.anthropic.com, https://generativelanguage.googleapis.com */
  baseUrl: string;
  apiKey?: string;
  /** The provider's own model name (`claude-sonnet-4-5`, `meta-llama/Llama-3.3-70B-Instruct-Turbo`). */
  providerModelId: string;
  /** Defaults per family: bearer (openai), x-api-key (anthropic), x-goog-api-key (gemini). */
  auth?: AuthStyle;
  extraHeaders?: Readonly<Record<string, string>>;
  /** When given, optional parameters outside this list are dropped instead of sent. */
  supportedParameters?: readonly RequestParameter[];
  /** Used when the request sets no max_tokens but the wire format requires one (Anthropic). */
  defaultMaxTokens?: number;
  openai?: OpenAiDialect;
}

export interface UpstreamRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface BuildOptions {
  stream: boolean;
}

/**
 * One wire family. `buildRequest` may throw a `bad_request` SwitchyardError (e.g. a conversation the
 * format cannot express); `parseStream` and `parseResponse` never throw: bad upstream data becomes a
 * final `error` part (`upstream_bad_response`), so callers have one failure path.
 */
export interface ProviderAdapter {
  readonly family: WireFamily;
  buildRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest;
  /** SSE body → normalized parts, ending with `finish` or `error`. Stops reading (and cancels the source) on either. */
  parseStream(body: ByteSource): AsyncIterable<StreamPart>;
  /** Non-stream JSON body → the same parts a stream of it would give (fold them for the result). */
  parseResponse(json: unknown): StreamPart[];
  /** Non-2xx upstream answer → taxonomy error (429 → rate_limited, 5xx/529 → upstream_unavailable…). */
  classifyError(status: number, headers: HeaderBag, bodyText: string): SwitchyardError;
}
