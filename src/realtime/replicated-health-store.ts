import type { HealthStore, Outcome } from '../core/health/index.js';
import type { AppPubSub } from './pubsub.js';
import { replicate } from './replicate.js';

/**
 * Endpoint health shared by every instance: each keeps its own store, records what it measures and
 * publishes it; outcomes published by the others are recorded too, so all instances converge on one view
 * (breakers open and close everywhere). Half-open probes stay per instance: during a recovery each may
 * send one. A subscriber that falls far behind drops the oldest outcomes (bounded buffer) — health is a
 * statistic, so it degrades to approximate, never to unbounded memory.
 */
export function replicateHealth(local: HealthStore, pubsub: AppPubSub, instanceId: string): { store: HealthStore; stop(): Promise<void> } {
  const shared = replicate<{ endpointId: string; outcome: Outcome; at: number }>(pubsub, 'health-outcome', instanceId, (c) => local.record(c.endpointId, c.outcome, c.at));
  return {
    store: {
      async record(endpointId, outcome, at) {
        await local.record(endpointId, outcome, at);
        shared.publish({ endpointId, outcome, at });
      },
      admit: (endpointId, now) => local.admit(endpointId, now),
      snapshot: (endpointId, now) => local.snapshot(endpointId, now),
      snapshotMany: (endpointIds, now) => local.snapshotMany(endpointIds, now),
    },
    stop: shared.stop,
  };
}
