import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

const LLAMA = 'meta-llama/llama-3.3-70b-instruct';

describe.each(await databaseTargets())('POST /api/v1/chat/completions on $name', (target) => {
  let running: RunningApp;
  let client: OpenAI;
  beforeAll(async () => {
    running = await startTestApp(target);
    client = new OpenAI({ baseURL: `${running.url}/api/v1`, apiKey: TEST_KEYS.inference, maxRetries: 0 });
  });
  afterAll(() => running?.stop());

  const post = async (body: unknown, key: string | null = TEST_KEYS.inference) => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };

  it('answers the official OpenAI client unchanged, and the generation can be looked up', async () => {
    // Pinned to one provider: the simulator's answer depends on the provider's model id.
    const completion = await client.chat.completions.create({
      model: LLAMA,
      messages: [{ role: 'user', content: 'Tell me a long story about routers.' }],
      max_tokens: 30,
      provider: { order: ['groq'], allow_fallbacks: false },
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.id).toMatch(/^gen-[0-9a-f]{32}$/);
    expect(completion.model).toBe(LLAMA);
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
    expect(completion.choices[0]!.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(30);

    const res = await fetch(`${running.url}/api/v1/generation?id=${completion.id}`, { headers: { authorization: `Bearer ${TEST_KEYS.inference}` } });
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ id: completion.id, model: LLAMA, tokens_completion: 30, streamed: false, finish_reason: 'length' });
    expect(data.total_cost).toBe((completion.usage as unknown as { cost: number }).cost);
    expect(data.total_cost).toBeGreaterThan(0);
  });

  it('streams the same text, usage and cost as the non-streamed request, ending with [DONE]', async () => {
    const request = { model: LLAMA, messages: [{ role: 'user' as const, content: 'Stream me a short story.' }], max_tokens: 40, provider: { order: ['groq'], allow_fallbacks: false } };
    const whole = await client.chat.completions.create(request as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const stream = await client.chat.completions.create({ ...request, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = '';
    let last: OpenAI.ChatCompletionChunk | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      last = chunk;
    }
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(last!.choices[0]!.finish_reason).toBe('length');
    expect(last!.usage).toEqual(whole.usage);

    const raw = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.inference}` },
      body: JSON.stringify({ ...request, stream: true }),
    });
    expect(raw.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(raw.headers.get('x-generation-id')).toMatch(/^gen-/);
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('answers a stream request that cannot start with a plain HTTP error, not a stream', async () => {
    const { status, headers } = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.inference}` },
      body: JSON.stringify({ model: 'nobody/nothing', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    // No route is known before any output: a plain HTTP error, not a stream.
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/application\/json/);
  });

  it('honours OpenRouter provider preferences and returns tool calls', async () => {
    const res = await post({
      model: LLAMA,
      provider: { order: ['together'], allow_fallbacks: false },
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-generation-id')).toBe(res.body.id);
    expect(res.body.provider).toBe('Together');
    expect(res.body.choices[0].finish_reason).toBe('tool_calls');
    expect(res.body.choices[0].message.tool_calls[0].function.name).toBe('get_weather');
  });

  it('answers bad requests in OpenRouter’s error shape with the right status', async () => {
    const unknown = await post({ model: 'nobody/nothing', messages: [{ role: 'user', content: 'hi' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 404, message: expect.stringContaining('nobody/nothing') });
    const excluded = await post({ model: LLAMA, provider: { quantizations: ['int4'] }, messages: [{ role: 'user', content: 'hi' }] });
    expect(excluded.status).toBe(404);
    expect(excluded.body.error.metadata.details.excluded.length).toBeGreaterThan(0);
    const malformed = await post({ model: LLAMA, messages: 'hello' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/messages/);
    expect((await post({ model: LLAMA, messages: [{ role: 'user', content: 'hi' }] }, null)).status).toBe(401);
  });

  it("never shows one account another account's generation", async () => {
    const mine = await post({ model: LLAMA, messages: [{ role: 'user', content: 'private' }], max_tokens: 5 });
    const em = running.app.database.orm.em.fork();
    const other = await new AccountRepository(em).createAccount('Other');
    const { plaintext } = await issueApiKey(em.fork(), { accountId: other.id, name: 'k', kind: 'inference' });
    const res = await fetch(`${running.url}/api/v1/generation?id=${mine.body.id}`, { headers: { authorization: `Bearer ${plaintext}` } });
    expect(res.status).toBe(404);
  });
});
