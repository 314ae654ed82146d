/**
 * The circuit breaker of one endpoint as pure transitions: closed → open (too many failures) → after a
 * cooldown one probe is admitted (half-open) → the probe's success closes, its failure re-opens with a
 * longer cooldown. State is plain data so any store (memory, Redis) can hold it.
 */
export interface BreakerConfig {
  /** Consecutive failures that open a closed breaker. */
  consecutiveFailures: number;
  /** Failure share of the last 30 s (since the breaker closed) that opens it… */
  failureRate: number;
  /** …once the window holds at least this many successes + failures. */
  minSamples: number;
  /** Cooldown before the first probe after opening. */
  cooldownMs: number;
  /** Each re-open without a close in between multiplies the cooldown by this… */
  cooldownGrowth: number;
  /** …up to this cap. */
  maxCooldownMs: number;
  /** A probe that never reports (crash, cancel) frees the half-open slot after this. */
  probeTimeoutMs: number;
}

export const DEFAULT_BREAKER_CONFIG: Readonly<BreakerConfig> = {
  consecutiveFailures: 5,
  failureRate: 0.5,
  minSamples: 10,
  cooldownMs: 30_000,
  cooldownGrowth: 2,
  maxCooldownMs: 5 * 60_000,
  probeTimeoutMs: 60_000,
};

export type BreakerState =
  /** `since`: when it last closed; the failure-rate rule only looks at outcomes after it. */
  | { phase: 'closed'; consecutiveFailures: number; since: number }
  /** `reopens`: failed probes since the breaker last closed (drives the cooldown growth). */
  | { phase: 'open'; openedAt: number; retryAt: number; reopens: number }
  /** `probeSince`: when the single in-flight probe was admitted, null when none is in flight. */
  | { phase: 'half-open'; reopens: number; probeSince: number | null };

export type BreakerPhase = BreakerState['phase'];

/** Successes and failures in the last 30 s since the breaker closed, the reported failure included. */
export interface RecentFailures {
  samples: number;
  failures: number;
}

export type BreakerEvent =
  | { kind: 'success' }
  | { kind: 'failure'; recent: RecentFailures }
  /** A 429 or client error: proves nothing either way, but it does end a probe. */
  | { kind: 'neutral' };

export type Admission =
  | { kind: 'allowed' }
  /** This request is the one half-open probe: report its outcome. */
  | { kind: 'probe' }
  /** Don't send; `retryAt` is when the breaker may admit a request again. */
  | { kind: 'rejected'; retryAt: number };

export const INITIAL_BREAKER_STATE: BreakerState = { phase: 'closed', consecutiveFailures: 0, since: -Infinity };

export function cooldownFor(reopens: number, config: BreakerConfig): number {
  return Math.min(config.maxCooldownMs, config.cooldownMs * config.cooldownGrowth ** reopens);
}

/** The state after an outcome reported at `now`. */
export function nextBreakerState(state: BreakerState, event: BreakerEvent, now: number, config: BreakerConfig): BreakerState {
  switch (state.phase) {
    case 'closed':
      if (event.kind === 'success') return state.consecutiveFailures === 0 ? state : { ...state, consecutiveFailures: 0 };
      if (event.kind === 'neutral') return state;
      return shouldTrip(state.consecutiveFailures + 1, event.recent, config)
        ? openBreaker(now, 0, config)
        : { ...state, consecutiveFailures: state.consecutiveFailures + 1 };
    case 'open':
      return state; // outcomes of requests admitted before it opened say nothing about now
    case 'half-open':
      if (state.probeSince === null) return state; // a straggler, not the probe
      if (event.kind === 'success') return { phase: 'closed', consecutiveFailures: 0, since: now };
      if (event.kind === 'failure') return openBreaker(now, state.reopens + 1, config);
      return { ...state, probeSince: null };
  }
}

/** Whether a request may be sent at `now`, and the state after admitting it (a probe is a transition). */
export function admitRequest(state: BreakerState, now: number, config: BreakerConfig): { admission: Admission; state: BreakerState } {
  switch (state.phase) {
    case 'closed':
      return { admission: { kind: 'allowed' }, state };
    case 'open':
      if (now < state.retryAt) return { admission: { kind: 'rejected', retryAt: state.retryAt }, state };
      return { admission: { kind: 'probe' }, state: { phase: 'half-open', reopens: state.reopens, probeSince: now } };
    case 'half-open':
      if (state.probeSince !== null && now < state.probeSince + config.probeTimeoutMs) {
        return { admission: { kind: 'rejected', retryAt: state.probeSince + config.probeTimeoutMs }, state };
      }
      return { admission: { kind: 'probe' }, state: { ...state, probeSince: now } };
  }
}

/** The phase as routing should see it at `now`: an open breaker whose cooldown ended awaits its probe. */
export function breakerPhaseAt(state: BreakerState, now: number): BreakerPhase {
  return state.phase === 'open' && now >= state.retryAt ? 'half-open' : state.phase;
}

/** When an open breaker admits its next probe; undefined unless open. */
export function breakerRetryAt(state: BreakerState, now: number): number | undefined {
  return state.phase === 'open' && now < state.retryAt ? state.retryAt : undefined;
}

function shouldTrip(consecutiveFailures: number, recent: RecentFailures, config: BreakerConfig): boolean {
  if (consecutiveFailures >= config.consecutiveFailures) return true;
  return recent.samples >= config.minSamples && recent.failures >= config.failureRate * recent.samples;
}

function openBreaker(now: number, reopens: number, config: BreakerConfig): BreakerState {
  return { phase: 'open', openedAt: now, retryAt: now + cooldownFor(reopens, config), reopens };
}
