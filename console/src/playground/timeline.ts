import type { PlaygroundEventFragment, PlaygroundRoutingSubscription, PlaygroundSettledQuery } from '../gql/graphql';

export type RoutingDecision = PlaygroundRoutingSubscription['routingDecisions'];
type Planned = Extract<RoutingDecision, { __typename: 'RoutingPlanned' }>;
type Usage = Extract<PlaygroundEventFragment, { __typename: 'UsageReported' }>;

export interface TimelineAttempt {
  /** Position in the plan (0-based): the stream and the routing feed both name attempts by it. */
  ordinal: number;
  provider: string;
  model: string;
  byok: boolean;
  status: 'sending' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';
  durationMs: number | null;
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
});

const STATUS: Record<string, TimelineAttempt['status']> = { succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled', skipped: 'skipped' };
const statusOf = (s: string): TimelineAttempt['status'] => STATUS[s.toLowerCase()] ?? 'failed';

/** Merges what is known of attempt `ordinal` into the list (kept in plan order). */
function withAttempt(t: Timeline, ordinal: number, known: Partial<TimelineAttempt> & Pick<TimelineAttempt, 'provider'>): Timeline {
  const existing = t.attempts.find((a) => a.ordinal === ordinal);
  const merged: TimelineAttempt = { ordinal, model: '', byok: false, status: 'sending', durationMs: null, error: null, ...existing, ...known };
  const attempts = [...t.attempts.filter((a) => a.ordinal !== ordinal), merged].sort((a, b) => a.ordinal - b.ordinal);
  return { ...t, attempts };
}

/** A completion-stream event (at `now`, ms since epoch). */
export function withStreamEvent(t: Timeline, e: PlaygroundEventFragment, now: number): Timeline {
  switch (e.__typename) {
    case 'AttemptStarted':
      return withAttempt(t, e.ordinal, { provider: e.provider, model: e.model, byok: e.byok });
    case 'AttemptFailed':
      return withAttempt(t, e.ordinal, { provider: e.provider, status: statusOf(e.status), error: `${e.code.toLowerCase()}: ${e.message}` });
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
    case 'RoutingAttempt':
      return withAttempt(t, d.ordinal, {
        provider: d.provider,
        model: d.model,
        status: statusOf(d.status),
        durationMs: d.durationMs ?? null,
        error: d.errorCode ? `${d.errorCode.toLowerCase()}${d.httpStatus ? ` (HTTP ${d.httpStatus})` : ''}` : null,
      });
    case 'RoutingFinished':
      return { ...t, cost: d.cost };
    default:
      return t;
  }
}

/**
 * The settled record fills in what a live feed may have missed (decisions are not replayed after a
 * reconnect): every attempt's outcome and duration, the server's TTFT and the charged cost.
 */
export function withSettled(t: Timeline, g: NonNullable<PlaygroundSettledQuery['generation']>): Timeline {
  const attempts: TimelineAttempt[] = g.attempts.map((a, ordinal) => ({
    ordinal,
    provider: a.provider,
    model: a.model,
    byok: a.byok,
    status: statusOf(a.status),
    durationMs: a.durationMs ?? null,
    error: a.errorCode ? `${a.errorCode.toLowerCase()}${a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}` : null,
  }));
  return { ...t, attempts: attempts.length ? attempts : t.attempts, serverTtftMs: g.ttftMs ?? null, cost: g.cost };
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
