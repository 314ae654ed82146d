import type { Clock, Random } from '../../core/clock.js';
import type { ByokFeeTerms } from '../../core/billing/byok-fee.js';
import type { StickyMemory } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import type { UpstreamHttpClient } from '../../adapters/http-client.js';
import type { ByokCredentials } from '../byok/byok-credentials.js';
import type { ByokAllowance } from '../byok/byok-allowance.js';
import type { CatalogSnapshot } from '../routing/catalog-snapshot.js';
import type { UpstreamDirectory } from '../upstreams.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { Reservations } from '../billing/reservations.js';
import type { Settlements } from '../billing/settlements.js';
import type { Journal } from '../billing/journal.js';
import type { InFlight } from './in-flight.js';
import type { ObservedEvent } from './generation-events.js';

/** The collaborators of the generation pipeline, built once by the app. Each step takes the few it uses. */
export interface GenerationDeps {
  clock: Clock;
  random: Random;
  catalog: CatalogSnapshot;
  health: HealthStore;
  sticky: StickyMemory;
  byok: ByokCredentials;
  byokFee: ByokFeeTerms;
  /** BYOK requests per account this month (the fee's free allowance). */
  byokAllowance: ByokAllowance;
  upstreams: UpstreamDirectory;
  http: UpstreamHttpClient;
  /** Where worst-case costs are held until settlement. */
  reservations: Reservations;
  /** Where settled generations are written (the only writer of generation rows and usage charges). */
  settlements: Settlements;
  /** What a crash must not lose: admissions (before dispatch) and how far their output got. */
  journal: Journal;
  /** This instance's running generations (cancel by id, drain on shutdown). */
  inFlight: InFlight;
  /** Sees every event of every generation as it happens (routing decisions, metrics, traces). */
  observe?: (event: ObservedEvent) => void;
  /** Requests per key on inference paths; none when the limit is off. */
  rateLimiter?: RateLimiter;
  /** How long a database-held reservation may live before the sweeper assumes its process died. */
  reservationTtlMs?: number;
}

export type AdmitDeps = Pick<GenerationDeps, 'clock' | 'random' | 'catalog' | 'health' | 'sticky' | 'byok' | 'byokFee' | 'byokAllowance' | 'reservations' | 'journal' | 'inFlight' | 'rateLimiter' | 'reservationTtlMs'>;
export type AttemptDeps = Pick<GenerationDeps, 'clock' | 'health' | 'sticky' | 'upstreams' | 'http' | 'journal'>;
export type SettleDeps = Pick<GenerationDeps, 'clock' | 'byokFee' | 'byokAllowance' | 'reservations' | 'settlements'>;
