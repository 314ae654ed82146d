import type { SwitchyardError } from '../../core/errors.js';
import type { Outcome } from '../../core/health/index.js';

/** How a failed attempt counts for the endpoint's health; null when it says nothing about it. */
export function healthOutcomeOf(error: SwitchyardError): Outcome | null {
  switch (error.code) {
    case 'rate_limited':
      return { kind: 'rate_limited' };
    case 'timeout':
      return { kind: 'failure', cause: 'timeout' };
    case 'upstream_unavailable':
      return { kind: 'failure', cause: 'server_error' };
    case 'upstream_bad_response':
      return { kind: 'failure', cause: 'bad_response' };
    case 'bad_request':
    case 'context_length_exceeded':
    case 'forbidden':
      return { kind: 'client_error' };
    default:
      return null;
  }
}
