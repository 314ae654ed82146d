import type { Admission } from './breaker.js';
import type { Outcome } from './outcome.js';
import type { EndpointHealthSnapshot } from './snapshot.js';

/**
 * Where endpoint health lives. Asynchronous so a shared (Redis) implementation can satisfy the same
 * contract as the in-memory one; every time is passed in (`at`, `now` in ms), never read from a clock.
 */
export interface HealthStore {
  /** Reports what happened to one request sent to the endpoint. */
  record(endpointId: string, outcome: Outcome, at: number): Promise<void>;
  /** Call right before sending: `rejected` → skip the endpoint; `probe` → this request is the one half-open probe. */
  admit(endpointId: string, now: number): Promise<Admission>;
  /** An endpoint never recorded has an empty snapshot (status `unknown`, breaker `closed`). */
  snapshot(endpointId: string, now: number): Promise<EndpointHealthSnapshot>;
  /** One snapshot per id, for a planning call (one round trip for a shared store). */
  snapshotMany(endpointIds: readonly string[], now: number): Promise<ReadonlyMap<string, EndpointHealthSnapshot>>;
}
