import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfiles, fastProfile, type RunningSimulator, type SimClock } from '../../src/simulator/index.js';
import { post, withSimulator } from './support.js';

const OPENAI = '/v1/chat/completions';
const body = { model: 'm', messages: [{ role: 'user', content: 'Hello' }], stream: true };

/** Milliseconds from sending until the first content token arrives, and until the end of the body. */
async function timeStream(sim: RunningSimulator, path: string, headers: Record<string, string>): Promise<{ firstTokenMs: number; totalMs: number }> {
  const started = performance.now();
  let firstTokenMs = Number.NaN;
  const parser = createParser({
    onEvent: ({ data }) => {
      if (Number.isNaN(firstTokenMs) && data !== '[DONE]' && JSON.parse(data).choices[0]?.delta.content) firstTokenMs = performance.now() - started;
    },
  });
  const response = await post(sim, path, body, headers);
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parser.feed(decoder.decode(read.value, { stream: true }));
  return { firstTokenMs, totalMs: performance.now() - started };
}

describe('pacing over real time (lower bounds only)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await withSimulator({ profiles: { slowpoke: { ...fastProfile, ttftMs: 250, tokensPerSecond: 200 } } });
  });
  afterAll(() => sim.stop());

  it('honours x-sim-ttft-ms and x-sim-tokens-per-second', async () => {
    const { firstTokenMs, totalMs } = await timeStream(sim, OPENAI, { 'x-sim-ttft-ms': '150', 'x-sim-tokens-per-second': '100', 'x-sim-completion-tokens': '21' });
    expect(firstTokenMs).toBeGreaterThanOrEqual(140);
    expect(totalMs).toBeGreaterThanOrEqual(150 + 20 * 10 - 10); // 20 more tokens at 10 ms each
  });

  it('paces non-streamed answers as a whole', async () => {
    const started = performance.now();
    const response = await post(sim, OPENAI, { ...body, stream: false }, { 'x-sim-ttft-ms': '100', 'x-sim-tokens-per-second': '200', 'x-sim-completion-tokens': '21' });
    await response.json();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100 + 20 * 5 - 10);
  });

  it('applies the profile of the /p/<slug> prefix', async () => {
    const { firstTokenMs, totalMs } = await timeStream(sim, '/p/slowpoke/v1/chat/completions', { 'x-sim-completion-tokens': '41' });
    expect(firstTokenMs).toBeGreaterThanOrEqual(240);
    expect(totalMs).toBeGreaterThanOrEqual(250 + 40 * 5 - 10);
  });
});

/** A virtual clock: sleeping advances time instantly and is recorded. */
function virtualClock(): SimClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      if (ms <= 0) return;
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('pacing with an injected clock', () => {
  it('schedules the first token at ttft and the rest at tokens/s', async () => {
    const clock = virtualClock();
    const sim = await withSimulator({ clock, profiles: { p: { ...fastProfile, ttftMs: 400, tokensPerSecond: 50 } } });
    try {
      const response = await post(sim, '/p/p/v1/chat/completions', body, { 'x-sim-completion-tokens': '11' });
      await response.text();
      expect(clock.sleeps[0]).toBeCloseTo(400);
      expect(clock.sleeps.slice(1)).toEqual(Array(10).fill(20));
    } finally {
      await sim.stop();
    }
  });
});

describe('default profiles', () => {
  it('cover every seeded provider, groq fastest, with sane fault rates', async () => {
    const { seedProviders } = await import('../../src/persistence/seed/catalog-data.js');
    for (const provider of seedProviders) expect(defaultProfiles[provider.slug], provider.slug).toBeDefined();
    const speeds = Object.values(defaultProfiles).map((p) => p.tokensPerSecond);
    expect(defaultProfiles.groq!.tokensPerSecond).toBe(Math.max(...speeds));
    for (const profile of Object.values(defaultProfiles)) {
      const total = Object.values(profile.faultRates).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThan(0.1);
    }
  });
});
