import type { PlaygroundEventFragment, PlaygroundRoutingSubscription, PlaygroundSettledQuery } from '../gql/graphql';

export type RoutingDecision = PlaygroundRoutingSubscription['routingDecisions'];
type Planned = Extract<RoutingDecision, { __typename: 'RoutingPlanned' }>;
type Usage = Extract<PlaygroundEventFragment, { __typename: 'UsageReported' }>;

export interface TimelineAttempt {
  provider: string;
  model: string;
  byok: boolean;
  status: 'sending' | 'succeeded' | 'failed' | 'cancelled';
  latencyMs: number | null;
  error: string | null;
}

/** One generation as the playground shows it beside the answer, folded from both live feeds. */
export interface Timeline {
  generationId: string | null;
  startedAt: number;
  plan: Planned | null;
  attempts: TimelineAttempt[];
  firstTokenMs: number | null;
  usage: Usage | null;
  served: { provider: string; model: string; finishReason: string } | null;
  failure: { code: string; message: string } | null;
  /** Exact cost once settled (the routing feed's, else the usage event's). */
  cost: string | null;
  /** Time to first token as the server measured it (from the settled record). */
  serverTtftMs: number | null;
  reconnects: number;
  /** Attempts whose outcome the routing feed reported (the k-th such decision is the k-th attempt). */
  decided: number;
}

export const newTimeline = (startedAt: number): Timeline => ({
  generationId: null,
  startedAt,
  plan: null,
  attempts: [],
  firstTokenMs: null,
  usage: null,
  served: null,
  failure: null,
  cost: null,
  serverTtftMs: null,
  reconnects: 0,
  decided: 0,
});

const ATTEMPT_STATUS: Record<string, TimelineAttempt['status']> = { succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled' };

/** Merges an outcome into attempt `index` when it is at `provider`, else records a new attempt. */
function settleAttempt(t: Timeline, index: number, provider: string, outcome: Partial<TimelineAttempt> & Pick<TimelineAttempt, 'status'>, model = ''): TimelineAttempt[] {
  const attempts = [...t.attempts];
  if (index >= 0 && attempts[index]?.provider === provider) attempts[index] = { ...attempts[index]!, ...outcome };
  else attempts.push({ provider, model, byok: false, latencyMs: null, error: null, ...outcome });
  return attempts;
}

/** Attempts run one after another: the one at `provider` still waiting is the last one sent there. */
const pendingAt = (attempts: TimelineAttempt[], provider: string) => attempts.findLastIndex((a) => a.provider === provider && a.status === 'sending');

/** A completion-stream event (at `now`, ms since epoch). */
export function withStreamEvent(t: Timeline, e: PlaygroundEventFragment, now: number): Timeline {
  switch (e.__typename) {
    case 'RoutingDecided':
      return { ...t, generationId: e.generationId, attempts: [...t.attempts, { provider: e.provider, model: e.model, byok: e.byok, status: 'sending', latencyMs: null, error: null }] };
    case 'AttemptFailed':
      return { ...t, attempts: settleAttempt(t, pendingAt(t.attempts, e.provider), e.provider, { status: 'failed', error: `${e.code}: ${e.message}` }) };
    case 'TextDelta':
    case 'ReasoningDelta':
      return t.firstTokenMs === null ? { ...t, firstTokenMs: now - t.startedAt } : t;
    case 'UsageReported':
      return { ...t, usage: e, cost: t.cost ?? e.cost };
    case 'CompletionFinished': {
      const served = { provider: e.provider, model: e.model, finishReason: e.finishReason };
      const attempts = t.attempts.map((a) => (a.status === 'sending' && a.provider === e.provider ? { ...a, status: 'succeeded' as const } : a));
      return { ...t, generationId: e.generationId, served, attempts };
    }
    case 'CompletionFailed':
      return { ...t, generationId: e.failedGenerationId ?? t.generationId, failure: { code: e.code, message: e.message } };
    default:
      return t;
  }
}

/** A routing decision of this generation (from `routingDecisions`). */
export function withDecision(t: Timeline, d: RoutingDecision): Timeline {
  switch (d.__typename) {
    case 'RoutingPlanned':
      return { ...t, plan: d };
    case 'RoutingAttempt': {
      const outcome = {
        status: ATTEMPT_STATUS[d.status] ?? 'failed',
        latencyMs: d.latencyMs ?? null,
        error: d.errorCode ? `${d.errorCode}${d.httpStatus ? ` (HTTP ${d.httpStatus})` : ''}` : null,
      };
      return { ...t, attempts: settleAttempt(t, t.decided, d.provider, outcome, d.model), decided: t.decided + 1 };
    }
    case 'RoutingFinished':
      return { ...t, cost: d.cost };
    default:
      return t;
  }
}

/**
 * The settled record fills in what a live feed may have missed (decisions are not replayed after a
 * reconnect): every attempt's outcome and latency, the server's TTFT and the charged cost.
 */
export function withSettled(t: Timeline, g: NonNullable<PlaygroundSettledQuery['generation']>): Timeline {
  const attempts: TimelineAttempt[] = g.attempts.map((a, i) => ({
    provider: a.provider,
    model: t.attempts[i]?.model ?? t.served?.model ?? '',
    byok: t.attempts[i]?.byok ?? false,
    status: ATTEMPT_STATUS[a.status] ?? 'failed',
    latencyMs: a.latencyMs ?? null,
    error: a.errorClass ? `${a.errorClass}${a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}` : null,
  }));
  return { ...t, attempts: attempts.length ? attempts : t.attempts, serverTtftMs: g.latencyMs ?? null, cost: g.cost };
}

/** Aliased per member: the field is `String!` on some members and `String` on others (see the report on the schema). */
export function decisionGenerationId(d: RoutingDecision): string | null {
  switch (d.__typename) {
    case 'RoutingPlanned':
      return d.plannedGenerationId ?? null;
    case 'RoutingAttempt':
      return d.generationId;
    case 'RoutingFinished':
      return d.finishedGenerationId ?? null;
    default:
      return null;
  }
}
