import { describeExclusion, type Plan } from '../../core/routing/index.js';
import type { Money } from '../../core/billing/money.js';
import type { AttemptRecord } from '../../persistence/repositories/generation-recorder.js';

/**
 * What routing decided for a generation and how each attempt went, as it happens — for dashboards
 * (`routingDecisions` subscription). Plain JSON, so it crosses Redis pub/sub unchanged.
 */
export type RoutingDecision =
  | {
      kind: 'planned';
      generationId: string | null;
      accountId: string;
      at: string;
      models: string[];
      mode: Plan['mode'];
      candidates: { provider: string; model: string; endpointId: string; reason: string; weight: number | null }[];
      excluded: { provider: string; model: string; endpointId: string; reason: string }[];
      stickyHit: boolean;
    }
  | {
      kind: 'attempt';
      generationId: string;
      accountId: string;
      at: string;
      provider: string;
      model: string;
      status: AttemptRecord['status'];
      errorCode: string | null;
      httpStatus: number | null;
      latencyMs: number | null;
    }
  | {
      kind: 'finished';
      generationId: string | null;
      accountId: string;
      at: string;
      status: 'succeeded' | 'failed' | 'cancelled' | 'refused';
      /** Why it failed or was refused: an error code (no_route, insufficient_credits, key_limit, rate_limited…). */
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

export function plannedDecision(plan: Plan, generationId: string | null, accountId: string, models: string[]): RoutingDecision {
  return {
    kind: 'planned',
    generationId,
    accountId,
    at: new Date().toISOString(),
    models,
    mode: plan.mode,
    candidates: plan.attempts.map((a) => ({ provider: a.endpoint.providerSlug, model: a.modelId, endpointId: a.endpoint.id, reason: a.reason, weight: a.weight ?? null })),
    excluded: plan.excluded.map((e) => ({ provider: e.providerSlug, model: e.modelId, endpointId: e.endpointId, reason: describeExclusion(e.reason) })),
    stickyHit: plan.attempts[0]?.reason === 'sticky',
  };
}

export function attemptDecision(generationId: string, accountId: string, model: string, a: AttemptRecord): RoutingDecision {
  return { kind: 'attempt', generationId, accountId, at: new Date().toISOString(), provider: a.provider, model, status: a.status, errorCode: a.errorClass, httpStatus: a.httpStatus, latencyMs: a.latencyMs };
}

type Finished = Extract<RoutingDecision, { kind: 'finished' }>;

export function finishedDecision(
  generationId: string | null,
  accountId: string,
  status: Finished['status'],
  details: { reason?: string | null; provider?: string | null; cost?: Money; promptTokens?: number; completionTokens?: number; ttftMs?: number | null } = {},
): RoutingDecision {
  return {
    kind: 'finished',
    generationId,
    accountId,
    at: new Date().toISOString(),
    status,
    reason: details.reason ?? null,
    provider: details.provider ?? null,
    costPico: (details.cost ?? 0n).toString(),
    promptTokens: details.promptTokens ?? 0,
    completionTokens: details.completionTokens ?? 0,
    ttftMs: details.ttftMs ?? null,
  };
}
