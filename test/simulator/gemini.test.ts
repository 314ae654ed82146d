import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens, MESSAGE_OVERHEAD_TOKENS, type RunningSimulator } from '../../src/simulator/index.js';
import { payloads, post, postJson, postSse, weatherToolSchema, withSimulator } from './support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await withSimulator();
});
afterAll(() => sim.stop());

const GENERATE = '/v1beta/models/gemini-2.5-flash:generateContent';
const STREAM = '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';
const headers = { 'x-goog-api-key': 'AIza-test' };
const base = {
  systemInstruction: { parts: [{ text: 'You are terse.' }] },
  contents: [{ role: 'user', parts: [{ text: 'Explain routing, please.' }] }],
};
const promptTokens = 2 * MESSAGE_OVERHEAD_TOKENS + countTokens('You are terse.') + countTokens('Explain routing, please.');

function textOf(response: any, thought = false): string {
  return (response.candidates[0].content.parts ?? [])
    .filter((p: any) => p.text !== undefined && (p.thought === true) === thought)
    .map((p: any) => p.text)
    .join('');
}

describe('Gemini generateContent', () => {
  it('answers with candidates, finishReason and usageMetadata under the countTokens rule', async () => {
    const { status, body } = await postJson(sim, GENERATE, base, headers);
    expect(status).toBe(200);
    const text = textOf(body);
    expect(body.candidates[0]).toMatchObject({ finishReason: 'STOP', content: { role: 'model' } });
    expect(body.usageMetadata).toMatchObject({ promptTokenCount: promptTokens, candidatesTokenCount: countTokens(text), totalTokenCount: promptTokens + countTokens(text) });
    expect(textOf((await postJson(sim, GENERATE, base, headers)).body)).toBe(text);
  });

  it('streams GenerateContentResponse chunks with the same text and usage', async () => {
    const json = (await postJson(sim, GENERATE, base, headers)).body;
    const stream = await postSse(sim, STREAM, base, headers);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const chunks = payloads(stream);
    expect(chunks.map((c) => textOf(c)).join('')).toBe(textOf(json));
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP');
    expect(chunks.at(-1).usageMetadata).toEqual(json.usageMetadata);
    expect(chunks.slice(0, -1).every((c) => c.candidates[0].finishReason === undefined)).toBe(true);
  });

  it('streams a JSON array without alt=sse', async () => {
    const response = await post(sim, STREAM.replace('?alt=sse', ''), base, headers);
    const chunks = (await response.json()) as any[];
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP');
  });

  it('honours maxOutputTokens and stopSequences', async () => {
    const short = (await postJson(sim, GENERATE, { ...base, generationConfig: { maxOutputTokens: 6 } }, headers)).body;
    expect(short.candidates[0].finishReason).toBe('MAX_TOKENS');
    expect(short.usageMetadata.candidatesTokenCount).toBe(6);
    const full = textOf((await postJson(sim, GENERATE, base, headers)).body);
    const stop = full.split(' ')[2]!;
    const cut = (await postJson(sim, GENERATE, { ...base, generationConfig: { stopSequences: [stop] } }, headers)).body;
    expect(textOf(cut)).toBe(full.slice(0, full.indexOf(stop)));
    expect(cut.candidates[0].finishReason).toBe('STOP');
  });

  it('returns a functionCall whose args satisfy the declaration', async () => {
    const body = { ...base, tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Forecast.', parameters: weatherToolSchema }] }] };
    const json = (await postJson(sim, GENERATE, body, headers)).body;
    const call = json.candidates[0].content.parts.find((p: any) => p.functionCall).functionCall;
    expect(call).toMatchObject({ name: 'get_weather', args: { city: expect.any(String), unit: 'celsius', days: expect.any(Number) } });
    const streamed = payloads(await postSse(sim, STREAM, body, headers));
    expect(streamed.flatMap((c) => c.candidates[0].content.parts ?? []).find((p: any) => p.functionCall).functionCall).toEqual(call);
    const none = (await postJson(sim, GENERATE, { ...body, toolConfig: { functionCallingConfig: { mode: 'NONE' } } }, headers)).body;
    expect(none.candidates[0].content.parts.some((p: any) => p.functionCall)).toBe(false);
  });

  it('reports thoughtsTokenCount and thought parts when includeThoughts', async () => {
    const body = { ...base, generationConfig: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } } };
    const json = (await postJson(sim, GENERATE, body, headers)).body;
    const thoughts = textOf(json, true);
    expect(thoughts.length).toBeGreaterThan(0);
    expect(json.usageMetadata.thoughtsTokenCount).toBe(countTokens(thoughts));
    expect(json.usageMetadata.totalTokenCount).toBe(promptTokens + countTokens(thoughts) + countTokens(textOf(json)));
    const hidden = (await postJson(sim, GENERATE, { ...base, generationConfig: { thinkingConfig: { thinkingBudget: 1024 } } }, headers)).body;
    expect(textOf(hidden, true)).toBe('');
    expect(hidden.usageMetadata.thoughtsTokenCount).toBe(json.usageMetadata.thoughtsTokenCount);
  });

  it('rejects bad input with a 400 in the Gemini error shape', async () => {
    const { status, body } = await postJson(sim, GENERATE, { contents: [] }, headers);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.any(String) });
  });
});

describe('the same conversation in every format', () => {
  it('gives the same text and prompt tokens', async () => {
    const openai = (await postJson(sim, '/v1/chat/completions', { model: 'gemini-2.5-flash', messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Explain routing, please.' }] })).body;
    const anthropic = (await postJson(sim, '/v1/messages', { model: 'gemini-2.5-flash', max_tokens: 4096, system: 'You are terse.', messages: [{ role: 'user', content: 'Explain routing, please.' }] })).body;
    const gemini = (await postJson(sim, GENERATE, base)).body;
    expect(anthropic.content[0].text).toBe(openai.choices[0].message.content);
    expect(textOf(gemini)).toBe(openai.choices[0].message.content);
    expect(anthropic.usage.input_tokens).toBe(openai.usage.prompt_tokens);
    expect(gemini.usageMetadata.promptTokenCount).toBe(openai.usage.prompt_tokens);
  });
});
