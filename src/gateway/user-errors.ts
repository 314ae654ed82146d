/**
 * Failures a caller can act on, thrown by use cases. GraphQL returns them as members of a result union;
 * REST answers them with the matching status in OpenRouter's error shape.
 */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT' as const;
  readonly status = 400 as const;
  constructor(message: string, readonly field: string | null = null) {
    super(message);
  }
}

export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN' as const;
  readonly status = 403 as const;
}

export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND' as const;
  readonly status = 404 as const;
}

/** A feature this server is not configured for (e.g. BYOK without SECRET_KEY). */
export class UnavailableError extends Error {
  readonly code = 'UNAVAILABLE' as const;
  readonly status = 503 as const;
}

export type UserError = InvalidInputError | ForbiddenError | NotFoundError | UnavailableError;

export const isUserError = (err: unknown): err is UserError =>
  err instanceof InvalidInputError || err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof UnavailableError;
