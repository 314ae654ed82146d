/**
 * The closed error taxonomy. Every failure anywhere in Switchyard becomes one of these codes; the
 * table below is the single place that says how the router treats each one (each surface projects
 * codes its own way: HTTP statuses in `rest/error-status.ts`, the GraphQL ErrorCode enum).
 */
export const ERROR_POLICIES = {
  /** Our caller's request is invalid (or the upstream says so): another provider would refuse it too. */
  bad_request: { retryable: false, countsAgainstHealth: false },
  unauthorized: { retryable: false, countsAgainstHealth: false },
  insufficient_credits: { retryable: false, countsAgainstHealth: false },
  /** Moderation or data policy. */
  forbidden: { retryable: false, countsAgainstHealth: false },
  /** No endpoint can serve the request. */
  not_found: { retryable: false, countsAgainstHealth: false },
  /** The endpoint is up but busy: tracked as its own rate, never as downtime. */
  rate_limited: { retryable: true, countsAgainstHealth: false },
  timeout: { retryable: true, countsAgainstHealth: true },
  /** 5xx, 529, connection refused/reset, or the provider rejecting our own credentials. */
  upstream_unavailable: { retryable: true, countsAgainstHealth: true },
  /** Malformed JSON, truncated SSE, wrong content type, oversized body. */
  upstream_bad_response: { retryable: true, countsAgainstHealth: true },
  context_length_exceeded: { retryable: false, countsAgainstHealth: false },
  /** The client went away or cancelled. */
  cancelled: { retryable: false, countsAgainstHealth: false },
  internal: { retryable: false, countsAgainstHealth: false },
  /** This instance is shutting down (or otherwise not taking new work): retry, another instance will. */
  service_unavailable: { retryable: false, countsAgainstHealth: false },
} as const satisfies Record<string, ErrorPolicy>;

export interface ErrorPolicy {
  /** May the router move on to the next attempt (only ever before the first output token)? */
  retryable: boolean;
  /** Does this failure lower the endpoint's uptime / feed its circuit breaker? */
  countsAgainstHealth: boolean;
}

export type ErrorCode = keyof typeof ERROR_POLICIES;

export const ERROR_CODES = Object.keys(ERROR_POLICIES) as ErrorCode[];

export const RAW_SNIPPET_MAX_CHARS = 500;

export interface ErrorMetadata {
  /** From `retry-after` / `retry-after-ms` or the provider's own retry hint. */
  retryAfterMs?: number;
  /** HTTP status the upstream answered with, when there was one. */
  providerStatus?: number;
  /** The provider's own error type/code, e.g. `overloaded_error`, `RESOURCE_EXHAUSTED`. */
  providerCode?: string;
  /** The start of the offending upstream bytes, for debugging; never longer than RAW_SNIPPET_MAX_CHARS. */
  rawSnippet?: string;
  [key: string]: unknown;
}

export class SwitchyardError extends Error {
  override readonly name = 'SwitchyardError';
  readonly code: ErrorCode;
  readonly metadata: ErrorMetadata;

  constructor(code: ErrorCode, message: string, metadata: ErrorMetadata = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.metadata =
      metadata.rawSnippet === undefined ? metadata : { ...metadata, rawSnippet: truncateSnippet(metadata.rawSnippet) };
  }

  get retryable(): boolean {
    return ERROR_POLICIES[this.code].retryable;
  }

  get countsAgainstHealth(): boolean {
    return ERROR_POLICIES[this.code].countsAgainstHealth;
  }

  toJSON(): { code: ErrorCode; message: string; metadata: ErrorMetadata } {
    return { code: this.code, message: this.message, metadata: this.metadata };
  }
}

export function isSwitchyardError(value: unknown): value is SwitchyardError {
  return value instanceof SwitchyardError;
}

/** Anything thrown → a SwitchyardError; unknown throwables are `internal` (a bug, not the provider's fault). */
export function toSwitchyardError(value: unknown): SwitchyardError {
  if (value instanceof SwitchyardError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new SwitchyardError('internal', message, {}, { cause: value });
}

export function truncateSnippet(text: string): string {
  return text.length <= RAW_SNIPPET_MAX_CHARS ? text : `${text.slice(0, RAW_SNIPPET_MAX_CHARS - 1)}…`;
}
