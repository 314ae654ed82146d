import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

const [target] = await databaseTargets();

describe('generation traces', () => {
  const exporter = new InMemorySpanExporter();
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target!, {}, { tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }) });
  });
  afterAll(() => running?.stop());

  it('records a generation span with one child span per attempt, and no secrets', async () => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.inference}` },
      body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', messages: [{ role: 'user', content: 'a secret prompt' }], max_tokens: 6, provider: { order: ['groq'], allow_fallbacks: false } }),
    });
    const { id } = (await res.json()) as { id: string };
    const spans = exporter.getFinishedSpans();
    const generation = spans.find((s) => s.name === 'generation' && s.attributes['generation.id'] === id)!;
    expect(generation).toBeDefined();
    expect(generation.attributes).toMatchObject({ 'generation.status': 'succeeded', 'llm.provider': 'groq', 'routing.mode': 'ordered', 'llm.usage.completion_tokens': 6 });
    const attempts = spans.filter((s) => s.parentSpanContext?.spanId === generation.spanContext().spanId);
    expect(attempts.map((s) => [s.name, s.attributes['attempt.status']])).toEqual([['attempt groq', 'succeeded']]);
    expect(attempts[0]!.spanContext().traceId).toBe(generation.spanContext().traceId);
    const everything = JSON.stringify(spans.map((s) => s.attributes));
    expect(everything).not.toContain(TEST_KEYS.inference);
    expect(everything).not.toContain('a secret prompt');
  });
});
