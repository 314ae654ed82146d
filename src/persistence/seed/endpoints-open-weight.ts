import type { SeedEndpoint } from './catalog-types.js';

import { llamaEndpoints } from './endpoints-llama.js';
import { deepseekEndpoints } from './endpoints-deepseek.js';

/** Open-weight models, each served by several providers at different prices and quantizations. */
export const openWeightEndpoints: readonly SeedEndpoint[] = [
  ...llamaEndpoints,
  ...deepseekEndpoints,
  // mistralai/mistral-large-2411
  {
    model: 'mistralai/mistral-large-2411',
    provider: 'mistral',
    providerModelId: 'mistral-large-2411',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.000002', completion: '0.000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mistral-medium-3
  {
    model: 'mistralai/mistral-medium-3',
    provider: 'mistral',
    providerModelId: 'mistral-medium-2505',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000004', completion: '0.000002', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mistral-small-3.1-24b-instruct
  {
    model: 'mistralai/mistral-small-3.1-24b-instruct',
    provider: 'mistral',
    providerModelId: 'mistral-small-2503',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mistral-small-3.1-24b-instruct',
    provider: 'deepinfra',
    providerModelId: 'mistralai/Mistral-Small-3.1-24B-Instruct-2503',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000005', completion: '0.0000001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mixtral-8x7b-instruct
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'together',
    providerModelId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000006', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'deepinfra',
    providerModelId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000024', completion: '0.00000024', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/mixtral-8x7b-instruct',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000005', completion: '0.0000005', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen-2.5-72b-instruct
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'together',
    providerModelId: 'Qwen/Qwen2.5-72B-Instruct-Turbo',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000012', completion: '0.0000012', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen2.5-72B-Instruct',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000012', completion: '0.00000039', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/qwen2p5-72b-instruct',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000009', completion: '0.0000009', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'novita',
    providerModelId: 'qwen/qwen-2.5-72b-instruct',
    contextLength: 32000,
    maxCompletionTokens: 8192,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format'],
    pricing: {
      prompt: '0.00000038', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen3-235b-a22b
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'together',
    providerModelId: 'Qwen/Qwen3-235B-A22B-fp8-tput',
    contextLength: 40960,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/qwen3-235b-a22b',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000022', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen3-235B-A22B',
    contextLength: 40960,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000013', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'novita',
    providerModelId: 'qwen/qwen3-235b-a22b-fp8',
    contextLength: 40960,
    maxCompletionTokens: 20000,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen3-32b
  {
    model: 'qwen/qwen3-32b',
    provider: 'groq',
    providerModelId: 'qwen/qwen3-32b',
    contextLength: 131072,
    maxCompletionTokens: 40960,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000029', completion: '0.00000059', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-32b',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen3-32B',
    contextLength: 40960,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
];
