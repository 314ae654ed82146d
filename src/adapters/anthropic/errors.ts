import type { SwitchyardError } from '../../core/errors.js';
import type { HeaderBag } from '../headers.js';
import { tryParseJson, upstreamHttpError } from '../http-errors.js';
import { anthropicErrorBodySchema } from './schema.js';

/** `{type:"error", error:{type, message}}`; 529 overloaded_error is a 5xx like any other. */
export function classifyAnthropicError(status: number, headers: HeaderBag, bodyText: string): SwitchyardError {
  const parsed = anthropicErrorBodySchema.safeParse(tryParseJson(bodyText));
  const detail = parsed.success
    ? { code: parsed.data.error.type, ...(parsed.data.error.message && { message: parsed.data.error.message }) }
    : {};
  return upstreamHttpError('Anthropic', status, headers, bodyText, detail);
}
