import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastProfile, type RunningSimulator } from '../../src/simulator/index.js';
import { payloads, post, postJson, postSse, withSimulator } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await withSimulator();
});
afterAll(() => sim.stop());

const OPENAI = '/v1/chat/completions';
const ANTHROPIC = '/v1/messages';
const GEMINI_STREAM = '/v1beta/models/g:streamGenerateContent?alt=sse';
const openaiBody = { model: 'm', messages: [{ role: 'user', content: 'Hello' }] };
const anthropicBody = { model: 'm', max_tokens: 256, messages: [{ role: 'user', content: 'Hello' }] };
const geminiBody = { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] };
const fault = (kind: string, extra: Record<string, string> = {}) => ({ 'x-sim-fault': kind, ...extra });

describe('forced HTTP error faults', () => {
  it('429 carries retry-after in every format', async () => {
    const openai = await postJson(sim, OPENAI, openaiBody, fault('429'));
    expect(openai.status).toBe(429);
    expect(openai.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(openai.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    const anthropic = await postJson(sim, ANTHROPIC, anthropicBody, fault('429'));
    expect(anthropic.headers.get('retry-after')).not.toBeNull();
    expect(anthropic.body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    const gemini = await postJson(sim, GEMINI_STREAM, geminiBody, fault('429'));
    expect(gemini.headers.get('retry-after')).not.toBeNull();
    expect(gemini.body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
  });

  it.each([500, 502, 503])('%i comes back in the format’s error shape', async (status) => {
    const openai = await postJson(sim, OPENAI, { ...openaiBody, stream: true }, fault(String(status)));
    expect(openai.status).toBe(status);
    expect(openai.body.error).toMatchObject({ type: 'server_error', message: expect.any(String) });
    const gemini = await postJson(sim, GEMINI_STREAM, geminiBody, fault(String(status)));
    expect(gemini.body.error.code).toBe(status);
  });

  it('529 is Anthropic’s overloaded_error', async () => {
    const { status, body } = await postJson(sim, ANTHROPIC, { ...anthropicBody, stream: true }, fault('529'));
    expect(status).toBe(529);
    expect(body).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('rejects an unknown fault name with a 400', async () => {
    expect((await postJson(sim, OPENAI, openaiBody, fault('explode'))).status).toBe(400);
  });
});

describe('connection faults', () => {
  it('reset closes the socket without a response', async () => {
    await expect(post(sim, OPENAI, openaiBody, fault('reset'))).rejects.toThrow();
    expect((await postJson(sim, OPENAI, openaiBody)).status).toBe(200); // the server is fine afterwards
  });

  it('stall delays the first byte', async () => {
    const started = performance.now();
    const response = await post(sim, OPENAI, { ...openaiBody, stream: true }, fault('stall', { 'x-sim-stall-ms': '300' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('[DONE]');
  });

  it('drop ends OpenAI streams mid-way without a finish or [DONE]', async () => {
    const full = payloads(await postSse(sim, OPENAI, { ...openaiBody, stream: true }));
    const dropped = await postSse(sim, OPENAI, { ...openaiBody, stream: true }, fault('drop'));
    const chunks = payloads(dropped);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(full.length);
    expect(dropped.raw).not.toContain('[DONE]');
    expect(chunks.every((c) => c.choices[0].finish_reason === null)).toBe(true);
  });

  it('drop ends Anthropic streams without message_stop and Gemini streams without finishReason', async () => {
    const anthropic = await postSse(sim, ANTHROPIC, { ...anthropicBody, stream: true }, fault('drop'));
    const names = anthropic.events.map((e) => e.event);
    expect(names).toContain('content_block_delta');
    expect(names).not.toContain('message_stop');
    const gemini = payloads(await postSse(sim, GEMINI_STREAM, geminiBody, fault('drop')));
    expect(gemini.length).toBeGreaterThan(0);
    expect(gemini.some((c) => c.candidates[0].finishReason)).toBe(false);
  });

  it('drop cuts a non-streamed body off', async () => {
    const response = await post(sim, OPENAI, openaiBody, fault('drop'));
    await expect(response.text()).rejects.toThrow();
  });

  it('malformed sends one chunk that is not JSON', async () => {
    for (const [path, body] of [[OPENAI, { ...openaiBody, stream: true }], [ANTHROPIC, { ...anthropicBody, stream: true }], [GEMINI_STREAM, geminiBody]] as const) {
      const { events } = await postSse(sim, path, body, fault('malformed'));
      const invalid = events.filter((e) => {
        if (e.data === '[DONE]') return false;
        try {
          JSON.parse(e.data);
          return false;
        } catch {
          return true;
        }
      });
      expect(invalid, path).toHaveLength(1);
    }
    const response = await post(sim, OPENAI, openaiBody, fault('malformed'));
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });
});

describe('fault rates from the profile', () => {
  it('draws faults at the configured rates unless x-sim-fault: none', async () => {
    const flaky = await withSimulator({ profiles: { flaky: { ...fastProfile, faultRates: { ...fastProfile.faultRates, error503: 1 } } } });
    try {
      expect((await postJson(flaky, '/p/flaky/v1/chat/completions', openaiBody)).status).toBe(503);
      expect((await postJson(flaky, '/p/flaky/v1/chat/completions', openaiBody, fault('none'))).status).toBe(200);
      expect((await postJson(flaky, '/p/other/v1/chat/completions', openaiBody)).status).toBe(200);
    } finally {
      await flaky.stop();
    }
  });
});
