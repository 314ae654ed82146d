import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/adapters/anthropic/index.js';
import type { ChatRequest } from '../../../src/core/llm/request.js';

const target = { baseUrl: 'https://api.anthropic.com', apiKey: 'sk-ant', providerModelId: 'claude-sonnet-4-5' };

describe('Anthropic request mapping', () => {
  it('top-level system, tool_use / tool_result, cache_control passthrough, headers', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Long reference doc', cacheControl: { type: 'ephemeral' } }] },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }, { type: 'image', source: { kind: 'url', url: 'https://x/y.png' } }] },
        { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' }, { id: 'toolu_2', name: 'weather', arguments: '{"city":"Rome"}' }] },
        { role: 'tool', toolCallId: 'toolu_1', content: '18C' },
        { role: 'tool', toolCallId: 'toolu_2', content: '24C' },
      ],
      temperature: 0.5,
      stop: ['###'],
      frequencyPenalty: 1,
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: 'required',
      parallelToolCalls: false,
      user: 'u-42',
    };
    const built = anthropicAdapter.buildRequest(request, target, { stream: true });
    expect(built.url).toBe('https://api.anthropic.com/v1/messages');
    expect(built.headers).toMatchObject({ 'x-api-key': 'sk-ant', 'anthropic-version': '2023-06-01' });
    expect(built.headers).not.toHaveProperty('authorization');
    expect(JSON.parse(built.body)).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      system: [{ type: 'text', text: 'Long reference doc', cache_control: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }, { type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18C' }] },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '24C' }] },
          ],
        },
      ],
      stream: true,
      temperature: 0.5,
      stop_sequences: ['###'],
      tools: [{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      metadata: { user_id: 'u-42' },
    });
  });

  it('reasoning effort → thinking budget; max_tokens stays above it; no temperature with thinking', () => {
    const body = JSON.parse(
      anthropicAdapter.buildRequest({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 1000, temperature: 1, reasoning: { effort: 'medium' } }, target, { stream: false }).body,
    );
    expect(body).toMatchObject({ max_tokens: 8193, thinking: { type: 'enabled', budget_tokens: 8192 } });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('stream');
  });
});
