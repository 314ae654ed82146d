/** Why an attempt failed in a way that is the endpoint's fault (it lowers uptime). */
export type FailureCause = 'server_error' | 'timeout' | 'connection' | 'stall' | 'bad_response';

/** What happened to one request sent to an endpoint, as the gateway reports it. */
export type Outcome =
  /** `tokensPerSecond` is absent when the answer was too short to measure a rate. */
  | { kind: 'success'; ttftMs: number; tokensPerSecond?: number }
  | { kind: 'failure'; cause: FailureCause }
  /** HTTP 429: the endpoint is up but busy — tracked as its own rate, never as downtime. */
  | { kind: 'rate_limited' }
  /** A 4xx caused by the request itself (bad input, context too long): says nothing about the endpoint. */
  | { kind: 'client_error' };

/** How an outcome is counted by the windows and the breaker. */
export type OutcomeClass = 'success' | 'failure' | 'rate_limited' | 'ignored';

export function classifyOutcome(outcome: Outcome): OutcomeClass {
  switch (outcome.kind) {
    case 'success':
      return 'success';
    case 'failure':
      return 'failure';
    case 'rate_limited':
      return 'rate_limited';
    case 'client_error':
      return 'ignored';
  }
}
