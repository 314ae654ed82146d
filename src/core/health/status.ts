import type { BreakerConfig, BreakerPhase } from './breaker.js';
import type { WindowCounts } from './count-ring.js';
import type { UptimeWindow } from './windows.js';

/**
 * OpenRouter's uptime bands: ≥ 95 % healthy, 80 % up to 95 % degraded, < 80 % fallback-only.
 * `unknown` (too few samples to judge) is routed like `healthy`: a new endpoint must get traffic to be measured.
 */
export type EndpointStatus = 'unknown' | 'healthy' | 'degraded' | 'fallback_only';

export interface StatusConfig {
  /** The window the status is judged on (OpenRouter publishes uptime over the last 30 minutes). */
  window: UptimeWindow;
  healthyUptime: number;
  degradedUptime: number;
  /** Successes + failures needed before the uptime means anything. */
  minSamples: number;
}

export const DEFAULT_STATUS_CONFIG: Readonly<StatusConfig> = { window: '30m', healthyUptime: 0.95, degradedUptime: 0.8, minSamples: 20 };

/** Share of successes among successes and failures (429s and client errors are neither); undefined with no samples. */
export function uptimeOf(counts: WindowCounts): number | undefined {
  const samples = counts.successes + counts.failures;
  return samples === 0 ? undefined : counts.successes / samples;
}

/** Share of 429s among everything counted; undefined with nothing counted. */
export function rateLimitedRateOf(counts: WindowCounts): number | undefined {
  const total = counts.successes + counts.failures + counts.rateLimited;
  return total === 0 ? undefined : counts.rateLimited / total;
}

export function statusOf(counts: WindowCounts, config: StatusConfig): EndpointStatus {
  const uptime = uptimeOf(counts);
  if (uptime === undefined || counts.successes + counts.failures < config.minSamples) return 'unknown';
  if (uptime >= config.healthyUptime) return 'healthy';
  return uptime >= config.degradedUptime ? 'degraded' : 'fallback_only';
}

/**
 * What default load balancing skips: the breaker is not closed, or the last 30 s hold at least
 * `minSamples` successes + failures of which at least `failureRate` failed (the breaker's own rate rule,
 * but over the whole window, so an endpoint that just closed its breaker proves itself for up to 30 s).
 */
export function isSignificantOutage(breaker: BreakerPhase, last30s: WindowCounts, config: BreakerConfig): boolean {
  if (breaker !== 'closed') return true;
  const samples = last30s.successes + last30s.failures;
  return samples >= config.minSamples && last30s.failures >= config.failureRate * samples;
}
