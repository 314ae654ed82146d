import { describe, expect, it } from 'vitest';
import { parseChatCompletionRequest, type ParsedChatCompletion } from '../../../src/gateway/chat-request/parse-chat-request.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PDF = 'JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K';

function ok(body: unknown): ParsedChatCompletion {
  const result = parseChatCompletionRequest(body);
  if (!result.ok) throw new Error(`expected ok, got ${result.message}`);
  return result.value;
}

function err(body: unknown): { message: string; path: string } {
  const result = parseChatCompletionRequest(body);
  if (result.ok) throw new Error('expected an error');
  return { message: result.message, path: result.path };
}

const hello = [{ role: 'user', content: 'Hi' }];

describe('parseChatCompletionRequest', () => {
  it('maps a full OpenAI-SDK-shaped body exactly', () => {
    const body = {
      model: 'openai/gpt-4o',
      models: ['anthropic/claude-sonnet-4', 'openai/gpt-4o'],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use tools.', cache_control: { type: 'ephemeral' } }] },
        {
          role: 'user',
          name: 'alice',
          content: [
            { type: 'text', text: 'What is here?' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          reasoning: 'Need the weather.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
        { role: 'assistant', content: 'It is 21°C.' },
        { role: 'user', content: 'Thanks' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 512,
      temperature: 0.7,
      top_p: 0.9,
      top_k: 40,
      frequency_penalty: 0.1,
      presence_penalty: -0.2,
      repetition_penalty: 1.1,
      min_p: 0.05,
      top_a: 0.1,
      seed: 42,
      stop: 'END',
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 3,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather by city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            strict: true,
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', strict: true, schema: { type: 'object' }, description: 'The answer' },
      },
      reasoning: { effort: 'high', exclude: true },
      user: 'user-123',
      session_id: 'sess-1',
      provider: { order: ['openai'], allow_fallbacks: false, sort: 'price' },
      transforms: ['middle-out'],
      plugins: [{ id: 'web' }],
      usage: { include: true },
      prediction: { type: 'content', content: 'x' },
      store: false,
      metadata: { a: 'b' },
    };
    expect(ok(body)).toEqual({
      chat: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Use tools.', cacheControl: { type: 'ephemeral' } }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is here?' },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' }, detail: 'high' },
            ],
          },
          {
            role: 'assistant',
            content: null,
            reasoning: 'Need the weather.',
            toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
          },
          { role: 'tool', toolCallId: 'call_1', content: '{"temp":21}', name: 'get_weather' },
          { role: 'assistant', content: 'It is 21°C.' },
          { role: 'user', content: 'Thanks' },
        ],
        maxTokens: 512,
        temperature: 0.7,
        topP: 0.9,
        topK: 40,
        frequencyPenalty: 0.1,
        presencePenalty: -0.2,
        repetitionPenalty: 1.1,
        minP: 0.05,
        topA: 0.1,
        seed: 42,
        stop: ['END'],
        logitBias: { '50256': -100 },
        logprobs: true,
        topLogprobs: 3,
        tools: [
          {
            type: 'function',
            name: 'get_weather',
            description: 'Weather by city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            strict: true,
          },
        ],
        toolChoice: { type: 'function', name: 'get_weather' },
        parallelToolCalls: false,
        responseFormat: { type: 'json_schema', name: 'answer', strict: true, schema: { type: 'object' }, description: 'The answer' },
        reasoning: { effort: 'high', exclude: true },
        user: 'user-123',
      },
      models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4'],
      provider: { order: ['openai'], allowFallbacks: false, sort: { by: 'price', partition: 'model' } },
      stream: true,
      includeUsageInStream: true,
      sessionId: 'sess-1',
      usedParameters: [
        'max_tokens',
        'temperature',
        'top_p',
        'top_k',
        'frequency_penalty',
        'presence_penalty',
        'repetition_penalty',
        'min_p',
        'top_a',
        'seed',
        'stop',
        'logit_bias',
        'logprobs',
        'top_logprobs',
        'tools',
        'tool_choice',
        'parallel_tool_calls',
        'response_format',
        'structured_outputs',
        'reasoning',
      ],
      inputModalities: ['image'],
    });
  });

  it('maps a minimal body with defaults', () => {
    expect(ok({ model: 'openai/gpt-4o', messages: hello })).toEqual({
      chat: { messages: [{ role: 'user', content: 'Hi' }] },
      models: ['openai/gpt-4o'],
      provider: {},
      stream: false,
      includeUsageInStream: false,
      sessionId: null,
      usedParameters: [],
      inputModalities: [],
    });
  });

  describe('models', () => {
    it('puts model first, then models, de-duplicated in order', () => {
      expect(ok({ model: 'a/x', models: ['b/y', 'a/x', 'c/z', 'b/y'], messages: hello }).models).toEqual(['a/x', 'b/y', 'c/z']);
      expect(ok({ models: ['b/y', 'c/z'], messages: hello }).models).toEqual(['b/y', 'c/z']);
    });

    it('needs at least one model', () => {
      expect(err({ messages: hello })).toEqual({ path: 'model', message: 'model: required (give model or models)' });
      expect(err({ models: [], messages: hello }).path).toBe('model');
    });

    it('allows at most 10 distinct models', () => {
      const eleven = Array.from({ length: 11 }, (_, i) => `m/${i}`);
      expect(ok({ model: 'm/0', models: eleven.slice(0, 10), messages: hello }).models).toHaveLength(10);
      expect(err({ models: eleven, messages: hello }).path).toBe('models');
    });
  });

  describe('usedParameters', () => {
    it('lists only parameters present with a non-null value', () => {
      const parsed = ok({ model: 'm', messages: hello, temperature: null, seed: 0, top_p: undefined, tools: null, stop: [] });
      expect(parsed.usedParameters).toEqual(['seed']);
      expect(parsed.chat).toEqual({ messages: [{ role: 'user', content: 'Hi' }], seed: 0 });
    });

    it('counts max_completion_tokens as max_tokens, json_object without structured_outputs', () => {
      expect(ok({ model: 'm', messages: hello, max_completion_tokens: 10, response_format: { type: 'json_object' } }).usedParameters).toEqual([
        'max_tokens',
        'response_format',
      ]);
    });

    it('does not count the default text response format', () => {
      const parsed = ok({ model: 'm', messages: hello, response_format: { type: 'text' } });
      expect(parsed.usedParameters).toEqual([]);
      expect(parsed.chat.responseFormat).toEqual({ type: 'text' });
    });

    it('records legacy include_reasoning', () => {
      const parsed = ok({ model: 'm', messages: hello, include_reasoning: true });
      expect(parsed.usedParameters).toEqual(['include_reasoning']);
      expect(parsed.chat.reasoning).toEqual({});
    });

    it('maps reasoning budgets and rejects effort plus max_tokens', () => {
      expect(ok({ model: 'm', messages: hello, reasoning: { max_tokens: 2000 } }).chat.reasoning).toEqual({ maxTokens: 2000 });
      expect(err({ model: 'm', messages: hello, reasoning: { effort: 'low', max_tokens: 2000 } }).path).toBe('reasoning.max_tokens');
      expect(err({ model: 'm', messages: hello, reasoning: { effort: 'extreme' } }).path).toBe('reasoning.effort');
    });
  });

  describe('content parts', () => {
    it('turns data-URL images and files into data sources', () => {
      const parsed = ok({
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
              { type: 'file', file: { filename: 'doc.pdf', file_data: `data:application/pdf;base64,${PDF}` }, cache_control: { type: 'ephemeral', ttl: '1h' } },
              { type: 'text', text: 'Summarize' },
            ],
          },
        ],
      });
      expect(parsed.chat.messages[0]).toEqual({
        role: 'user',
        content: [
          { type: 'image', source: { kind: 'data', mediaType: 'image/png', data: PNG } },
          { type: 'file', mediaType: 'application/pdf', filename: 'doc.pdf', source: { kind: 'data', data: PDF }, cacheControl: { type: 'ephemeral', ttl: '1h' } },
          { type: 'text', text: 'Summarize' },
        ],
      });
      expect(parsed.inputModalities).toEqual(['image', 'file']);
    });

    it('takes a file URL media type from its extension', () => {
      const parsed = ok({ model: 'm', messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'https://example.com/paper.pdf' } }] }] });
      expect(parsed.chat.messages[0]).toEqual({
        role: 'user',
        content: [{ type: 'file', mediaType: 'application/pdf', source: { kind: 'url', url: 'https://example.com/paper.pdf' } }],
      });
      expect(err({ model: 'm', messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'https://example.com/blob' } }] }] }).path).toBe(
        'messages.0.content.0.file.file_data',
      );
    });

    it('rejects bad image URLs and non-image data URLs with the path', () => {
      const bad = (url: string) => err({ model: 'm', messages: [hello[0], hello[0], { role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });
      expect(bad('not a url')).toEqual({ path: 'messages.2.content.0.image_url.url', message: 'messages.2.content.0.image_url.url: expected a URL' });
      expect(bad('data:image/png,abc').path).toBe('messages.2.content.0.image_url.url');
      expect(bad(`data:application/pdf;base64,${PDF}`).message).toContain('expected an image data URL');
    });

    it('rejects audio input with a clear message', () => {
      const e = err({ model: 'm', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] });
      expect(e).toEqual({ path: 'messages.0.content.0', message: 'messages.0.content.0: audio input (input_audio) is not supported yet' });
    });

    it('rejects file_id and unknown part types', () => {
      expect(err({ model: 'm', messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-1' } }] }] }).message).toContain('file_id is not supported');
      expect(err({ model: 'm', messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] }).path).toBe('messages.0.content.0.type');
      expect(err({ model: 'm', messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x.y/z.png' } }] }] }).path).toBe(
        'messages.0.content.0.type',
      );
    });
  });

  describe('tools', () => {
    const tools = [{ type: 'function', function: { name: 'lookup' } }];

    it('rejects a tool_choice naming an undeclared tool', () => {
      expect(err({ model: 'm', messages: hello, tools, tool_choice: { type: 'function', function: { name: 'search' } } })).toEqual({
        path: 'tool_choice.function.name',
        message: 'tool_choice.function.name: names tool "search", which is not declared in tools',
      });
      expect(err({ model: 'm', messages: hello, tool_choice: { type: 'function', function: { name: 'lookup' } } }).path).toBe('tool_choice.function.name');
      expect(err({ model: 'm', messages: hello, tool_choice: 'required' }).path).toBe('tool_choice');
    });

    it('accepts string tool choices and rejects others', () => {
      expect(ok({ model: 'm', messages: hello, tools, tool_choice: 'required' }).chat.toolChoice).toBe('required');
      expect(ok({ model: 'm', messages: hello, tool_choice: 'none' }).chat.toolChoice).toBe('none');
      expect(err({ model: 'm', messages: hello, tools, tool_choice: 'always' }).path).toBe('tool_choice');
      expect(err({ model: 'm', messages: hello, tools, tool_choice: { type: 'function', function: {} } }).path).toBe('tool_choice.function.name');
    });

    it('validates tool names and rejects duplicates', () => {
      expect(err({ model: 'm', messages: hello, tools: [{ type: 'function', function: { name: 'bad name' } }] }).path).toBe('tools.0.function.name');
      expect(err({ model: 'm', messages: hello, tools: [...tools, ...tools] }).message).toBe('tools.1.function.name: duplicate tool name "lookup"');
    });

    it('requires tool_call_id on tool messages', () => {
      expect(err({ model: 'm', messages: [{ role: 'tool', content: 'x' }] })).toEqual({ path: 'messages.0.tool_call_id', message: 'messages.0.tool_call_id: required' });
    });
  });

  describe('max_tokens', () => {
    it('accepts either name, or both when they agree', () => {
      expect(ok({ model: 'm', messages: hello, max_tokens: 100 }).chat.maxTokens).toBe(100);
      expect(ok({ model: 'm', messages: hello, max_completion_tokens: 100 }).chat.maxTokens).toBe(100);
      expect(ok({ model: 'm', messages: hello, max_tokens: 100, max_completion_tokens: 100 }).chat.maxTokens).toBe(100);
    });

    it('rejects disagreement and out-of-range values', () => {
      expect(err({ model: 'm', messages: hello, max_tokens: 100, max_completion_tokens: 200 })).toEqual({
        path: 'max_completion_tokens',
        message: 'max_completion_tokens: must equal max_tokens when both are given',
      });
      expect(err({ model: 'm', messages: hello, max_tokens: 0 }).path).toBe('max_tokens');
      expect(err({ model: 'm', messages: hello, max_tokens: 1_000_001 }).path).toBe('max_tokens');
      expect(err({ model: 'm', messages: hello, max_completion_tokens: 1.5 }).message).toBe('max_completion_tokens: expected an integer, got a fractional number');
    });
  });

  describe('errors', () => {
    it('names the path of bad types at depth', () => {
      expect(err({ model: 'm', messages: [hello[0], { role: 'user', content: [{ type: 'text', text: 5 }] }] })).toEqual({
        path: 'messages.1.content.0.text',
        message: 'messages.1.content.0.text: expected a string, got number',
      });
      expect(
        err({ model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }] }] }).path,
      ).toBe('messages.0.tool_calls.0.function.arguments');
      expect(err({ model: 'm', messages: hello, tools: [{ type: 'function', function: { name: 'f', parameters: 'x' } }] }).path).toBe('tools.0.function.parameters');
      expect(err({ model: 'm', messages: hello, response_format: { type: 'json_schema', json_schema: { name: 'x' } } }).path).toBe('response_format.json_schema.schema');
      expect(err({ model: 'm', messages: hello, stop: ['a', 'b', 'c', 'd', 'e'] }).path).toBe('stop');
      expect(err({ model: 'm', messages: hello, temperature: 3 })).toEqual({ path: 'temperature', message: 'temperature: must be at most 2' });
      expect(err({ model: 'm', messages: [{ role: 'user', content: 42 }] }).message).toBe('messages.0.content: expected a string or an array of content parts');
    });

    it('checks messages and roles', () => {
      expect(err({ model: 'm' }).message).toBe('messages: required');
      expect(err({ model: 'm', messages: [] }).path).toBe('messages');
      expect(err({ model: 'm', messages: Array.from({ length: 2001 }, () => hello[0]) }).path).toBe('messages');
      expect(err({ model: 'm', messages: [{ role: 'robot', content: 'x' }] }).path).toBe('messages.0.role');
    });

    it('rejects non-objects and unknown provider keys without throwing', () => {
      expect(err(null)).toEqual({ path: '', message: 'body: expected a JSON object, got null' });
      expect(err([1]).path).toBe('');
      expect(err({ model: 'm', messages: hello, provider: { order: ['a'], bogus: true } })).toEqual({ path: 'provider', message: 'provider: unknown key "bogus"' });
      expect(err({ model: 'm', messages: hello, provider: { sort: 'cheapest' } }).path).toBe('provider.sort');
    });
  });

  describe('stream flags and extra keys', () => {
    it('reads stream and stream_options.include_usage', () => {
      expect(ok({ model: 'm', messages: hello, stream: true })).toMatchObject({ stream: true, includeUsageInStream: false });
      expect(ok({ model: 'm', messages: hello, stream: true, stream_options: { include_usage: true } })).toMatchObject({ stream: true, includeUsageInStream: true });
      expect(ok({ model: 'm', messages: hello, stream: null, stream_options: null })).toMatchObject({ stream: false, includeUsageInStream: false });
      expect(err({ model: 'm', messages: hello, stream: 'yes' }).path).toBe('stream');
    });

    it('ignores unknown top-level and message keys', () => {
      const parsed = ok({
        model: 'm',
        messages: [{ role: 'user', content: 'Hi', name: 'bob', extra: 1 }],
        transforms: ['middle-out'],
        plugins: [{ id: 'file-parser' }],
        usage: { include: true },
        prediction: { type: 'content', content: 'x' },
        modalities: ['text'],
        brand_new_openai_field: { x: 1 },
      });
      expect(parsed.chat).toEqual({ messages: [{ role: 'user', content: 'Hi' }] });
      expect(parsed.usedParameters).toEqual([]);
    });

    it('keeps session_id and user within limits', () => {
      expect(ok({ model: 'm', messages: hello, session_id: 's'.repeat(256) }).sessionId).toHaveLength(256);
      expect(err({ model: 'm', messages: hello, session_id: 's'.repeat(257) }).path).toBe('session_id');
      expect(err({ model: 'm', messages: hello, user: 'u'.repeat(257) }).path).toBe('user');
    });
  });
});
