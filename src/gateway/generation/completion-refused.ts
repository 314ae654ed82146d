import type { SwitchyardError } from '../../core/errors.js';

const CODES: Partial<Record<SwitchyardError['code'], string>> = { not_found: 'NO_ROUTE' };

/** A generation that could not start (no route, credits, rate limit, shutdown), as a user-facing error. */
export class CompletionRefusedError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  readonly details: unknown;
  constructor(error: SwitchyardError) {
    super(error.message);
    this.code = CODES[error.code] ?? error.code.toUpperCase();
    this.retryAfterSeconds = error.metadata.retryAfterMs === undefined ? null : Math.ceil(error.metadata.retryAfterMs / 1000);
    this.details = error.metadata.details ?? null;
  }
}
