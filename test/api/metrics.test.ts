import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationSchema } from '../../src/persistence/entities/index.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

const [target] = await databaseTargets();

/** The value of one sample line, e.g. `switchyard_attempts_total{provider="groq",…}`. */
const sample = (text: string, name: string, labels: Record<string, string> = {}) => {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(name) && !l.startsWith('#') && wanted.every((w) => l.includes(w)) && (l[name.length] === '{' || l[name.length] === ' '));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('GET /metrics', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target!);
  });
  afterAll(() => running?.stop());

  const complete = (model: string) =>
    fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.inference}` },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'count me' }], max_tokens: 12, provider: { order: ['groq'], allow_fallbacks: false } }),
    });

  it('counts generations, attempts, tokens, cost and TTFT per provider, without any account or key in it', async () => {
    const served = await complete('meta-llama/llama-3.3-70b-instruct');
    const { id, usage } = (await served.json()) as { id: string; usage: { prompt_tokens: number; completion_tokens: number } };
    const { cost } = await (await running.db()).findOneOrFail(GenerationSchema, { id });
    expect((await complete('nobody/nothing')).status).toBe(404);

    const res = await fetch(`${running.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'switchyard_generations_total', { status: 'succeeded' })).toBe(1);
    expect(sample(text, 'switchyard_generations_total', { status: 'refused', reason: 'no_route' })).toBe(1);
    expect(sample(text, 'switchyard_attempts_total', { provider: 'groq', status: 'succeeded', error: 'none' })).toBe(1);
    expect(sample(text, 'switchyard_tokens_total', { provider: 'groq', kind: 'completion' })).toBe(usage.completion_tokens);
    expect(sample(text, 'switchyard_tokens_total', { provider: 'groq', kind: 'prompt' })).toBe(usage.prompt_tokens);
    expect(sample(text, 'switchyard_cost_microdollars_total', { provider: 'groq' })).toBe(Number(cost / 1_000_000n));
    expect(sample(text, 'switchyard_ttft_seconds_count', { provider: 'groq' })).toBe(1);
    expect(sample(text, 'switchyard_active_generations')).toBe(0);
    expect(text).not.toContain(TEST_KEYS.inference);
    expect(text).not.toContain(running.app.bootstrap?.accountId ?? 'no-account-id');
  });
});
