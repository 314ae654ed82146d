import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { Ajv } from 'ajv';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src/simulator/index.js';
import { withSimulator } from './support.js';

/**
 * The simulator judged by the official clients: each SDK, pointed at it, must parse its answers and
 * streams, and what comes back must behave like the market — schema-valid structured outputs, several
 * tool calls, reasoning inside the cap, signatures enforced on replay, cache writes then reads,
 * logprobs, Anthropic's mid-stream error events.
 */
const ajv = new Ajv({ strict: false, allErrors: true });
const PERSON = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 3 },
    age: { type: 'integer', minimum: 0, maximum: 120 },
    email: { type: 'string', format: 'email' },
    role: { type: 'string', enum: ['admin', 'user'] },
    tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4 },
    address: { $ref: '#/$defs/address' },
    nickname: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
  required: ['name', 'age', 'email', 'role', 'tags', 'address', 'nickname'],
  additionalProperties: false,
  $defs: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string', maxLength: 5 } }, required: ['city', 'zip'], additionalProperties: false } },
};
/** Non-strict: optional properties, nested arrays of objects. */
const ORDER = {
  type: 'object',
  properties: { id: { type: 'integer', exclusiveMinimum: 0 }, items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'number', minimum: 1 } }, required: ['sku'] } }, note: { type: 'string' } },
  required: ['id'],
};
const validPerson = ajv.compile(PERSON);
const validOrder = ajv.compile(ORDER);
const TOOLS = [
  { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'get_time', description: 'Time', parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['UTC', 'CET'] } }, required: ['zone'] } },
];

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await withSimulator();
});
afterAll(() => sim?.stop());

describe('the openai client against the simulator', () => {
  const client = () => new OpenAI({ baseURL: `${sim.url}/p/openai/v1`, apiKey: 'sk-test', maxRetries: 0 });
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Give me a person.' }];

  it('parse() with a strict json_schema gets schema-valid JSON; a non-strict schema too', async () => {
    const person = await client().chat.completions.parse({ model: 'gpt-4o', messages, response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema: PERSON } } });
    expect(validPerson(person.choices[0]!.message.parsed), JSON.stringify(validPerson.errors)).toBe(true);
    const order = await client().chat.completions.create({ model: 'gpt-4o', messages, response_format: { type: 'json_schema', json_schema: { name: 'order', schema: ORDER } } });
    expect(validOrder(JSON.parse(order.choices[0]!.message.content!)), JSON.stringify(validOrder.errors)).toBe(true);
  });

  it('json_object gets a JSON object, streamed the same', async () => {
    const whole = await client().chat.completions.create({ model: 'gpt-4o', messages, response_format: { type: 'json_object' } });
    const value = JSON.parse(whole.choices[0]!.message.content!);
    expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
    const streamed = await client().chat.completions.stream({ model: 'gpt-4o', messages, response_format: { type: 'json_object' } }).finalChatCompletion();
    expect(streamed.choices[0]!.message.content).toBe(whole.choices[0]!.message.content);
  });

  it('several tool calls in one answer, assembled by the streaming helper', async () => {
    const tools = TOOLS.map((t) => ({ type: 'function' as const, function: t }));
    const final = await client().chat.completions.stream({ model: 'gpt-4o', messages, tools }).finalChatCompletion();
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    expect(final.choices[0]!.message.tool_calls!.map((c) => (c as OpenAI.ChatCompletionMessageFunctionToolCall).function.name)).toEqual(['get_weather', 'get_time']);
  });

  it('reasoning tokens count toward max_completion_tokens', async () => {
    const completion = await client().chat.completions.create({ model: 'o3', messages, reasoning_effort: 'high', max_completion_tokens: 12 });
    expect(completion.usage!.completion_tokens).toBeLessThanOrEqual(12);
    expect(completion.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);
    expect(completion.choices[0]!.finish_reason).toBe('length');
  });

  it('logprobs when asked, one entry per token with the requested alternatives', async () => {
    const completion = await client().chat.completions.create({ model: 'gpt-4o', messages, logprobs: true, top_logprobs: 2, max_completion_tokens: 10 });
    const content = completion.choices[0]!.logprobs!.content!;
    expect(content.map((t) => t.token).join('')).toBe(completion.choices[0]!.message.content);
    expect(content.every((t) => t.logprob <= 0 && t.top_logprobs.length === 2 && t.top_logprobs[0]!.token === t.token)).toBe(true);
    const streamed = await client().chat.completions.stream({ model: 'gpt-4o', messages, logprobs: true, top_logprobs: 2, max_completion_tokens: 10 }).finalChatCompletion();
    expect(streamed.choices[0]!.logprobs!.content!.map((t) => t.logprob)).toEqual(content.map((t) => t.logprob));
    const plain = await client().chat.completions.create({ model: 'gpt-4o', messages, max_completion_tokens: 10 });
    expect(plain.choices[0]!.logprobs).toBeNull();
  });
});

describe('the Anthropic client against the simulator', () => {
  const client = () => new Anthropic({ baseURL: `${sim.url}/p/anthropic`, apiKey: 'sk-ant', maxRetries: 0 });
  const model = 'claude-sonnet-4-6';
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Give me a person.' }];

  it('structured outputs (output_config.format) answer with schema-valid JSON', async () => {
    const message = await client().messages.create({ model, max_tokens: 1000, messages, output_config: { format: { type: 'json_schema', schema: PERSON } } });
    const text = message.content.find((b) => b.type === 'text')!;
    expect(validPerson(JSON.parse((text as Anthropic.TextBlock).text)), JSON.stringify(validPerson.errors)).toBe(true);
  });

  it('several tool_use blocks in one streamed answer, unless parallel tool use is disabled', async () => {
    const tools = TOOLS.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters as Anthropic.Tool.InputSchema }));
    const final = await client().messages.stream({ model, max_tokens: 500, messages, tools }).finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    expect(final.content.filter((b) => b.type === 'tool_use').map((b) => (b as Anthropic.ToolUseBlock).name)).toEqual(['get_weather', 'get_time']);
    const single = await client().messages.create({ model, max_tokens: 500, messages, tools, tool_choice: { type: 'auto', disable_parallel_tool_use: true } });
    expect(single.content.filter((b) => b.type === 'tool_use')).toHaveLength(1);
  });

  it('a tool loop with thinking: the signed thinking block must come back, unaltered', async () => {
    const tools = [{ name: 'get_weather', description: 'Weather', input_schema: TOOLS[0]!.parameters as Anthropic.Tool.InputSchema }];
    const thinking = { type: 'enabled' as const, budget_tokens: 1024 };
    const first = await client().messages.stream({ model, max_tokens: 2000, thinking, messages, tools }).finalMessage();
    expect(first.usage.output_tokens).toBeLessThanOrEqual(2000);
    const thought = first.content.find((b): b is Anthropic.ThinkingBlock => b.type === 'thinking')!;
    const call = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use')!;
    const next = (assistant: Anthropic.ContentBlockParam[]) =>
      client().messages.create({
        model, max_tokens: 2000, thinking, tools,
        messages: [...messages, { role: 'assistant', content: assistant }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18C' }] }],
      });
    const answered = await next([{ type: 'thinking', thinking: thought.thinking, signature: thought.signature }, { type: 'tool_use', id: call.id, name: call.name, input: call.input }]);
    expect(answered.stop_reason).toBe('end_turn');
    await expect(next([{ type: 'tool_use', id: call.id, name: call.name, input: call.input }])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('thinking') });
    await expect(next([{ type: 'thinking', thinking: `${thought.thinking}!`, signature: thought.signature }, { type: 'tool_use', id: call.id, name: call.name, input: call.input }])).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('signature'),
    });
  });

  it('a cache_control breakpoint is written once, then read', async () => {
    const system: Anthropic.TextBlockParam[] = [{ type: 'text', text: `policy ${Math.random()} `.repeat(1200), cache_control: { type: 'ephemeral' } }];
    const first = await client().messages.create({ model, max_tokens: 20, system, messages });
    const second = await client().messages.create({ model, max_tokens: 20, system, messages: [{ role: 'user', content: 'And another?' }] });
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
  });

  it('a mid-stream overloaded_error event reaches the client as an error after the first text', async () => {
    const stream = client().messages.stream({ model, max_tokens: 60, messages }, { headers: { 'x-sim-fault': 'midstream' } });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    await expect(stream.finalMessage()).rejects.toThrow(/Overloaded/);
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('the Google GenAI client against the simulator', () => {
  const ai = () => new GoogleGenAI({ apiKey: 'AIza-test', httpOptions: { baseUrl: `${sim.url}/p/google` } });
  const model = 'gemini-2.5-flash';
  const contents = [{ role: 'user', parts: [{ text: 'Give me a person.' }] }];
  const functionDeclarations = TOOLS.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters }));

  it('responseJsonSchema gets schema-valid JSON, streamed or not', async () => {
    const config = { responseMimeType: 'application/json', responseJsonSchema: PERSON };
    const whole = await ai().models.generateContent({ model, contents, config });
    expect(validPerson(JSON.parse(whole.text!)), JSON.stringify(validPerson.errors)).toBe(true);
    let streamed = '';
    for await (const chunk of await ai().models.generateContentStream({ model, contents, config })) streamed += chunk.text ?? '';
    expect(streamed).toBe(whole.text);
  });

  it('several function calls; with thinking, the thought signature must come back on the call', async () => {
    const config = { tools: [{ functionDeclarations }], thinkingConfig: { thinkingBudget: 512 }, maxOutputTokens: 1000 };
    const first = await ai().models.generateContent({ model, contents, config });
    expect(first.functionCalls?.map((c) => c.name)).toEqual(['get_weather', 'get_time']);
    const parts = first.candidates![0]!.content!.parts!;
    expect(parts[0]!.thoughtSignature).toBeDefined();
    const reply = (modelParts: typeof parts) =>
      ai().models.generateContent({
        model,
        config,
        contents: [...contents, { role: 'model', parts: modelParts }, { role: 'user', parts: first.functionCalls!.map((c) => ({ functionResponse: { name: c.name!, response: { ok: true } } })) }],
      });
    expect((await reply(parts)).text!.length).toBeGreaterThan(0);
    await expect(reply(parts.map(({ thoughtSignature: _dropped, ...part }) => part))).rejects.toMatchObject({ status: 400 });
  });

  it('logprobs with responseLogprobs', async () => {
    const response = await ai().models.generateContent({ model, contents, config: { responseLogprobs: true, logprobs: 3, maxOutputTokens: 10 } });
    const candidate = response.candidates![0]!;
    expect(candidate.logprobsResult!.chosenCandidates!.map((c) => c.token).join('')).toBe(response.text);
    expect(candidate.logprobsResult!.topCandidates!.every((t) => t.candidates!.length === 3)).toBe(true);
    expect(candidate.avgLogprobs).toBeLessThanOrEqual(0);
  });
});
