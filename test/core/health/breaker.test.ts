import { describe, expect, it } from 'vitest';
import {
  admitRequest,
  breakerPhaseAt,
  breakerRetryAt,
  cooldownFor,
  DEFAULT_BREAKER_CONFIG,
  INITIAL_BREAKER_STATE,
  nextBreakerState,
  type BreakerEvent,
  type BreakerState,
} from '../../../src/core/health/breaker.js';

const config = DEFAULT_BREAKER_CONFIG;
const T = 1_000_000;
const closed = (consecutiveFailures = 0, since = 0): BreakerState => ({ phase: 'closed', consecutiveFailures, since });
const open = (openedAt: number, reopens = 0): BreakerState => ({ phase: 'open', openedAt, retryAt: openedAt + cooldownFor(reopens, config), reopens });
const halfOpen = (probeSince: number | null, reopens = 0): BreakerState => ({ phase: 'half-open', reopens, probeSince });
const success: BreakerEvent = { kind: 'success' };
const neutral: BreakerEvent = { kind: 'neutral' };
const failure = (samples = 1, failures = 1): BreakerEvent => ({ kind: 'failure', recent: { samples, failures } });

/** A fake clock: time only moves when the test says so. */
function fakeClock(start = T) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('nextBreakerState', () => {
  it.each<[string, BreakerState, BreakerEvent, BreakerState]>([
    ['closed + success resets the failure streak', closed(3), success, closed(0)],
    ['closed + failure below both thresholds counts it', closed(1), failure(5, 2), closed(2)],
    ['closed + 5th consecutive failure opens', closed(4), failure(5, 5), open(T)],
    ['closed + failure rate 50 % with 10 samples opens', closed(0), failure(10, 5), open(T)],
    ['closed + failure rate 49 % with 100 samples stays closed', closed(0), failure(100, 49), closed(1)],
    ['closed + failure rate 100 % with 9 samples stays closed (too few)', closed(0), failure(9, 4), closed(1)],
    ['closed + neutral changes nothing', closed(2), neutral, closed(2)],
    ['open ignores a straggler success', open(T - 10), success, open(T - 10)],
    ['open ignores a straggler failure', open(T - 10), failure(), open(T - 10)],
    ['half-open probe success closes, since now', halfOpen(T - 5, 2), success, closed(0, T)],
    ['half-open probe failure re-opens with a longer cooldown', halfOpen(T - 5, 0), failure(), open(T, 1)],
    ['half-open neutral outcome frees the probe slot', halfOpen(T - 5, 1), neutral, halfOpen(null, 1)],
    ['half-open without a probe in flight ignores stragglers', halfOpen(null), success, halfOpen(null)],
  ])('%s', (_name, state, event, expected) => {
    expect(nextBreakerState(state, event, T, config)).toEqual(expected);
  });

  it('starts closed with no failures', () => {
    expect(INITIAL_BREAKER_STATE).toEqual({ phase: 'closed', consecutiveFailures: 0, since: -Infinity });
  });
});

describe('admitRequest', () => {
  it.each<[string, BreakerState, number, string, BreakerState]>([
    ['closed allows', closed(2), T, 'allowed', closed(2)],
    ['open before cooldown rejects', open(T), T + 29_999, 'rejected', open(T)],
    ['open after cooldown admits one probe', open(T), T + 30_000, 'probe', halfOpen(T + 30_000)],
    ['half-open with a probe in flight rejects', halfOpen(T), T + 59_999, 'rejected', halfOpen(T)],
    ['half-open with a lost probe admits a new one', halfOpen(T), T + 60_000, 'probe', halfOpen(T + 60_000)],
    ['half-open with a freed slot admits a probe', halfOpen(null, 2), T, 'probe', halfOpen(T, 2)],
  ])('%s', (_name, state, now, kind, expected) => {
    const admitted = admitRequest(state, now, config);
    expect(admitted.admission.kind).toBe(kind);
    expect(admitted.state).toEqual(expected);
  });

  it('says when a rejected request may be retried', () => {
    expect(admitRequest(open(T), T, config).admission).toEqual({ kind: 'rejected', retryAt: T + 30_000 });
    expect(admitRequest(halfOpen(T), T, config).admission).toEqual({ kind: 'rejected', retryAt: T + 60_000 });
  });

  it('admits exactly one probe among concurrent callers', () => {
    let state = open(T);
    const admissions = Array.from({ length: 5 }, () => {
      const admitted = admitRequest(state, T + 30_000, config);
      state = admitted.state;
      return admitted.admission.kind;
    });
    expect(admissions).toEqual(['probe', 'rejected', 'rejected', 'rejected', 'rejected']);
  });
});

describe('cooldownFor', () => {
  it.each([
    [0, 30_000],
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [4, 300_000],
    [20, 300_000],
  ])('after %i re-opens waits %i ms (doubling, capped at 5 min)', (reopens, ms) => {
    expect(cooldownFor(reopens, config)).toBe(ms);
  });

  it('stays constant without growth', () => {
    expect(cooldownFor(5, { ...config, cooldownGrowth: 1 })).toBe(30_000);
  });
});

describe('breakerPhaseAt and breakerRetryAt', () => {
  it('shows an open breaker as half-open once its cooldown is over', () => {
    expect(breakerPhaseAt(open(T), T + 29_999)).toBe('open');
    expect(breakerPhaseAt(open(T), T + 30_000)).toBe('half-open');
    expect(breakerPhaseAt(closed(), T)).toBe('closed');
    expect(breakerPhaseAt(halfOpen(T), T)).toBe('half-open');
  });

  it('gives the retry time only while open', () => {
    expect(breakerRetryAt(open(T), T)).toBe(T + 30_000);
    expect(breakerRetryAt(open(T), T + 30_000)).toBeUndefined();
    expect(breakerRetryAt(closed(), T)).toBeUndefined();
  });
});

describe('a breaker over time (fake clock)', () => {
  it('opens, probes, re-opens with growing capped cooldowns, then closes', () => {
    const clock = fakeClock();
    let state = INITIAL_BREAKER_STATE;
    const report = (event: BreakerEvent) => (state = nextBreakerState(state, event, clock.now(), config));
    const admit = () => {
      const admitted = admitRequest(state, clock.now(), config);
      state = admitted.state;
      return admitted.admission.kind;
    };

    for (let i = 0; i < 5; i++) report(failure(i + 1, i + 1));
    expect(state.phase).toBe('open');

    const cooldowns: number[] = [];
    for (let reopen = 0; reopen < 6; reopen++) {
      const openedAt = clock.now();
      while (admit() === 'rejected') clock.advance(1_000);
      cooldowns.push(clock.now() - openedAt);
      expect(admit()).toBe('rejected'); // the probe is in flight: nobody else gets through
      report(failure());
    }
    expect(cooldowns).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);

    clock.advance(300_000);
    expect(admit()).toBe('probe');
    report(success);
    expect(state).toEqual(closed(0, clock.now()));
    expect(admit()).toBe('allowed');

    // After closing, the streak starts over: four failures do not re-open.
    for (let i = 0; i < 4; i++) report(failure(i + 1, i + 1));
    expect(state.phase).toBe('closed');
  });
});
