import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens, MESSAGE_OVERHEAD_TOKENS, type RunningSimulator } from '../../src/simulator/index.js';
import { payloads, postJson, postSse, weatherToolSchema, withSimulator } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await withSimulator();
});
afterAll(() => sim.stop());

const PATH = '/v1/chat/completions';
const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Explain routing, please.' },
];
const base = { model: 'openai/gpt-4o', messages };

/** Text, finish and usage folded from a chunk stream. */
function fold(chunks: any[]) {
  const choiceChunks = chunks.filter((c) => c.choices.length > 0);
  return {
    text: choiceChunks.map((c) => c.choices[0].delta.content ?? '').join(''),
    reasoning: choiceChunks.map((c) => c.choices[0].delta.reasoning_content ?? '').join(''),
    finish: choiceChunks.at(-1)?.choices[0].finish_reason,
    usage: chunks.at(-1)?.usage,
  };
}

describe('OpenAI Chat Completions', () => {
  it('answers deterministically with usage under the countTokens rule', async () => {
    const first = await postJson(sim, PATH, base);
    const second = await postJson(sim, PATH, base);
    expect(first.status).toBe(200);
    expect(first.body.object).toBe('chat.completion');
    const text: string = first.body.choices[0].message.content;
    expect(text.length).toBeGreaterThan(0);
    expect(second.body.choices[0].message.content).toBe(text);
    expect(first.body.choices[0].finish_reason).toBe('stop');
    const promptTokens = 2 * MESSAGE_OVERHEAD_TOKENS + countTokens('You are terse.') + countTokens('Explain routing, please.');
    expect(first.body.usage).toMatchObject({
      prompt_tokens: promptTokens,
      completion_tokens: countTokens(text),
      total_tokens: promptTokens + countTokens(text),
      prompt_tokens_details: { cached_tokens: 0 },
    });
    const seeded = await postJson(sim, PATH, base, { 'x-sim-seed': 'another' });
    expect(seeded.body.choices[0].message.content).not.toBe(text);
  });

  it('streams the same text and usage as the JSON answer', async () => {
    const json = await postJson(sim, PATH, base);
    const stream = await postSse(sim, PATH, { ...base, stream: true, stream_options: { include_usage: true } });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.events.at(-1)?.data).toBe('[DONE]');
    const chunks = payloads(stream);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.at(-1).choices).toEqual([]);
    const folded = fold(chunks);
    expect(folded.text).toBe(json.body.choices[0].message.content);
    expect(folded.finish).toBe('stop');
    expect(folded.usage).toEqual(json.body.usage);
  });

  it('has no usage chunk without include_usage', async () => {
    const chunks = payloads(await postSse(sim, PATH, { ...base, stream: true }));
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('stops at max_tokens with finish length', async () => {
    const { body } = await postJson(sim, PATH, { ...base, max_tokens: 7 });
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(7);
    expect(countTokens(body.choices[0].message.content)).toBe(7);
    const streamed = fold(payloads(await postSse(sim, PATH, { ...base, max_completion_tokens: 7, stream: true })));
    expect(streamed.text).toBe(body.choices[0].message.content);
    expect(streamed.finish).toBe('length');
  });

  it('cuts at a stop sequence without emitting it', async () => {
    const full: string = (await postJson(sim, PATH, base)).body.choices[0].message.content;
    const words = full.split(' ');
    const stop = ` ${words[4]}`;
    const expected = full.slice(0, full.indexOf(stop));
    const { body } = await postJson(sim, PATH, { ...base, stop: [stop, 'never-there'] });
    expect(body.choices[0].message.content).toBe(expected);
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage.completion_tokens).toBe(countTokens(expected));
    const streamed = fold(payloads(await postSse(sim, PATH, { ...base, stop, stream: true })));
    expect(streamed.text).toBe(expected);
  });

  it('calls the first tool with arguments that satisfy its required properties', async () => {
    const tools = [
      { type: 'function', function: { name: 'get_weather', description: 'Weather forecast.', parameters: weatherToolSchema } },
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ];
    const { body } = await postJson(sim, PATH, { ...base, tools });
    const choice = body.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    // Parallel tool calls are allowed by default: one call per tool, in declaration order.
    const [call, second] = choice.message.tool_calls;
    expect(choice.message.tool_calls).toHaveLength(2);
    expect(call.id).toMatch(/^call_/);
    expect(call.function.name).toBe('get_weather');
    expect(second.function).toEqual({ name: 'get_time', arguments: '{}' });
    const args = JSON.parse(call.function.arguments);
    expect(typeof args.city).toBe('string');
    expect(Number.isInteger(args.days) && args.days >= 1 && args.days <= 7).toBe(true);
    expect(args.unit).toBe('celsius');
    expect(body.usage.completion_tokens).toBe(countTokens('get_weather') + countTokens(call.function.arguments) + countTokens('get_time') + countTokens('{}'));

    const stream = payloads(await postSse(sim, PATH, { ...base, tools, stream: true }));
    const deltas = stream.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, id: call.id, type: 'function', function: { name: 'get_weather' } });
    expect(deltas.filter((d: any) => d.id !== undefined).map((d: any) => d.index)).toEqual([0, 1]);
    expect(deltas.filter((d: any) => d.index === 0).map((d: any) => d.function.arguments).join('')).toBe(call.function.arguments);
    expect(stream.at(-1).choices[0].finish_reason).toBe('tool_calls');

    const single = await postJson(sim, PATH, { ...base, tools, parallel_tool_calls: false });
    expect(single.body.choices[0].message.tool_calls.map((c: any) => c.function.name)).toEqual(['get_weather']);
    const named = await postJson(sim, PATH, { ...base, tools, tool_choice: { type: 'function', function: { name: 'get_time' } } });
    expect(named.body.choices[0].message.tool_calls[0].function).toEqual({ name: 'get_time', arguments: '{}' });
    const none = await postJson(sim, PATH, { ...base, tools, tool_choice: 'none' });
    expect(none.body.choices[0].finish_reason).toBe('stop');
  });

  it('returns reasoning_content for reasoning requests, counted in completion tokens', async () => {
    const { body } = await postJson(sim, PATH, { ...base, reasoning_effort: 'low' });
    const message = body.choices[0].message;
    expect(message.reasoning_content.length).toBeGreaterThan(0);
    const reasoningTokens = countTokens(message.reasoning_content);
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(reasoningTokens);
    expect(body.usage.completion_tokens).toBe(reasoningTokens + countTokens(message.content));
    const streamed = fold(payloads(await postSse(sim, PATH, { ...base, reasoning: { effort: 'low' }, stream: true })));
    expect(streamed.reasoning).toBe(message.reasoning_content);
  });

  it('reports cached prompt tokens once a long prefix has been seen (implicit caching: no writes reported)', async () => {
    const longSystem = `context ${Math.random()} `.repeat(2000);
    const request = { model: 'm', messages: [{ role: 'system', content: longSystem }, { role: 'user', content: 'Hi' }] };
    const first = (await postJson(sim, PATH, request)).body;
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
    const second = (await postJson(sim, PATH, { ...request, messages: [...request.messages.slice(0, 1), { role: 'user', content: 'Another question' }] })).body;
    expect(second.usage.prompt_tokens_details.cached_tokens).toBe(Math.floor((countTokens(longSystem) + MESSAGE_OVERHEAD_TOKENS) / 128) * 128);
  });

  it('serves any base path and provider prefix', async () => {
    for (const path of ['/chat/completions', '/p/groq/openai/v1/chat/completions', '/p/deepinfra/v1/openai/chat/completions']) {
      expect((await postJson(sim, path, base)).status).toBe(200);
    }
  });

  it('rejects bad input with a 400 in the OpenAI error shape', async () => {
    for (const body of ['{not json', { model: 'm' }, { model: 'm', messages: [{ role: 'wizard', content: 'x' }] }]) {
      const response = await postJson(sim, PATH, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', message: expect.any(String) });
      expect(response.body.error).toHaveProperty('code');
    }
    const badChoice = await postJson(sim, PATH, { ...base, tool_choice: { type: 'function', function: { name: 'nope' } } });
    expect(badChoice.status).toBe(400);
  });
});

describe('request limits', () => {
  it('answers 413 in the format’s shape for an oversized body', async () => {
    const small = await withSimulator({ maxBodyBytes: 1024 });
    try {
      const response = await postJson(small, PATH, { ...base, messages: [{ role: 'user', content: 'x'.repeat(5000) }] });
      expect(response.status).toBe(413);
      expect(response.body.error.type).toBe('invalid_request_error');
    } finally {
      await small.stop();
    }
  });
});
