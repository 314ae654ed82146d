import type { AuthStyle, OpenAiDialect } from '../adapter.js';

/** What makes an OpenAI-compatible provider's wire different from the defaults: data only. */
export interface OpenAiCompatibleProfile {
  auth: AuthStyle;
  dialect: OpenAiDialect;
}

/**
 * Known providers by slug. A provider not listed gets the defaults: bearer auth, `max_tokens`,
 * `developer` sent as `system`, `reasoning_effort`.
 */
export const OPENAI_COMPATIBLE_PROFILES: Readonly<Record<string, OpenAiCompatibleProfile>> = {
  // OpenAI's reasoning models refuse max_tokens; max_completion_tokens works for every current model.
  openai: { auth: { kind: 'bearer' }, dialect: { maxTokensField: 'max_completion_tokens', developerRole: true, reasoningField: 'reasoning_effort' } },
  together: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'none' } },
  fireworks: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'reasoning_effort' } },
  deepinfra: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'none' } },
  groq: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'reasoning_effort' } },
  mistral: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'none' } },
  deepseek: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'none' } },
  // OpenRouter-compatible gateways take the `reasoning` object and reasoning_details back.
  openrouter: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'reasoning', cacheControl: true } },
  vllm: { auth: { kind: 'bearer' }, dialect: { reasoningField: 'none' } },
  ollama: { auth: { kind: 'none' }, dialect: { reasoningField: 'none' } },
};

export function openAiCompatibleProfile(slug: string): OpenAiCompatibleProfile | undefined {
  return OPENAI_COMPATIBLE_PROFILES[slug];
}
