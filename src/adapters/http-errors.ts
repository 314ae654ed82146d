import { SwitchyardError, type ErrorCode } from '../core/errors.js';
import { retryAfterMs, type HeaderBag } from './headers.js';

/** What a family's error body says, once its own schema has been applied. */
export interface ProviderErrorDetail {
  message?: string;
  /** Provider's error type/code: `invalid_request_error`, `overloaded_error`, `RESOURCE_EXHAUSTED`… */
  code?: string;
  /** A retry hint from the body (Gemini's RetryInfo), used when no header gives one. */
  retryAfterMs?: number;
}

const CONTEXT_TOO_LONG =
  /context[ _-]?length|context window|maximum context|prompt is too long|input is too long|too many (input )?tokens|exceeds the maximum (number of )?tokens|input token count/i;
const POLICY_REFUSAL = /moderation|flagged|content policy|safety|violat/i;

/**
 * Non-2xx upstream status → taxonomy code. The 4xx that mean "our side is misconfigured for this
 * provider" (401/402/404: key, billing, model id) are upstream_unavailable so the router moves on.
 */
export function codeForUpstreamStatus(status: number, detail: ProviderErrorDetail): ErrorCode {
  const text = `${detail.code ?? ''} ${detail.message ?? ''}`;
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 400 || status === 413 || status === 422) return CONTEXT_TOO_LONG.test(text) ? 'context_length_exceeded' : 'bad_request';
  if (status === 403) return POLICY_REFUSAL.test(text) ? 'forbidden' : 'upstream_unavailable';
  if (status === 401 || status === 402 || status === 404 || status === 409) return 'upstream_unavailable';
  if (status >= 500) return 'upstream_unavailable';
  if (status >= 400) return 'bad_request';
  return 'upstream_bad_response';
}

export function upstreamHttpError(
  family: string,
  status: number,
  headers: HeaderBag,
  bodyText: string,
  detail: ProviderErrorDetail,
): SwitchyardError {
  const code = codeForUpstreamStatus(status, detail);
  const retryAfter = retryAfterMs(headers) ?? detail.retryAfterMs;
  const message = detail.message?.trim() || `${family} upstream answered HTTP ${status}`;
  return new SwitchyardError(code, message, {
    providerStatus: status,
    ...(detail.code !== undefined && { providerCode: detail.code }),
    ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
    rawSnippet: bodyText,
  });
}

/** Body text → JSON, or undefined when it isn't JSON (HTML error pages from proxies, empty bodies). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
