import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, type WireFamily } from '../../src/adapters/index.js';
import { UpstreamHttpClient } from '../../src/adapters/http-client.js';
import { completeOnce, streamCompletion } from '../../src/adapters/invoke.js';
import { foldParts, foldStream } from '../../src/core/llm/fold.js';
import type { ChatRequest } from '../../src/core/llm/request.js';
import { fieldPaths, startCaptureServer, type CaptureServer, type CapturedRequest } from '../support/capture-server.js';
import { fixtureText, productionTarget } from './support.js';

/**
 * The official SDKs are the judge of our requests: each SDK and our adapter make the same logical
 * call to a capture server, which must see the same path, the same auth header names and the same
 * body field names. The server answers with recorded provider responses, which both must parse.
 */
const AUTH_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'anthropic-version'];
const WEATHER = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const ANSWER_SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };

interface LogicalCall {
  name: string;
  stream: boolean;
  ours: ChatRequest;
  /** The same call through the family's official SDK. */
  sdk(): Promise<unknown>;
}

interface Family {
  family: WireFamily;
  slug: string;
  /** Our base URL as the catalog holds it (relative to the capture server). */
  basePath: string;
  answer(request: CapturedRequest): { contentType: string; body: string };
  calls(server: CaptureServer): LogicalCall[];
}

const sse = (family: string, file: string) => ({ contentType: 'text/event-stream', body: fixtureText(family, file) });
const json = (family: string, file: string) => ({ contentType: 'application/json', body: fixtureText(family, file) });
const drain = async (stream: AsyncIterable<unknown>) => {
  for await (const _ of stream);
};

const toolLoop = [
  { role: 'user' as const, content: 'Weather in Paris?' },
  { role: 'assistant' as const, content: null, toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
  { role: 'tool' as const, toolCallId: 'call_1', content: '18C' },
];

const FAMILIES: Family[] = [
  {
    family: 'openai',
    slug: 'openai',
    basePath: '/v1',
    answer: (r) => ((r.body as { stream?: boolean }).stream ? sse('openai', 'text.sse') : json('openai', 'text.json')),
    calls(server) {
      const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
      const base = { model: 'gpt-4o', max_completion_tokens: 64 };
      const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
      const ours: ChatRequest = { messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], maxTokens: 64 };
      return [
        { name: 'plain', stream: false, ours, sdk: () => client.chat.completions.create({ ...base, messages }) },
        { name: 'stream', stream: true, ours, sdk: () => client.chat.completions.create({ ...base, messages, stream: true, stream_options: { include_usage: true } }).then(drain) },
        {
          name: 'tool loop',
          stream: false,
          ours: { messages: toolLoop, maxTokens: 64, tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: WEATHER }], toolChoice: 'auto' },
          sdk: () =>
            client.chat.completions.create({
              ...base,
              messages: [
                { role: 'user', content: 'Weather in Paris?' },
                { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
                { role: 'tool', tool_call_id: 'call_1', content: '18C' },
              ],
              tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: WEATHER } }],
              tool_choice: 'auto',
            }),
        },
        { name: 'reasoning', stream: true, ours: { ...ours, reasoning: { effort: 'high' } }, sdk: () => client.chat.completions.create({ ...base, messages, reasoning_effort: 'high', stream: true, stream_options: { include_usage: true } }).then(drain) },
        {
          name: 'json_schema',
          stream: false,
          ours: { ...ours, responseFormat: { type: 'json_schema', name: 'answer', strict: true, schema: ANSWER_SCHEMA } },
          sdk: () => client.chat.completions.create({ ...base, messages, response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: ANSWER_SCHEMA } } }),
        },
      ];
    },
  },
  {
    family: 'anthropic',
    slug: 'anthropic',
    basePath: '/v1', // the seeded form: https://api.anthropic.com/v1
    answer: (r) => ((r.body as { stream?: boolean }).stream ? sse('anthropic', 'text.sse') : json('anthropic', 'text.json')),
    calls(server) {
      const client = new Anthropic({ baseURL: server.url, apiKey: 'sk-ant', maxRetries: 0 });
      const base = { model: 'claude-sonnet-4-6', max_tokens: 4096, system: [{ type: 'text' as const, text: 'Be brief.' }] };
      const messages: Anthropic.MessageParam[] = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];
      const ours: ChatRequest = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], maxTokens: 4096 };
      return [
        { name: 'plain', stream: false, ours, sdk: () => client.messages.create({ ...base, messages }) },
        { name: 'stream', stream: true, ours, sdk: () => client.messages.create({ ...base, messages, stream: true }).then(drain) },
        {
          name: 'tool loop with signed thinking',
          stream: true,
          ours: {
            messages: [
              { role: 'system', content: 'Be brief.' },
              toolLoop[0]!,
              { ...toolLoop[1]!, reasoningDetails: [{ type: 'reasoning.text', text: 'Call the tool.', signature: 'EqQBCkYI', format: 'anthropic-claude-v1', index: 0 }] },
              toolLoop[2]!,
            ],
            maxTokens: 4096,
            reasoning: { maxTokens: 2048 },
            tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: WEATHER }],
            toolChoice: 'auto',
          },
          sdk: () =>
            client.messages
              .create({
                ...base,
                stream: true,
                thinking: { type: 'enabled', budget_tokens: 2048 },
                messages: [
                  { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
                  {
                    role: 'assistant',
                    content: [
                      { type: 'thinking', thinking: 'Call the tool.', signature: 'EqQBCkYI' },
                      { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
                    ],
                  },
                  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: '18C' }] }] },
                ],
                tools: [{ name: 'get_weather', description: 'Weather', input_schema: WEATHER as Anthropic.Tool.InputSchema }],
                tool_choice: { type: 'auto' },
              })
              .then(drain),
        },
        {
          name: 'json_schema',
          stream: false,
          ours: { ...ours, responseFormat: { type: 'json_schema', name: 'answer', strict: true, schema: ANSWER_SCHEMA } },
          sdk: () => client.messages.create({ ...base, messages, output_config: { format: { type: 'json_schema', schema: ANSWER_SCHEMA } } }),
        },
      ];
    },
  },
  {
    family: 'gemini',
    slug: 'google',
    basePath: '', // the seeded form: https://generativelanguage.googleapis.com
    answer: (r) => (r.url.includes(':streamGenerateContent') ? sse('gemini', 'text.sse') : json('gemini', 'text.json')),
    calls(server) {
      const ai = new GoogleGenAI({ apiKey: 'AIza-test', httpOptions: { baseUrl: server.url } });
      const model = 'gemini-2.5-flash';
      const contents = [{ role: 'user', parts: [{ text: 'Hi' }] }];
      const config = { systemInstruction: { parts: [{ text: 'Be brief.' }] }, maxOutputTokens: 4096 };
      const ours: ChatRequest = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], maxTokens: 4096 };
      return [
        { name: 'plain', stream: false, ours, sdk: () => ai.models.generateContent({ model, contents, config }) },
        { name: 'stream', stream: true, ours, sdk: () => ai.models.generateContentStream({ model, contents, config }).then(drain) },
        {
          name: 'tool loop with a thought signature',
          stream: false,
          ours: {
            messages: [
              { role: 'system', content: 'Be brief.' },
              toolLoop[0]!,
              { ...toolLoop[1]!, reasoningDetails: [{ type: 'reasoning.encrypted', data: '<Signature A>', id: 'call_1', format: 'google-gemini-v1', index: 0 }] },
              toolLoop[2]!,
            ],
            maxTokens: 4096,
            reasoning: { maxTokens: 1024 },
            tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: WEATHER }],
            toolChoice: 'auto',
          },
          sdk: () =>
            ai.models.generateContent({
              model,
              contents: [
                { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
                { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: '<Signature A>' }] },
                { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { content: '18C' } } }] },
              ],
              config: {
                ...config,
                thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
                tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parametersJsonSchema: WEATHER }] }],
                toolConfig: { functionCallingConfig: { mode: 'AUTO' as never } },
              },
            }),
        },
        {
          name: 'json_schema',
          stream: true,
          ours: { ...ours, responseFormat: { type: 'json_schema', name: 'answer', strict: true, schema: ANSWER_SCHEMA } },
          sdk: () => ai.models.generateContentStream({ model, contents, config: { ...config, responseMimeType: 'application/json', responseJsonSchema: ANSWER_SCHEMA } }).then(drain),
        },
      ];
    },
  },
];

const client = new UpstreamHttpClient({ firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 });
afterAll(() => client.close());

const authHeaders = (request: CapturedRequest) => AUTH_HEADERS.filter((name) => request.headers[name] !== undefined);

describe.each(FAMILIES)('official SDK vs our $family adapter', (f) => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer(f.answer);
  });
  afterAll(() => server.close());

  it('every logical call: same path, auth header names and body field names; both parse the recorded answer', async () => {
    for (const call of f.calls(server)) {
      server.requests.length = 0;
      await call.sdk();
      const target = productionTarget(f.family, f.slug, f.family === 'openai' ? 'gpt-4o' : f.family === 'anthropic' ? 'claude-sonnet-4-6' : 'gemini-2.5-flash', {
        baseUrl: `${server.url}${f.basePath}`,
        apiKey: f.family === 'openai' ? 'sk-test' : f.family === 'anthropic' ? 'sk-ant' : 'AIza-test',
      });
      const adapter = adapterFor(f.family);
      const result = call.stream ? await foldStream(streamCompletion(adapter, client, call.ours, target)) : foldParts(await completeOnce(adapter, client, call.ours, target));
      expect(result.error, call.name).toBeNull();
      expect(result.text.length, call.name).toBeGreaterThan(0);

      const [theirs, ours] = server.requests;
      expect(ours, call.name).toBeDefined();
      expect({ call: call.name, method: ours!.method, url: ours!.url }).toEqual({ call: call.name, method: theirs!.method, url: theirs!.url });
      expect({ call: call.name, auth: authHeaders(ours!) }).toEqual({ call: call.name, auth: authHeaders(theirs!) });
      expect({ call: call.name, fields: fieldPaths(ours!.body) }).toEqual({ call: call.name, fields: fieldPaths(theirs!.body) });
    }
  });
});
