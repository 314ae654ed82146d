import { describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../../src/adapters/gemini/index.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { comparable, fixtureJson, fixtureText } from '../support.js';

describe('Gemini non-stream response', () => {
  it('text with thoughts and cached tokens in usage', () => {
    expect(geminiAdapter.parseResponse(fixtureJson('gemini', 'text.json'))).toEqual([
      { type: 'text-delta', text: 'Hello! How can I help?' },
      { type: 'usage', usage: makeUsage({ uncached: 4, cacheRead: 4, outputTotal: 32, reasoning: 25 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'STOP' },
    ]);
  });

  it('text then a function call', () => {
    expect(geminiAdapter.parseResponse(fixtureJson('gemini', 'tool-call.json'))).toEqual([
      { type: 'text-delta', text: 'Let me check.' },
      { type: 'tool-call-start', id: 'call_0', index: 0, name: 'get_weather' },
      { type: 'tool-call-delta', id: 'call_0', argumentsDelta: '{"location":"Boston"}' },
      { type: 'tool-call-end', id: 'call_0' },
      { type: 'usage', usage: makeUsage({ uncached: 50, outputTotal: 12 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'STOP' },
    ]);
  });

  it('wrong shape → upstream_bad_response part', () => {
    expect(comparable(geminiAdapter.parseResponse({ candidates: {} }))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });
});

describe('Gemini error classification', () => {
  it('429 RESOURCE_EXHAUSTED with RetryInfo → rate_limited with retryAfterMs', () => {
    expect(geminiAdapter.classifyError(429, {}, fixtureText('gemini', 'error-429.json'))).toMatchObject({
      code: 'rate_limited',
      metadata: { providerStatus: 429, providerCode: 'RESOURCE_EXHAUSTED', retryAfterMs: 36_000 },
    });
  });

  it('input token count too large → context_length_exceeded', () => {
    expect(geminiAdapter.classifyError(400, {}, fixtureText('gemini', 'error-400-context.json')).code).toBe('context_length_exceeded');
  });
});

describe('Gemini finishes', () => {
  it('RECITATION with no content → content_filter, nothing generated', () => {
    expect(geminiAdapter.parseResponse(fixtureJson('gemini', 'recitation.json'))).toEqual([
      { type: 'usage', usage: makeUsage({ uncached: 9, outputTotal: 0 }) },
      { type: 'finish', reason: 'content_filter', nativeReason: 'RECITATION' },
    ]);
  });

  it.each([
    ['SAFETY', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['IMAGE_SAFETY', 'content_filter'],
    ['MAX_TOKENS', 'length'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['TOO_MANY_TOOL_CALLS', 'error'],
    ['OTHER', 'stop'],
    ['SOMETHING_NEW', 'stop'],
  ])('%s → %s', (native, reason) => {
    const parts = geminiAdapter.parseResponse({ candidates: [{ content: { role: 'model', parts: [{ text: 'x' }] }, finishReason: native }] });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason, nativeReason: native });
  });

  it('a thought signature on a function call part becomes a reasoning detail tied to that call', () => {
    const parts = geminiAdapter.parseResponse(fixtureJson('gemini', 'thinking-tool-call.json'));
    expect(parts).toContainEqual({ type: 'reasoning-detail', detail: { type: 'reasoning.encrypted', data: '<Signature A>', id: 'call_0', format: 'google-gemini-v1', index: 0 } });
  });
});
