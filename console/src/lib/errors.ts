import type { CombinedError } from 'urql';

/** Any member of a result union that implements `UserError` (selected as `... on UserError { code message }`). */
export interface UserErrorLike {
  __typename?: string;
  code?: string;
  message?: string;
  field?: string | null;
  retryAfterSeconds?: number | null;
}

const REFUSALS: Record<string, string> = {
  NO_ROUTE: 'No provider can serve this request with these models and preferences.',
  INSUFFICIENT_CREDITS: 'Not enough credits for this request’s worst-case cost. Buy credits, or ask for fewer tokens.',
  KEY_LIMIT: 'This key has reached its spending limit for the period.',
  RATE_LIMITED: 'Too many requests with this key right now.',
  SERVICE_UNAVAILABLE: 'The server is not accepting new generations right now (it may be shutting down). Try again shortly.',
};

/**
 * What a person reads when a mutation or query answers with an error member of its union: the
 * situation in plain words, then the server's own precise message.
 */
export function userErrorMessage(error: UserErrorLike): string {
  const detail = error.message ?? '';
  switch (error.__typename) {
    case 'ForbiddenError':
      return `Not allowed with this key: ${detail}. Sign in with a management key (or the operator key) to do this.`;
    case 'NotFoundError':
      return `Not found: ${detail}. It may have been deleted, or belong to another account.`;
    case 'InvalidInputError':
      return error.field ? `Check “${error.field}”: ${detail}.` : `Check the form: ${detail}.`;
    case 'PaymentDeclinedError':
      return `The payment was declined, and nothing was charged: ${detail}.`;
    case 'UnavailableError':
      return `This server is not set up for that: ${detail}.`;
    case 'CompletionRefusedError': {
      const known = REFUSALS[error.code ?? ''];
      const retry = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : '';
      return known ? `${known}${retry} (${detail})` : `${detail}${retry}`;
    }
    default:
      return detail || 'Something went wrong.';
  }
}

/** `ErrorCode`s of `CompletionFailed` events, as a person would say them. */
const STREAM_FAILURES: Record<string, string> = {
  ...REFUSALS,
  NOT_FOUND: REFUSALS.NO_ROUTE!,
  UPSTREAM_UNAVAILABLE: 'Every provider that could serve this failed before answering.',
  UPSTREAM_BAD_RESPONSE: 'The provider’s answer broke off or could not be read.',
  TIMEOUT: 'The provider took too long to answer.',
  CANCELLED: 'The generation was cancelled.',
  CONTEXT_LENGTH_EXCEEDED: 'The conversation is longer than the model’s context window.',
};

export const streamFailureMessage = (code: string, message: string): string => {
  const known = STREAM_FAILURES[code];
  return known ? `${known} (${message})` : message;
};

/** A transport or GraphQL-level failure (not a union member): the network, a bad key, a bug. */
export function requestErrorMessage(error: CombinedError | Error): string {
  const combined = error as CombinedError;
  if (combined.networkError) return 'The server cannot be reached. Check that it is running; the console retries when you reload.';
  const first = combined.graphQLErrors?.[0];
  if (first) {
    const code = first.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'Your key was not accepted (it may be disabled, expired or deleted). Sign in again.';
    if (code === 'FORBIDDEN' || /management key|operator/i.test(first.message)) return `Not allowed with this key: ${first.message}`;
    return first.message;
  }
  return error.message;
}
