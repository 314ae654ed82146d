import { ZERO } from '../core/billing/money.js';
import type { GenerationOutcome, OutputPart } from '../gateway/generation/generation-events.js';
import type { AttemptRecord } from '../core/generation/record.js';
import type { GenerationView } from '../persistence/queries/generation-reader.js';
import { displayUsd } from './display-usd.js';

type Completed = Extract<GenerationOutcome, { kind: 'completed' }>;
/** Slug → display name: OpenRouter reports providers by name ("DeepInfra"). */
export type ProviderName = (slug: string) => string;

/** A finished generation as OpenAI's `chat.completion` plus OpenRouter's fields (provider, cost, native reason). */
export function chatCompletionJson(o: Completed, created: Date, providerName: ProviderName) {
  const { result } = o;
  const usage = result.usage;
  return {
    id: o.generationId,
    object: 'chat.completion',
    created: Math.floor(created.getTime() / 1000),
    model: o.model,
    provider: providerName(o.provider),
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: result.finish?.reason ?? 'error',
        native_finish_reason: result.finish?.nativeReason ?? null,
        message: {
          role: 'assistant',
          content: result.text || null,
          ...(result.reasoning ? { reasoning: result.reasoning } : {}),
          // Signed reasoning blocks: a client sends them back with this turn (tool loops with reasoning need them).
          ...(result.reasoningDetails.length ? { reasoning_details: result.reasoningDetails } : {}),
          ...(result.toolCalls.length
            ? { tool_calls: result.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) }
            : {}),
        },
      },
    ],
    usage: {
      prompt_tokens: usage?.input.total ?? 0,
      completion_tokens: usage?.output.total ?? 0,
      total_tokens: (usage?.input.total ?? 0) + (usage?.output.total ?? 0),
      cost: displayUsd(o.cost),
      is_byok: o.byokUsage !== null,
      prompt_tokens_details: { cached_tokens: usage?.input.cacheRead ?? 0, cache_write_tokens: usage?.input.cacheWrite ?? 0 },
      completion_tokens_details: { reasoning_tokens: usage?.output.reasoning ?? 0 },
      // What the provider charged: for BYOK, paid with the account's own key (`cost` is then the BYOK fee).
      cost_details: { upstream_inference_cost: displayUsd(o.byokUsage ?? o.cost) },
    },
  };
}

/** `GET /api/v1/generation?id=` in OpenRouter's shape. */
export function generationJson(g: GenerationView, attempts: AttemptRecord[], providerName: ProviderName) {
  return {
    id: g.id,
    model: g.model,
    provider_name: g.provider && providerName(g.provider),
    created_at: g.createdAt.toISOString(),
    streamed: g.streamed,
    cancelled: g.cancelled,
    tokens_prompt: g.tokens.prompt,
    tokens_completion: g.tokens.completion,
    native_tokens_prompt: g.tokens.prompt,
    native_tokens_completion: g.tokens.completion,
    native_tokens_reasoning: g.tokens.reasoning,
    native_tokens_cached: g.tokens.cached,
    total_cost: displayUsd(g.cost ?? ZERO),
    is_byok: g.isByok,
    latency: g.ttftMs,
    generation_time: g.generationTimeMs,
    finish_reason: g.finishReason,
    native_finish_reason: g.nativeFinishReason,
    provider_responses: attempts.map((a) => ({ provider: a.provider, status: a.status, error: a.errorCode, latency: a.durationMs })),
  };
}

/**
 * Turns pipeline output into OpenAI `chat.completion.chunk`s. Tool-call deltas carry the call's index
 * (OpenAI clients assemble calls by index; the id goes only on the first delta of a call).
 */
export function createChunker(generationId: string, created: Date, providerName: ProviderName) {
  const base = (model: string, provider: string) => ({ id: generationId, object: 'chat.completion.chunk', created: Math.floor(created.getTime() / 1000), model, provider: providerName(provider) });
  const indexOf = new Map<string, number>();
  let roleSent = false;
  return {
    delta(model: string, provider: string, part: OutputPart) {
      let delta: Record<string, unknown>;
      switch (part.type) {
        case 'text-delta':
          delta = { content: part.text };
          break;
        case 'reasoning-delta':
          delta = { reasoning: part.text };
          break;
        case 'reasoning-detail':
          delta = { reasoning_details: [part.detail] };
          break;
        case 'tool-call-start':
          indexOf.set(part.id, part.index);
          delta = { tool_calls: [{ index: part.index, id: part.id, type: 'function', function: { name: part.name, arguments: '' } }] };
          break;
        case 'tool-call-delta':
          delta = { tool_calls: [{ index: indexOf.get(part.id) ?? 0, function: { arguments: part.argumentsDelta } }] };
          break;
        case 'tool-call-end':
          return null;
      }
      if (!roleSent) {
        roleSent = true;
        delta = { role: 'assistant', ...delta };
      }
      return { ...base(model, provider), choices: [{ index: 0, delta, finish_reason: null, native_finish_reason: null }] };
    },
    /** The last chunk: the finish reason, and usage with the exact cost (OpenRouter always sends it). */
    finish(o: Completed) {
      const full = chatCompletionJson(o, created, providerName);
      return {
        ...base(o.model, o.provider),
        choices: [{ index: 0, delta: {}, finish_reason: full.choices[0]!.finish_reason, native_finish_reason: full.choices[0]!.native_finish_reason }],
        usage: full.usage,
      };
    },
    /** After the first token a failure can't change the status code: it becomes a chunk. */
    error(model: string, provider: string, code: number, message: string) {
      return { ...base(model, provider), error: { code, message }, choices: [{ index: 0, delta: {}, finish_reason: 'error', native_finish_reason: null }] };
    },
  };
}
