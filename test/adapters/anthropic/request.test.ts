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

  it('reasoning effort → a thinking budget carved out of max_tokens (effort ratio), no temperature with thinking', () => {
    const body = JSON.parse(
      anthropicAdapter.buildRequest({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 10_000, temperature: 1, reasoning: { effort: 'medium' } }, target, { stream: false }).body,
    );
    expect(body).toMatchObject({ max_tokens: 10_000, thinking: { type: 'enabled', budget_tokens: 5_000 } });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('stream');
  });

  it('a cap too small for the smallest thinking budget sends no thinking instead of raising the cap', () => {
    const body = JSON.parse(anthropicAdapter.buildRequest({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 300, reasoning: { effort: 'high' } }, target, { stream: false }).body);
    expect(body.max_tokens).toBe(300);
    expect(body).not.toHaveProperty('thinking');
  });

  it('a forced tool turns thinking off (Anthropic refuses both together)', () => {
    const body = JSON.parse(
      anthropicAdapter.buildRequest(
        { messages: [{ role: 'user', content: 'hi' }], maxTokens: 8000, reasoning: { effort: 'high' }, tools: [{ type: 'function', name: 'f' }], toolChoice: 'required' },
        target,
        { stream: false },
      ).body,
    );
    expect(body.tool_choice).toEqual({ type: 'any' });
    expect(body).not.toHaveProperty('thinking');
  });

  it.each(['https://api.anthropic.com', 'https://api.anthropic.com/', 'https://api.anthropic.com/v1', 'https://api.anthropic.com/v1/', 'https://api.anthropic.com/v1/messages'])(
    'base URL %s → /v1/messages once',
    (baseUrl) => {
      expect(anthropicAdapter.buildRequest({ messages: [{ role: 'user', content: 'hi' }] }, { ...target, baseUrl }, { stream: true }).url).toBe('https://api.anthropic.com/v1/messages');
    },
  );

  it('json_schema → native structured outputs (output_config.format)', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
    const body = JSON.parse(
      anthropicAdapter.buildRequest({ messages: [{ role: 'user', content: 'hi' }], responseFormat: { type: 'json_schema', name: 'x', strict: true, schema } }, target, { stream: false }).body,
    );
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(body).not.toHaveProperty('tools');
  });

  it('replays signed thinking and redacted_thinking blocks first in the assistant turn of a tool loop', () => {
    const body = JSON.parse(
      anthropicAdapter.buildRequest(
        {
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            {
              role: 'assistant',
              content: null,
              toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' }],
              reasoningDetails: [
                { type: 'reasoning.text', text: 'I should call the tool.', signature: 'EqQBCkYIARgCKkA', format: 'anthropic-claude-v1', index: 0 },
                { type: 'reasoning.encrypted', data: 'EmwKAhgBEgy3va', format: 'anthropic-claude-v1', index: 1 },
                { type: 'reasoning.encrypted', data: 'gemini-signature', format: 'google-gemini-v1', id: 'toolu_1' },
              ],
            },
            { role: 'tool', toolCallId: 'toolu_1', content: '18C' },
          ],
          maxTokens: 4000,
          reasoning: { effort: 'medium' },
          tools: [{ type: 'function', name: 'weather' }],
        },
        target,
        { stream: false },
      ).body,
    );
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'I should call the tool.', signature: 'EqQBCkYIARgCKkA' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
      ],
    });
  });
});
