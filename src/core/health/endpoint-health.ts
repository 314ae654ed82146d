import { admitRequest, breakerPhaseAt, breakerRetryAt, INITIAL_BREAKER_STATE, nextBreakerState, type Admission, type BreakerState } from './breaker.js';
import type { HealthConfig } from './config.js';
import { createCountRing, recordCount, sumCounts, type CountRing } from './count-ring.js';
import { percentilesAcross, type Percentiles } from './log-sketch.js';
import { classifyOutcome, type Outcome } from './outcome.js';
import type { EndpointHealthSnapshot, PerformanceHealth, WindowHealth } from './snapshot.js';
import { createSketchRing, recordValue, sketchesInWindow, type SketchRing } from './sketch-ring.js';
import { isSignificantOutage, rateLimitedRateOf, statusOf, uptimeOf } from './status.js';
import { PERFORMANCE_LAYOUT, PERFORMANCE_WINDOWS, UPTIME_LAYOUT, UPTIME_WINDOWS, type PerformanceWindow, type UptimeWindow } from './windows.js';

/** All the health state of one endpoint: fixed-size rings plus the breaker state, all plain data. */
export interface EndpointHealth {
  readonly uptime: Readonly<Record<UptimeWindow, CountRing>>;
  readonly latencyMs: Readonly<Record<PerformanceWindow, SketchRing>>;
  readonly throughput: Readonly<Record<PerformanceWindow, SketchRing>>;
  breaker: BreakerState;
}

export function createEndpointHealth(): EndpointHealth {
  return {
    uptime: mapWindows(UPTIME_WINDOWS, (w) => createCountRing(UPTIME_LAYOUT[w])),
    latencyMs: mapWindows(PERFORMANCE_WINDOWS, (w) => createSketchRing(PERFORMANCE_LAYOUT[w])),
    throughput: mapWindows(PERFORMANCE_WINDOWS, (w) => createSketchRing(PERFORMANCE_LAYOUT[w])),
    breaker: INITIAL_BREAKER_STATE,
  };
}

/** Counts the outcome into every window and feeds it to the breaker. */
export function recordOutcome(health: EndpointHealth, outcome: Outcome, at: number, config: HealthConfig): void {
  const counted = classifyOutcome(outcome);
  if (counted === 'ignored') {
    health.breaker = nextBreakerState(health.breaker, { kind: 'neutral' }, at, config.breaker);
    return;
  }
  const field = counted === 'success' ? 'successes' : counted === 'failure' ? 'failures' : 'rateLimited';
  for (const window of UPTIME_WINDOWS) recordCount(health.uptime[window], field, at);
  if (outcome.kind === 'success') {
    for (const window of PERFORMANCE_WINDOWS) {
      recordValue(health.latencyMs[window], outcome.ttftMs, at);
      if (outcome.tokensPerSecond !== undefined) recordValue(health.throughput[window], outcome.tokensPerSecond, at);
    }
  }
  health.breaker = nextBreakerState(health.breaker, breakerEventFor(health, counted, at, config), at, config.breaker);
}

/** Asks the breaker whether a request may go at `now` (and takes the probe slot when it is one). */
export function admitToEndpoint(health: EndpointHealth, now: number, config: HealthConfig): Admission {
  const admitted = admitRequest(health.breaker, now, config.breaker);
  health.breaker = admitted.state;
  return admitted.admission;
}

/** Whether default load balancing should skip the endpoint at `now` (see isSignificantOutage). */
export function hasSignificantOutage(health: EndpointHealth, now: number, config: HealthConfig): boolean {
  return isSignificantOutage(breakerPhaseAt(health.breaker, now), sumCounts(health.uptime['30s'], now), config.breaker);
}

/** Latency and throughput percentiles per window: the costly part of a snapshot (a store may reuse it briefly). */
export function performanceOf(health: EndpointHealth, now: number): Record<PerformanceWindow, PerformanceHealth> {
  return {
    '5m': performanceHealth(health.latencyMs['5m'], health.throughput['5m'], now),
    '30m': performanceHealth(health.latencyMs['30m'], health.throughput['30m'], now),
  };
}

export function snapshotEndpoint(
  endpointId: string,
  health: EndpointHealth,
  now: number,
  config: HealthConfig,
  performance = performanceOf(health, now),
): EndpointHealthSnapshot {
  const windows = {
    '30s': windowHealth(health.uptime['30s'], now),
    '5m': windowHealth(health.uptime['5m'], now),
    '30m': windowHealth(health.uptime['30m'], now),
    '1d': windowHealth(health.uptime['1d'], now),
  };
  const breaker = breakerPhaseAt(health.breaker, now);
  return {
    endpointId,
    status: statusOf(windows[config.status.window], config.status),
    breaker,
    breakerRetryAt: breakerRetryAt(health.breaker, now),
    significantOutage: isSignificantOutage(breaker, windows['30s'], config.breaker),
    windows,
    latencySeconds: performance['5m'].latencySeconds,
    throughput: performance['5m'].throughput,
    performance,
    rateLimitedRate: windows['5m'].rateLimitedRate,
  };
}

function breakerEventFor(health: EndpointHealth, counted: 'success' | 'failure' | 'rate_limited', at: number, config: HealthConfig) {
  if (counted === 'success') return { kind: 'success' } as const;
  if (counted === 'rate_limited') return { kind: 'neutral' } as const;
  // Only outcomes since the breaker last closed count toward re-opening it.
  const since = health.breaker.phase === 'closed' ? health.breaker.since : -Infinity;
  const recent = sumCounts(health.uptime['30s'], at, since);
  return { kind: 'failure', recent: { samples: recent.successes + recent.failures, failures: recent.failures } } as const;
}

function windowHealth(ring: CountRing, now: number): WindowHealth {
  const counts = sumCounts(ring, now);
  const { successes, failures, rateLimited } = counts; // listed, not spread: spread is ~10× slower on this hot path
  return { successes, failures, rateLimited, uptime: uptimeOf(counts), rateLimitedRate: rateLimitedRateOf(counts) };
}

function performanceHealth(latencyMs: SketchRing, throughput: SketchRing, now: number): PerformanceHealth {
  const latency = sketchesInWindow(latencyMs, now);
  return {
    samples: latency.reduce((sum, sketch) => sum + sketch.count, 0),
    latencySeconds: scaled(percentilesAcross(latency), 1 / 1_000),
    throughput: percentilesAcross(sketchesInWindow(throughput, now)),
  };
}

function scaled(percentiles: Percentiles | undefined, factor: number): Percentiles | undefined {
  if (!percentiles) return undefined;
  return { p50: percentiles.p50 * factor, p75: percentiles.p75 * factor, p90: percentiles.p90 * factor, p99: percentiles.p99 * factor };
}

function mapWindows<W extends string, T>(windows: readonly W[], make: (window: W) => T): Record<W, T> {
  return Object.fromEntries(windows.map((w) => [w, make(w)])) as Record<W, T>;
}
