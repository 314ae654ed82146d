import type { AttemptRecord } from '../../core/generation/record.js';
import type { ObservedEvent, PlanSummary } from './generation-events.js';

/**
 * What routing decided for a generation and how each attempt went, as it happens — for dashboards
 * (`routingDecisions` subscription), metrics and traces. A projection of the pipeline's events;
 * plain JSON, so it crosses Redis pub/sub unchanged.
 */
export type RoutingDecision =
  | ({ kind: 'planned'; generationId: string | null; accountId: string; at: string } & PlanSummary)
  | ({ kind: 'attempt'; generationId: string; accountId: string; at: string; ordinal: number } & Pick<AttemptRecord, 'provider' | 'model' | 'status' | 'errorCode' | 'httpStatus' | 'durationMs' | 'ttftMs'>)
  | {
      kind: 'finished';
      generationId: string | null;
      accountId: string;
      at: string;
      status: 'succeeded' | 'failed' | 'cancelled' | 'refused';
      /** Why it failed or was refused: an error code or refusal reason (no_route, insufficient_credits, key_limit, rate_limited…). */
      reason: string | null;
      provider: string | null;
      costPico: string;
      promptTokens: number;
      completionTokens: number;
      /** Time to first output token of the attempt that served. */
      ttftMs: number | null;
    };

/** The pub/sub scope operator subscriptions listen on: every account's decisions. */
export const ALL_ACCOUNTS = '*';

export type DecisionSink = (decision: RoutingDecision) => void;

/** The routing decision an observed pipeline event amounts to, if any. */
export function decisionOf({ accountId, generationId, at, event }: ObservedEvent): RoutingDecision | null {
  const when = new Date(at).toISOString();
  switch (event.type) {
    case 'planned':
      return { kind: 'planned', generationId: event.generationId, accountId, at: when, ...event.plan };
    case 'attempt-finished': {
      const { provider, model, status, errorCode, httpStatus, durationMs, ttftMs } = event.attempt;
      return { kind: 'attempt', generationId: generationId!, accountId, at: when, ordinal: event.ordinal, provider, model, status, errorCode, httpStatus, durationMs, ttftMs };
    }
    case 'finished': {
      const o = event.outcome;
      if (o.kind === 'refused') return { kind: 'finished', generationId, accountId, at: when, status: 'refused', reason: o.reason, provider: null, costPico: '0', promptTokens: 0, completionTokens: 0, ttftMs: null };
      if (o.kind === 'failed') {
        return {
          kind: 'finished', generationId: o.generationId, accountId, at: when, status: o.error.code === 'cancelled' ? 'cancelled' : 'failed', reason: o.error.code,
          provider: o.provider, costPico: o.cost.toString(), promptTokens: o.tokens.prompt, completionTokens: o.tokens.completion, ttftMs: null,
        };
      }
      const usage = o.result.usage;
      return {
        kind: 'finished', generationId: o.generationId, accountId, at: when, status: 'succeeded', reason: null, provider: o.provider, costPico: o.cost.toString(),
        promptTokens: usage?.input.total ?? 0, completionTokens: usage?.output.total ?? 0, ttftMs: o.attempts.find((a) => a.status === 'succeeded')?.ttftMs ?? null,
      };
    }
    default:
      return null;
  }
}
