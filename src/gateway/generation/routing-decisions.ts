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
  | { kind: 'finished'; generationId: string | null; accountId: string; at: string; status: 'succeeded' | 'failed' | 'cancelled' | 'refused'; reason: string | null; costPico: string };

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

export function finishedDecision(generationId: string | null, accountId: string, status: Extract<RoutingDecision, { kind: 'finished' }>['status'], cost: Money, reason: string | null = null): RoutingDecision {
  return { kind: 'finished', generationId, accountId, at: new Date().toISOString(), status, reason, costPico: cost.toString() };
}
