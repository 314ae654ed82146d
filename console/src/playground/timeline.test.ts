import { describe, expect, it } from 'vitest';
import type { PlaygroundEventFragment } from '../gql/graphql';
import { decisionGenerationId, newTimeline, withDecision, withSettled, withStreamEvent, type RoutingDecision } from './timeline';

const at = '2026-01-01T00:00:00.000Z';
const planned: RoutingDecision = {
  __typename: 'RoutingPlanned',
  plannedGenerationId: 'gen-1',
  at,
  mode: 'load-balanced',
  models: ['m'],
  stickyHit: false,
  candidates: [
    { provider: 'groq', model: 'm', reason: 'weighted_pick', weight: 0.7 },
    { provider: 'together', model: 'm', reason: 'price_fallback', weight: 0.3 },
  ],
  excluded: [{ provider: 'openai', model: 'm', reason: 'max_price' }],
};
const attempt = (ordinal: number, provider: string, status: string, durationMs: number, errorCode: string | null = null): RoutingDecision => ({
  __typename: 'RoutingAttempt',
  generationId: 'gen-1',
  at,
  ordinal,
  provider,
  model: 'm',
  status,
  errorCode,
  httpStatus: errorCode ? 503 : null,
  durationMs,
});
const stream: PlaygroundEventFragment[] = [
  { __typename: 'AttemptStarted', cursor: '1', ordinal: 0, provider: 'groq', model: 'm', byok: false },
  { __typename: 'AttemptFailed', cursor: '2', ordinal: 0, provider: 'groq', status: 'FAILED', code: 'UPSTREAM_UNAVAILABLE', message: 'HTTP 503' },
  { __typename: 'AttemptStarted', cursor: '3', ordinal: 1, provider: 'together', model: 'm', byok: false },
  { __typename: 'TextDelta', cursor: '4', text: 'Hel' },
  { __typename: 'TextDelta', cursor: '5', text: 'lo' },
  { __typename: 'UsageReported', cursor: '6', promptTokens: 5, completionTokens: 2, reasoningTokens: 0, cachedTokens: 0, cost: '0.000003', byokUsage: null },
  { __typename: 'CompletionFinished', cursor: '7', generationId: 'gen-1', provider: 'together', model: 'm', finishReason: 'stop', text: 'Hello' },
];

describe('the playground’s routing timeline', () => {
  it('folds a failover from the stream and the routing feed into one attempt list, by ordinal', () => {
    let t = withDecision(newTimeline(1000), planned);
    stream.forEach((e, i) => {
      t = withStreamEvent(t, e, 1000 + 100 * (i + 1));
      // The routing feed reports each attempt's outcome around the stream's events.
      if (e.__typename === 'AttemptFailed') t = withDecision(t, attempt(0, 'groq', 'failed', 40, 'upstream_unavailable'));
      if (e.__typename === 'UsageReported') t = withDecision(t, attempt(1, 'together', 'succeeded', 900));
    });
    t = withDecision(t, { __typename: 'RoutingFinished', finishedGenerationId: 'gen-1', at, status: 'succeeded', reason: null, cost: '0.000003' });

    expect(t.generationId).toBe('gen-1');
    expect(t.plan?.excluded).toHaveLength(1);
    expect(t.attempts).toEqual([
      { ordinal: 0, provider: 'groq', model: 'm', byok: false, status: 'failed', durationMs: 40, error: 'upstream_unavailable (HTTP 503)' },
      { ordinal: 1, provider: 'together', model: 'm', byok: false, status: 'succeeded', durationMs: 900, error: null },
    ]);
    expect(t.firstTokenMs).toBe(400); // the first TextDelta, 4th event
    expect(t.served).toEqual({ provider: 'together', model: 'm', finishReason: 'stop' });
    expect(t.cost).toBe('0.000003');
  });

  it('places a decision that arrives before its stream event where it belongs', () => {
    let t = withDecision(newTimeline(0), attempt(1, 'together', 'succeeded', 900));
    t = withStreamEvent(t, stream[0]!, 10);
    expect(t.attempts.map((a) => [a.ordinal, a.provider, a.status])).toEqual([
      [0, 'groq', 'sending'],
      [1, 'together', 'succeeded'],
    ]);
  });

  it('takes attempts, TTFT and cost from the settled record when live decisions were missed', () => {
    let t = newTimeline(0);
    for (const e of stream) t = withStreamEvent(t, e, 50);
    t = withSettled(t, {
      id: 'gen-1',
      ttftMs: 812,
      cost: '0.000003',
      promptTokens: 5,
      completionTokens: 2,
      attempts: [
        { provider: 'groq', model: 'm', byok: false, status: 'failed', errorCode: 'UPSTREAM_UNAVAILABLE', httpStatus: 503, durationMs: 41 },
        { provider: 'together', model: 'm', byok: false, status: 'succeeded', errorCode: null, httpStatus: null, durationMs: 905 },
      ],
    });
    expect(t.attempts.map((a) => [a.provider, a.status, a.durationMs, a.error])).toEqual([
      ['groq', 'failed', 41, 'upstream_unavailable (HTTP 503)'],
      ['together', 'succeeded', 905, null],
    ]);
    expect(t.serverTtftMs).toBe(812);
  });

  it('reads the generation id of every decision member', () => {
    expect(decisionGenerationId(planned)).toBe('gen-1');
    expect(decisionGenerationId(attempt(0, 'groq', 'failed', 1))).toBe('gen-1');
    expect(decisionGenerationId({ ...planned, plannedGenerationId: null })).toBeNull();
  });
});
