import { builder } from '../builder.js';
import { money } from '../../core/billing/money.js';
import { ALL_ACCOUNTS, type RoutingDecision } from '../../gateway/generation/routing-decisions.js';
import { requirePrincipal } from '../require-principal.js';

type Of<K extends RoutingDecision['kind']> = Extract<RoutingDecision, { kind: K }>;

const CandidateRef = builder.objectRef<Of<'planned'>['candidates'][number]>('RoutingCandidate').implement({
  fields: (t) => ({
    provider: t.exposeString('provider'),
    model: t.exposeString('model'),
    endpointId: t.exposeString('endpointId'),
    reason: t.exposeString('reason', { description: 'Why it is in this position: weighted_pick, price_fallback, order, sorted, sticky, byok…' }),
    weight: t.float({ nullable: true, description: 'Probability of being the weighted pick.', resolve: (c) => c.weight }),
  }),
});

const ExcludedRef = builder.objectRef<Of<'planned'>['excluded'][number]>('RoutingExclusion').implement({
  fields: (t) => ({
    provider: t.exposeString('provider'),
    model: t.exposeString('model'),
    endpointId: t.exposeString('endpointId'),
    reason: t.exposeString('reason'),
  }),
});

const common = (kind: RoutingDecision['kind'], description: string) => ({
  description,
  isTypeOf: (value: unknown) => (value as RoutingDecision).kind === kind,
});

const RoutingPlannedRef = builder.objectRef<Of<'planned'>>('RoutingPlanned').implement({
  ...common('planned', 'The plan for a request: candidates in order, and every excluded endpoint with its reason.'),
  fields: (t) => ({
    generationId: t.string({ nullable: true, description: 'null when nothing could serve the request.', resolve: (d) => d.generationId }),
    at: t.field({ type: 'DateTime', resolve: (d) => new Date(d.at) }),
    models: t.stringList({ resolve: (d) => d.models }),
    mode: t.exposeString('mode', { description: 'load-balanced, ordered or sorted.' }),
    stickyHit: t.exposeBoolean('stickyHit'),
    candidates: t.field({ type: [CandidateRef], resolve: (d) => d.candidates }),
    excluded: t.field({ type: [ExcludedRef], resolve: (d) => d.excluded }),
  }),
});

const RoutingAttemptRef = builder.objectRef<Of<'attempt'>>('RoutingAttempt').implement({
  ...common('attempt', 'How one attempt went.'),
  fields: (t) => ({
    generationId: t.exposeString('generationId'),
    at: t.field({ type: 'DateTime', resolve: (d) => new Date(d.at) }),
    provider: t.exposeString('provider'),
    model: t.exposeString('model'),
    ordinal: t.exposeInt('ordinal', { description: 'Position of the attempt in the plan (0-based).' }),
    status: t.exposeString('status', { description: 'succeeded, failed, cancelled or skipped (not sent: circuit breaker open).' }),
    errorCode: t.string({ nullable: true, resolve: (d) => d.errorCode }),
    httpStatus: t.int({ nullable: true, resolve: (d) => d.httpStatus }),
    durationMs: t.int({ nullable: true, description: 'From sending the request to the end of the call (null when not sent).', resolve: (d) => d.durationMs }),
    ttftMs: t.int({ nullable: true, description: 'From sending the request to its first output.', resolve: (d) => d.ttftMs }),
  }),
});

const RoutingFinishedRef = builder.objectRef<Of<'finished'>>('RoutingFinished').implement({
  ...common('finished', 'The end of a generation: settled (with its cost), or refused before it started.'),
  fields: (t) => ({
    generationId: t.string({ nullable: true, resolve: (d) => d.generationId }),
    at: t.field({ type: 'DateTime', resolve: (d) => new Date(d.at) }),
    status: t.exposeString('status', { description: 'succeeded, failed, cancelled or refused.' }),
    reason: t.string({ nullable: true, resolve: (d) => d.reason }),
    cost: t.field({ type: 'Money', resolve: (d) => money(BigInt(d.costPico)) }),
  }),
});

const RoutingDecisionRef = builder.unionType('RoutingDecision', {
  types: [RoutingPlannedRef, RoutingAttemptRef, RoutingFinishedRef],
  resolveType: (d) => ({ planned: 'RoutingPlanned', attempt: 'RoutingAttempt', finished: 'RoutingFinished' } as const)[d.kind],
});


builder.subscriptionField('routingDecisions', (t) =>
  t.field({
    type: RoutingDecisionRef,
    description: 'Live routing: each generation’s plan, every attempt’s outcome and its end — your account’s (all accounts’ with the operator key), optionally one generation’s.',
    args: { generationId: t.arg.string() },
    subscribe: async function* (_root, { generationId }, ctx) {
      const principal = requirePrincipal(ctx);
      const events = ctx.pubsub.subscribe('routing-decision', principal.isOperator ? ALL_ACCOUNTS : principal.accountId);
      try {
        for await (const decision of events as AsyncIterable<RoutingDecision>) {
          if (!generationId || decision.generationId === generationId) yield decision;
        }
      } finally {
        await events.return?.();
      }
    },
    resolve: (decision) => decision,
  }),
);
