import type { ErrorCode } from '../../core/errors.js';
import type { GenerationEvent } from './generation-events.js';

/**
 * What a completion stream carries, as stored in the GenerationLog: plain JSON (the Redis log
 * serialises it), money as a pico-dollar integer string. Each event gets its log seq as cursor.
 */
export type CompletionEvent =
  | { type: 'RoutingDecided'; generationId: string; provider: string; model: string; byok: boolean }
  | { type: 'AttemptFailed'; provider: string; code: ErrorCode; message: string }
  | { type: 'TextDelta'; text: string }
  | { type: 'ReasoningDelta'; text: string }
  | { type: 'ToolCallDelta'; id: string; index: number | null; name: string | null; argumentsDelta: string }
  | { type: 'UsageReported'; promptTokens: number; completionTokens: number; reasoningTokens: number; cachedTokens: number; costPico: string; byokUsagePico: string | null }
  | { type: 'CompletionFinished'; generationId: string; model: string; provider: string; finishReason: string; nativeFinishReason: string | null; text: string }
  | { type: 'CompletionFailed'; generationId: string | null; code: ErrorCode; message: string };

export const isTerminal = (e: CompletionEvent) => e.type === 'CompletionFinished' || e.type === 'CompletionFailed';

/** The stream events of one pipeline event (none for bookkeeping ones like `started` or a tool call's end). */
export function toCompletionEvents(event: GenerationEvent, generationId: string): CompletionEvent[] {
  switch (event.type) {
    case 'started':
      return [];
    case 'attempt-started':
      return [{ type: 'RoutingDecided', generationId, provider: event.provider, model: event.model, byok: event.byok }];
    case 'attempt-failed':
      return [{ type: 'AttemptFailed', provider: event.provider, code: event.error.code, message: event.error.message }];
    case 'output': {
      const p = event.part;
      if (p.type === 'text-delta') return [{ type: 'TextDelta', text: p.text }];
      if (p.type === 'reasoning-delta') return [{ type: 'ReasoningDelta', text: p.text }];
      if (p.type === 'tool-call-start') return [{ type: 'ToolCallDelta', id: p.id, index: p.index, name: p.name, argumentsDelta: '' }];
      if (p.type === 'tool-call-delta') return [{ type: 'ToolCallDelta', id: p.id, index: null, name: null, argumentsDelta: p.argumentsDelta }];
      return [];
    }
    case 'final': {
      const o = event.outcome;
      if (o.kind === 'failed') return [{ type: 'CompletionFailed', generationId: o.generationId, code: o.error.code, message: o.error.message }];
      const usage = o.result.usage;
      return [
        {
          type: 'UsageReported',
          promptTokens: usage?.input.total ?? 0,
          completionTokens: usage?.output.total ?? 0,
          reasoningTokens: usage?.output.reasoning ?? 0,
          cachedTokens: usage?.input.cacheRead ?? 0,
          costPico: o.cost.toString(),
          byokUsagePico: o.byokUsage === null ? null : o.byokUsage.toString(),
        },
        {
          type: 'CompletionFinished',
          generationId: o.generationId,
          model: o.model,
          provider: o.provider,
          finishReason: o.result.finish?.reason ?? 'stop',
          nativeFinishReason: o.result.finish?.nativeReason ?? null,
          text: o.result.text,
        },
      ];
    }
  }
}
