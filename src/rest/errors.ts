import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** OpenRouter's error body: `{ error: { code: <http status>, message, metadata? } }`. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  metadata?: Record<string, unknown>,
): Response {
  return c.json({ error: { code: status, message, ...(metadata ? { metadata } : {}) } }, status);
}
