import { describe, expect, it } from 'vitest';
import { productionTarget } from '../support.js';
import { openAiAdapter } from '../../../src/adapters/openai/index.js';
import type { ChatRequest } from '../../../src/core/llm/request.js';

const request: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Be terse.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?', cacheControl: { type: 'ephemeral' } },
        { type: 'image', source: { kind: 'data', mediaType: 'image/png', data: 'iVBOR' }, detail: 'low' },
      ],
    },
    { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'look', arguments: '{"x":1}' }] },
    { role: 'tool', toolCallId: 'call_1', content: 'a cat' },
  ],
  maxTokens: 100,
  temperature: 0.2,
  topK: 40,
  stop: ['END'],
  tools: [{ type: 'function', name: 'look', description: 'Look', parameters: { type: 'object', properties: { x: { type: 'number' } } } }],
  toolChoice: { type: 'function', name: 'look' },
  responseFormat: { type: 'json_schema', name: 'answer', strict: true, schema: { type: 'object' } },
  reasoning: { effort: 'low' },
};

const body = (target: Parameters<typeof openAiAdapter.buildRequest>[1], stream = true) =>
  JSON.parse(openAiAdapter.buildRequest(request, target, { stream }).body) as Record<string, unknown>;

describe('OpenAI request mapping', () => {
  it('maps the normalized request onto Chat Completions for OpenAI itself', () => {
    const target = productionTarget('openai', 'openai', 'gpt-4o', { baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-test' });
    const built = openAiAdapter.buildRequest(request, target, { stream: true });
    expect(built.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(built.headers).toMatchObject({ authorization: 'Bearer sk-test', 'content-type': 'application/json', accept: 'text/event-stream' });
    expect(JSON.parse(built.body)).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be terse.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR', detail: 'low' } },
          ],
        },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{"x":1}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 100,
      temperature: 0.2,
      top_k: 40,
      stop: ['END'],
      tools: [{ type: 'function', function: { name: 'look', description: 'Look', parameters: { type: 'object', properties: { x: { type: 'number' } } } } }],
      tool_choice: { type: 'function', function: { name: 'look' } },
      response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: { type: 'object' } } },
      reasoning_effort: 'low',
    });
  });

  it('compatible providers differ by data: base URL, max_tokens, system instead of developer, unsupported params dropped', () => {
    const target = productionTarget('openai', 'mistral', 'mistral-large-latest', { baseUrl: 'https://api.mistral.ai/v1', apiKey: 'k' }, {
      supportedParameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'tools', 'tool_choice', 'response_format'],
    });
    const wire = body(target, false);
    expect(openAiAdapter.buildRequest(request, target, { stream: false }).url).toBe('https://api.mistral.ai/v1/chat/completions');
    expect(wire).toMatchObject({ max_tokens: 100, temperature: 0.2 });
    expect(wire).not.toHaveProperty('top_k');
    expect(wire).not.toHaveProperty('reasoning_effort');
    expect(wire).not.toHaveProperty('stream');
    expect((wire.messages as { role: string }[])[0]?.role).toBe('system');
  });

  it('an operator-added local upstream (Ollama) sends no auth header', () => {
    const built = openAiAdapter.buildRequest(request, productionTarget('openai', 'ollama', 'llama3.1', { baseUrl: 'http://gpu-box:11434/v1/' }), { stream: true });
    expect(built.url).toBe('http://gpu-box:11434/v1/chat/completions');
    expect(built.headers).not.toHaveProperty('authorization');
  });
});
