import { SwitchyardError } from '../core/errors.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * A failure while talking to the upstream (connect, read) → taxonomy error. Anything we can't
 * recognise is still the connection's fault, so upstream_unavailable (retryable, counts against health).
 */
export function ioError(error: unknown): SwitchyardError {
  if (error instanceof SwitchyardError) return error;
  const name = error instanceof Error ? error.name : '';
  const code = errorCode(error) ?? errorCode(error instanceof Error ? error.cause : undefined);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') {
    return new SwitchyardError('cancelled', 'request cancelled', {}, { cause: error });
  }
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new SwitchyardError('timeout', `upstream timed out (${code})`, { ioCode: code }, { cause: error });
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new SwitchyardError('upstream_bad_response', 'upstream response too large', { ioCode: code, reason: 'oversized' }, { cause: error });
  }
  return new SwitchyardError('upstream_unavailable', `upstream connection failed: ${message}`, code === undefined ? {} : { ioCode: code }, {
    cause: error,
  });
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
