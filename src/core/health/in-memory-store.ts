import { DEFAULT_HEALTH_CONFIG, type HealthConfig } from './config.js';
import { admitToEndpoint, createEndpointHealth, performanceOf, recordOutcome, snapshotEndpoint, type EndpointHealth } from './endpoint-health.js';
import type { EndpointHealthSnapshot, PerformanceHealth } from './snapshot.js';
import type { HealthStore } from './store.js';
import type { PerformanceWindow } from './windows.js';

interface Entry {
  health: EndpointHealth;
  /** Percentiles describe minutes of traffic: recomputing them more than once per second of `now` buys nothing. */
  performance: { second: number; value: Record<PerformanceWindow, PerformanceHealth> } | undefined;
}

export const PERFORMANCE_REFRESH_MS = 1_000;

/**
 * Health of this process only: the embedded default and the reference for the store contract.
 * Counters and the breaker are exact at every call; latency/throughput percentiles are refreshed at
 * most once per PERFORMANCE_REFRESH_MS of `now` per endpoint.
 */
export function createInMemoryHealthStore(config: HealthConfig = DEFAULT_HEALTH_CONFIG): HealthStore {
  const entries = new Map<string, Entry>();
  // Read-only stand-in for endpoints never recorded, so reads do not allocate state per unknown id.
  const neverRecorded: Entry = { health: createEndpointHealth(), performance: undefined };

  const entryOf = (endpointId: string) => {
    let entry = entries.get(endpointId);
    if (!entry) entries.set(endpointId, (entry = { health: createEndpointHealth(), performance: undefined }));
    return entry;
  };
  const performanceAt = (entry: Entry, now: number) => {
    const second = Math.floor(now / PERFORMANCE_REFRESH_MS);
    if (entry.performance?.second !== second) entry.performance = { second, value: performanceOf(entry.health, now) };
    return entry.performance.value;
  };
  const snapshotNow = (endpointId: string, now: number): EndpointHealthSnapshot => {
    const entry = entries.get(endpointId) ?? neverRecorded;
    return snapshotEndpoint(endpointId, entry.health, now, config, performanceAt(entry, now));
  };

  return {
    async record(endpointId, outcome, at) {
      recordOutcome(entryOf(endpointId).health, outcome, at, config);
    },
    async admit(endpointId, now) {
      const entry = entries.get(endpointId);
      return entry ? admitToEndpoint(entry.health, now, config) : { kind: 'allowed' };
    },
    async snapshot(endpointId, now) {
      return snapshotNow(endpointId, now);
    },
    async snapshotMany(endpointIds, now) {
      return new Map(endpointIds.map((id) => [id, snapshotNow(id, now)]));
    },
  };
}
