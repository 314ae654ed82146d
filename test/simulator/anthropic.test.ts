import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens, MESSAGE_OVERHEAD_TOKENS, type RunningSimulator } from '../../src/simulator/index.js';
import { postJson, postSse, weatherToolSchema, withSimulator } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await withSimulator();
});
afterAll(() => sim.stop());

const PATH = '/v1/messages';
const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' };
const base = { model: 'claude-sonnet-4', max_tokens: 1024, system: 'You are terse.', messages: [{ role: 'user', content: 'Explain routing, please.' }] };

/** Blocks, stop reason and usage folded from a Messages event stream. */
function fold(events: Array<{ event?: string; data: string }>) {
  const blocks: any[] = [];
  let message: any;
  let delta: any;
  for (const { event, data } of events) {
    const body = JSON.parse(data);
    expect(body.type).toBe(event);
    if (event === 'message_start') message = body.message;
    if (event === 'content_block_start') blocks[body.index] = { ...body.content_block, json: '' };
    if (event === 'content_block_delta') {
      const block = blocks[body.index];
      const d = body.delta;
      if (d.type === 'text_delta') block.text += d.text;
      if (d.type === 'thinking_delta') block.thinking += d.thinking;
      if (d.type === 'signature_delta') block.signature = d.signature;
      if (d.type === 'input_json_delta') block.json += d.partial_json;
    }
    if (event === 'message_delta') delta = body;
  }
  return { message, blocks, delta };
}

describe('Anthropic Messages', () => {
  it('answers with a message, stop_reason and usage under the countTokens rule', async () => {
    const { status, body } = await postJson(sim, PATH, base, headers);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-4', stop_reason: 'end_turn', stop_sequence: null });
    const [block] = body.content;
    expect(block.type).toBe('text');
    expect(body.usage).toEqual({
      input_tokens: 2 * MESSAGE_OVERHEAD_TOKENS + countTokens('You are terse.') + countTokens('Explain routing, please.'),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: countTokens(block.text),
    });
    expect((await postJson(sim, PATH, base, headers)).body.content).toEqual(body.content);
  });

  it('streams the documented event sequence with the same text and usage', async () => {
    const json = (await postJson(sim, PATH, base, headers)).body;
    const stream = await postSse(sim, PATH, { ...base, stream: true }, headers);
    const names = stream.events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    const { message, blocks, delta } = fold(stream.events);
    expect(message.usage.input_tokens).toBe(json.usage.input_tokens);
    expect(blocks[0].text).toBe(json.content[0].text);
    expect(delta.delta).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
    expect(delta.usage.output_tokens).toBe(json.usage.output_tokens);
  });

  it('honours max_tokens and stop_sequences', async () => {
    const short = (await postJson(sim, PATH, { ...base, max_tokens: 5 }, headers)).body;
    expect(short.stop_reason).toBe('max_tokens');
    expect(short.usage.output_tokens).toBe(5);
    const full: string = (await postJson(sim, PATH, base, headers)).body.content[0].text;
    const stop = full.split(' ')[3]!;
    const cut = (await postJson(sim, PATH, { ...base, stop_sequences: [stop] }, headers)).body;
    expect(cut.stop_reason).toBe('stop_sequence');
    expect(cut.stop_sequence).toBe(stop);
    expect(cut.content[0].text).toBe(full.slice(0, full.indexOf(stop)));
  });

  it('returns tool_use with input satisfying the schema, streamed as input_json_delta', async () => {
    const body = { ...base, tools: [{ name: 'get_weather', description: 'Forecast.', input_schema: weatherToolSchema }] };
    const json = (await postJson(sim, PATH, body, headers)).body;
    expect(json.stop_reason).toBe('tool_use');
    const toolUse = json.content.find((b: any) => b.type === 'tool_use');
    expect(toolUse).toMatchObject({ id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: { city: expect.any(String), unit: 'celsius' } });
    const { blocks, delta } = fold((await postSse(sim, PATH, { ...body, stream: true }, headers)).events);
    const streamed = blocks.find((b) => b.type === 'tool_use');
    expect(streamed.id).toBe(toolUse.id);
    expect(JSON.parse(streamed.json)).toEqual(toolUse.input);
    expect(delta.delta.stop_reason).toBe('tool_use');
    expect(delta.usage.output_tokens).toBe(json.usage.output_tokens);
    const none = (await postJson(sim, PATH, { ...body, tool_choice: { type: 'none' } }, headers)).body;
    expect(none.stop_reason).toBe('end_turn');
  });

  it('thinks when thinking is enabled: thinking_delta then signature_delta', async () => {
    const body = { ...base, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2048 } };
    const json = (await postJson(sim, PATH, body, headers)).body;
    const [thinking, text] = json.content;
    expect(thinking).toMatchObject({ type: 'thinking', thinking: expect.any(String), signature: expect.any(String) });
    expect(json.usage.output_tokens).toBe(countTokens(thinking.thinking) + countTokens(text.text));
    const stream = await postSse(sim, PATH, { ...body, stream: true }, headers);
    const { blocks } = fold(stream.events);
    expect(blocks[0]).toMatchObject({ type: 'thinking', thinking: thinking.thinking, signature: thinking.signature });
    const thinkingDeltas = stream.events.filter((e) => e.event === 'content_block_delta' && JSON.parse(e.data).index === 0);
    expect(JSON.parse(thinkingDeltas.at(-1)!.data).delta.type).toBe('signature_delta');
  });

  it('a cache_control breakpoint writes the prefix once, then reads it', async () => {
    const longSystem = [{ type: 'text', text: 'rules '.repeat(1500), cache_control: { type: 'ephemeral' } }];
    const cached = Math.floor((1500 + MESSAGE_OVERHEAD_TOKENS) / 128) * 128;
    const prompt = 2 * MESSAGE_OVERHEAD_TOKENS + 1500 + countTokens('Explain routing, please.');
    const first = (await postJson(sim, PATH, { ...base, system: longSystem }, headers)).body;
    expect(first.usage).toMatchObject({ cache_creation_input_tokens: cached, cache_read_input_tokens: 0, input_tokens: prompt - cached });
    const second = (await postJson(sim, PATH, { ...base, system: longSystem }, headers)).body;
    expect(second.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: cached, input_tokens: prompt - cached });
  });

  it('rejects bad input with a 400 in the Anthropic error shape', async () => {
    const missingMax = await postJson(sim, PATH, { model: 'm', messages: base.messages }, headers);
    expect(missingMax.status).toBe(400);
    expect(missingMax.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') } });
    const badThinking = await postJson(sim, PATH, { ...base, max_tokens: 1000, thinking: { type: 'enabled', budget_tokens: 2000 } }, headers);
    expect(badThinking.status).toBe(400);
  });

  it('requires x-api-key and anthropic-version when auth is on', async () => {
    const strict = await withSimulator({ requireAuth: true });
    try {
      const denied = await postJson(strict, PATH, base);
      expect(denied.status).toBe(401);
      expect(denied.body.error.type).toBe('authentication_error');
      expect((await postJson(strict, PATH, base, headers)).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});
