import { ERROR_CODES } from '../../core/errors.js';
import { builder } from '../builder.js';

/** Codes only GraphQL's user errors and refusals use, beside the pipeline's error taxonomy. */
const SURFACE_CODES = ['INVALID_INPUT', 'UNAVAILABLE', 'PAYMENT_DECLINED', 'NO_ROUTE', 'UNKNOWN_PROVIDER', 'KEY_LIMIT'] as const;

export const ERROR_CODE_VALUES = [...new Set([...ERROR_CODES.map((c) => c.toUpperCase()), ...SURFACE_CODES])].sort();

/**
 * The one code vocabulary of the GraphQL surface: every user error, refusal and failed generation
 * says which of these it is (the pipeline's error codes, upper-cased, plus the surface's own).
 */
export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: ERROR_CODE_VALUES });

/** A pipeline error code (`upstream_unavailable`), refusal reason (`no_route`) or user-error code → the GraphQL enum value. */
export function graphqlErrorCode(code: string): string {
  const upper = code.toUpperCase();
  return ERROR_CODE_VALUES.includes(upper) ? upper : 'INTERNAL';
}
