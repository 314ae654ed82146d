import type { SeedEndpoint } from './catalog-types.js';

/** OpenAI, Anthropic and Google models, served by their makers at list price. */
export const proprietaryEndpoints: readonly SeedEndpoint[] = [
  // openai/gpt-4o
  {
    model: 'openai/gpt-4o',
    provider: 'openai',
    providerModelId: 'gpt-4o',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000025', completion: '0.00001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000125', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4o-mini
  {
    model: 'openai/gpt-4o-mini',
    provider: 'openai',
    providerModelId: 'gpt-4o-mini',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.00000015', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000075', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4.1
  {
    model: 'openai/gpt-4.1',
    provider: 'openai',
    providerModelId: 'gpt-4.1',
    contextLength: 1047576,
    maxCompletionTokens: 32768,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.000002', completion: '0.000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000005', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4.1-mini
  {
    model: 'openai/gpt-4.1-mini',
    provider: 'openai',
    providerModelId: 'gpt-4.1-mini',
    contextLength: 1047576,
    maxCompletionTokens: 32768,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000004', completion: '0.0000016', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000001', inputCacheWrite: '0',
    },
  },
  // openai/o1
  {
    model: 'openai/o1',
    provider: 'openai',
    providerModelId: 'o1',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000015', completion: '0.00006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000075', inputCacheWrite: '0',
    },
  },
  // openai/o3
  {
    model: 'openai/o3',
    provider: 'openai',
    providerModelId: 'o3',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000002', completion: '0.000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000005', inputCacheWrite: '0',
    },
  },
  // openai/o3-mini
  {
    model: 'openai/o3-mini',
    provider: 'openai',
    providerModelId: 'o3-mini',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000011', completion: '0.0000044', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000055', inputCacheWrite: '0',
    },
  },
  // anthropic/claude-sonnet-4
  {
    model: 'anthropic/claude-sonnet-4',
    provider: 'anthropic',
    providerModelId: 'claude-sonnet-4-20250514',
    contextLength: 200000,
    maxCompletionTokens: 64000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-opus-4
  {
    model: 'anthropic/claude-opus-4',
    provider: 'anthropic',
    providerModelId: 'claude-opus-4-20250514',
    contextLength: 200000,
    maxCompletionTokens: 32000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000015', completion: '0.000075', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000015', inputCacheWrite: '0.00001875',
    },
  },
  // anthropic/claude-3.7-sonnet
  {
    model: 'anthropic/claude-3.7-sonnet',
    provider: 'anthropic',
    providerModelId: 'claude-3-7-sonnet-20250219',
    contextLength: 200000,
    maxCompletionTokens: 64000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-3.5-sonnet
  {
    model: 'anthropic/claude-3.5-sonnet',
    provider: 'anthropic',
    providerModelId: 'claude-3-5-sonnet-20241022',
    contextLength: 200000,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-3.5-haiku
  {
    model: 'anthropic/claude-3.5-haiku',
    provider: 'anthropic',
    providerModelId: 'claude-3-5-haiku-20241022',
    contextLength: 200000,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop'],
    pricing: {
      prompt: '0.0000008', completion: '0.000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000008', inputCacheWrite: '0.000001',
    },
  },
  // google/gemini-2.5-pro
  {
    model: 'google/gemini-2.5-pro',
    provider: 'google',
    providerModelId: 'gemini-2.5-pro',
    contextLength: 1048576,
    maxCompletionTokens: 65536,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000125', completion: '0.00001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000031', inputCacheWrite: '0.000001625',
    },
  },
  // google/gemini-2.5-flash
  {
    model: 'google/gemini-2.5-flash',
    provider: 'google',
    providerModelId: 'gemini-2.5-flash',
    contextLength: 1048576,
    maxCompletionTokens: 65535,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000003', completion: '0.0000025', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000075', inputCacheWrite: '0.0000003833',
    },
  },
  // google/gemini-2.0-flash-001
  {
    model: 'google/gemini-2.0-flash-001',
    provider: 'google',
    providerModelId: 'gemini-2.0-flash-001',
    contextLength: 1048576,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000025', inputCacheWrite: '0.0000001833',
    },
  },
];
