import type { SwitchyardError } from '../../core/errors.js';
import type { HeaderBag } from '../headers.js';
import { tryParseJson, upstreamHttpError, type ProviderErrorDetail } from '../http-errors.js';
import { openAiErrorBodySchema } from './schema.js';

/** `{error:{message,type,code}}` (OpenAI), `{error:"…"}` (Ollama) or `{message}` (some gateways). */
export function classifyOpenAiError(status: number, headers: HeaderBag, bodyText: string): SwitchyardError {
  return upstreamHttpError('OpenAI-compatible', status, headers, bodyText, openAiErrorDetail(bodyText));
}

function openAiErrorDetail(bodyText: string): ProviderErrorDetail {
  const parsed = openAiErrorBodySchema.safeParse(tryParseJson(bodyText));
  if (!parsed.success) return {};
  const { error, message } = parsed.data;
  if (typeof error === 'string') return { message: error };
  const code = error?.code ?? error?.type;
  return {
    ...((error?.message ?? message) && { message: (error?.message ?? message) as string }),
    ...(code !== null && code !== undefined && { code: String(code) }),
  };
}
