import type { RequestParameter } from '../../core/llm/request.js';
import type { AuthStyle, OpenAiDialect, UpstreamTarget } from '../adapter.js';

/** What makes an OpenAI-compatible provider different from OpenAI: data only. */
export interface OpenAiCompatibleProfile {
  baseUrl: string;
  auth: AuthStyle;
  dialect: OpenAiDialect;
  /** undefined = send every parameter the request has. */
  supportedParameters?: readonly RequestParameter[];
}

const COMMON: readonly RequestParameter[] = [
  'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty',
  'tools', 'tool_choice', 'response_format',
];

export const OPENAI_COMPATIBLE_PROFILES = {
  openai: {
    baseUrl: 'https://api.openai.com/v1',
    auth: { kind: 'bearer' },
    dialect: { maxTokensField: 'max_completion_tokens', developerRole: true, reasoningField: 'reasoning_effort' },
  },
  together: {
    baseUrl: 'https://api.together.xyz/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'none' },
    supportedParameters: [...COMMON, 'top_k', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'parallel_tool_calls'],
  },
  fireworks: {
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'reasoning_effort' },
    supportedParameters: [...COMMON, 'top_k', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'reasoning'],
  },
  deepinfra: {
    baseUrl: 'https://api.deepinfra.com/v1/openai',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'none' },
    supportedParameters: [...COMMON, 'top_k', 'repetition_penalty', 'min_p', 'logprobs'],
  },
  groq: {
    baseUrl: 'https://api.groq.com/openai/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'reasoning_effort' },
    supportedParameters: [...COMMON, 'parallel_tool_calls', 'reasoning'],
  },
  mistral: {
    baseUrl: 'https://api.mistral.ai/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'none' },
    supportedParameters: [...COMMON, 'parallel_tool_calls'],
  },
  deepseek: {
    baseUrl: 'https://api.deepseek.com/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'none' },
    supportedParameters: [...COMMON, 'logprobs', 'top_logprobs'],
  },
  vllm: {
    baseUrl: 'http://localhost:8000/v1',
    auth: { kind: 'bearer' },
    dialect: { reasoningField: 'none' },
    supportedParameters: [...COMMON, 'top_k', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'parallel_tool_calls'],
  },
  ollama: {
    baseUrl: 'http://localhost:11434/v1',
    auth: { kind: 'none' },
    dialect: { reasoningField: 'none' },
    supportedParameters: COMMON,
  },
} as const satisfies Record<string, OpenAiCompatibleProfile>;

export type OpenAiCompatibleSlug = keyof typeof OPENAI_COMPATIBLE_PROFILES;

/** A target for a known OpenAI-compatible provider; `overrides` wins (operator-set base URL, BYOK key…). */
export function openAiCompatibleTarget(
  slug: OpenAiCompatibleSlug,
  providerModelId: string,
  overrides: Partial<UpstreamTarget> = {},
): UpstreamTarget {
  const profile: OpenAiCompatibleProfile = OPENAI_COMPATIBLE_PROFILES[slug];
  return {
    baseUrl: profile.baseUrl,
    auth: profile.auth,
    openai: profile.dialect,
    ...(profile.supportedParameters !== undefined && { supportedParameters: profile.supportedParameters }),
    providerModelId,
    ...overrides,
  };
}
