import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/errors.js';

/** The REST surface's projection of the error taxonomy onto OpenRouter's HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  insufficient_credits: 402,
  forbidden: 403,
  not_found: 404,
  timeout: 408,
  rate_limited: 429,
  context_length_exceeded: 400,
  /** OpenRouter says 502 when the provider is down or answers garbage. */
  upstream_unavailable: 502,
  upstream_bad_response: 502,
  /** The de-facto "client closed request" status. */
  cancelled: 499 as ContentfulStatusCode,
  internal: 500,
  service_unavailable: 503,
};
