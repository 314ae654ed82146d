import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, type UpstreamTarget, type WireFamily } from '../../src/adapters/index.js';
import { UpstreamHttpClient } from '../../src/adapters/http-client.js';
import { completeOnce, streamCompletion } from '../../src/adapters/invoke.js';
import { foldParts, foldStream, type GenerationResult } from '../../src/core/llm/fold.js';
import type { ChatRequest } from '../../src/core/llm/request.js';
import { simulatedBaseUrl, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { Ajv } from 'ajv';
import { productionTarget } from './support.js';

/**
 * The adapter contract: one normalized request, sent through each wire family to the simulator over
 * real HTTP, comes back as the same normalized result — streamed or not.
 */
const FAMILIES: { family: WireFamily; slug: string; realBaseUrl: string }[] = [
  { family: 'openai', slug: 'fireworks', realBaseUrl: 'https://api.fireworks.ai/inference/v1' },
  { family: 'anthropic', slug: 'anthropic', realBaseUrl: 'https://api.anthropic.com' },
  { family: 'gemini', slug: 'google', realBaseUrl: 'https://generativelanguage.googleapis.com' },
];
const MODEL = 'contract-model';

let simulator: RunningSimulator;
const client = new UpstreamHttpClient({ firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 });

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, profiles: {} }); // every provider: fast, no faults
});
afterAll(async () => {
  await simulator?.stop();
  await client.close();
});

// Built as production builds them: the slug's auth and dialect, every parameter supported.
const targetFor = (f: (typeof FAMILIES)[number]): UpstreamTarget =>
  productionTarget(f.family, f.slug, MODEL, { baseUrl: simulatedBaseUrl(simulator.url, f.slug, f.realBaseUrl), apiKey: 'test-key' });

const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 120 }, tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
  required: ['name', 'age', 'tags'],
  additionalProperties: false,
};
const validPerson = new Ajv({ strict: false }).compile(PERSON);
const WEATHER_TOOLS = [
  { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { type: 'function' as const, name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['UTC'] } }, required: ['zone'] } },
];

async function run(f: (typeof FAMILIES)[number], request: ChatRequest, stream: boolean): Promise<GenerationResult> {
  const adapter = adapterFor(f.family);
  return stream
    ? foldStream(streamCompletion(adapter, client, request, targetFor(f)))
    : foldParts(await completeOnce(adapter, client, request, targetFor(f)));
}

/** What must agree across families (tool-call ids are each family's own). */
const comparable = (r: GenerationResult) => ({
  text: r.text,
  finish: r.finish?.reason,
  usage: r.usage && { input: r.usage.input.total, output: r.usage.output.total },
  toolCalls: r.toolCalls.map((c) => ({ name: c.name, arguments: JSON.parse(c.arguments) as unknown })),
  error: r.error?.code ?? null,
});

const CASES: { name: string; request: ChatRequest; check(r: GenerationResult): void }[] = [
  {
    name: 'plain text cut at max_tokens',
    request: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Tell me about routers.' }], maxTokens: 24 },
    check: (r) => {
      expect(r.finish?.reason).toBe('length');
      expect(r.usage?.output.total).toBe(24);
      expect(r.text.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'a tool call with arguments that satisfy the schema',
    request: {
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }],
      maxTokens: 200,
    },
    check: (r) => {
      expect(r.finish?.reason).toBe('tool_calls');
      expect(r.toolCalls).toHaveLength(1);
      expect(r.toolCalls[0]!.name).toBe('get_weather');
      expect(typeof (JSON.parse(r.toolCalls[0]!.arguments) as { city: unknown }).city).toBe('string');
    },
  },
  {
    name: 'a natural stop with exact usage',
    request: { messages: [{ role: 'user', content: 'Say something.' }], maxTokens: 4_000 },
    check: (r) => {
      expect(r.finish?.reason).toBe('stop');
      expect(r.usage!.output.total).toBeGreaterThan(0);
      expect(r.usage!.input.total).toBeGreaterThan(0);
    },
  },
];

CASES.push(
  {
    name: 'a json_schema answer valid against the schema',
    request: { messages: [{ role: 'user', content: 'A person, please.' }], maxTokens: 500, responseFormat: { type: 'json_schema', name: 'person', strict: true, schema: PERSON } },
    check: (r) => {
      expect(r.finish?.reason).toBe('stop');
      expect(validPerson(JSON.parse(r.text))).toBe(true);
    },
  },
  {
    name: 'several tool calls in one answer',
    request: { messages: [{ role: 'user', content: 'Weather and time?' }], maxTokens: 500, tools: WEATHER_TOOLS },
    check: (r) => {
      expect(r.finish?.reason).toBe('tool_calls');
      expect(r.toolCalls.map((c) => c.name)).toEqual(['get_weather', 'get_time']);
    },
  },
  {
    name: 'reasoning inside the output cap',
    request: { messages: [{ role: 'user', content: 'Think, then answer.' }], maxTokens: 3000, reasoning: { effort: 'low' } },
    check: (r) => {
      expect(r.reasoning.length).toBeGreaterThan(0);
      expect(r.usage!.output.reasoning).toBeGreaterThan(0);
      expect(r.usage!.output.total).toBeLessThanOrEqual(3000);
    },
  },
);

describe.each(CASES)('adapter contract: $name', ({ request, check }) => {
  it('gives the same result through every family, streamed and not', async () => {
    const results = await Promise.all(FAMILIES.flatMap((f) => [run(f, request, true), run(f, request, false)]));
    for (const r of results) {
      expect(r.error).toBeNull();
      check(r);
    }
    const reference = comparable(results[0]!);
    for (const r of results.slice(1)) expect(comparable(r)).toEqual(reference);
  });
});

describe('adapter contract: upstream failures', () => {
  it.each(FAMILIES)('$family: a 503 before the first token is a retryable upstream_unavailable error part', async (f) => {
    const target = { ...targetFor(f), extraHeaders: { 'x-sim-fault': '503' } };
    const adapter = adapterFor(f.family);
    const parts = [];
    for await (const part of streamCompletion(adapter, client, { messages: [{ role: 'user', content: 'hi' }] }, target)) parts.push(part);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ type: 'error', error: { code: 'upstream_unavailable' } });
  });

  it.each(FAMILIES)('$family: an error event after output started ends the stream with a retryable error after the text', async (f) => {
    const target = { ...targetFor(f), extraHeaders: { 'x-sim-fault': 'midstream' } };
    const result = await foldStream(streamCompletion(adapterFor(f.family), client, { messages: [{ role: 'user', content: 'Tell me a story.' }], maxTokens: 50 }, target));
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finish).toBeNull();
    expect(result.error?.code).toBe('upstream_unavailable');
  });

  it.each(FAMILIES)('$family: a stream dropped mid-way ends with an error part, never a hang', async (f) => {
    const target = { ...targetFor(f), extraHeaders: { 'x-sim-fault': 'drop' } };
    const result = await foldStream(streamCompletion(adapterFor(f.family), client, { messages: [{ role: 'user', content: 'Tell me a story.' }], maxTokens: 50 }, target));
    expect(result.finish).toBeNull();
    expect(result.error?.code).toBe('upstream_bad_response');
  });
});
