import type { SwitchyardError } from '../../core/errors.js';
import type { HeaderBag } from '../headers.js';
import { tryParseJson, upstreamHttpError, type ProviderErrorDetail } from '../http-errors.js';
import { geminiRetryDelayMs } from './finish.js';
import { geminiErrorBodySchema } from './schema.js';

/** `{error:{code, message, status:"RESOURCE_EXHAUSTED", details:[RetryInfo…]}}` (google.rpc.Status). */
export function classifyGeminiError(status: number, headers: HeaderBag, bodyText: string): SwitchyardError {
  const parsed = geminiErrorBodySchema.safeParse(tryParseJson(bodyText));
  let detail: ProviderErrorDetail = {};
  if (parsed.success) {
    const { error } = parsed.data;
    const retryAfterMs = geminiRetryDelayMs(error);
    detail = {
      ...(error.message && { message: error.message }),
      ...(error.status && { code: error.status }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  return upstreamHttpError('Gemini', status, headers, bodyText, detail);
}
