import { describe, expect, it } from 'vitest';
import { openAiAdapter } from '../../../src/adapters/openai/index.js';
import { foldParts } from '../../../src/core/llm/fold.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { comparable, fixtureJson, fixtureText } from '../support.js';

describe('OpenAI non-stream response', () => {
  it('text', () => {
    expect(openAiAdapter.parseResponse(fixtureJson('openai', 'text.json'))).toEqual([
      { type: 'text-delta', text: 'Hello! How can I assist you today?' },
      { type: 'usage', usage: makeUsage({ uncached: 19, outputTotal: 10 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'stop' },
    ]);
  });

  it('parallel tool calls with cached usage', () => {
    const result = foldParts(openAiAdapter.parseResponse(fixtureJson('openai', 'parallel-tool-calls.json')));
    expect(result).toMatchObject({
      toolCalls: [
        { id: 'call_abc123', name: 'get_weather', arguments: '{\n"location": "Boston, MA"\n}' },
        { id: 'call_def456', name: 'get_time', arguments: '{"tz":"America/New_York"}' },
      ],
      usage: makeUsage({ uncached: 18, cacheRead: 64, outputTotal: 17 }),
      finish: { reason: 'tool_calls', nativeReason: 'tool_calls' },
    });
  });

  it('a body of the wrong shape → upstream_bad_response part, no throw', () => {
    expect(comparable(openAiAdapter.parseResponse({ object: 'list', data: [] }))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
    expect(comparable(openAiAdapter.parseResponse('<html>'))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });
});

describe('OpenAI error classification', () => {
  it('context length 400 → context_length_exceeded', () => {
    const error = openAiAdapter.classifyError(400, {}, fixtureText('openai', 'error-400-context.json'));
    expect(error).toMatchObject({ code: 'context_length_exceeded', metadata: { providerStatus: 400, providerCode: 'context_length_exceeded' } });
  });

  it('429 → rate_limited with retry-after', () => {
    const error = openAiAdapter.classifyError(429, { 'retry-after': '3' }, fixtureText('openai', 'error-429.json'));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, countsAgainstHealth: false, metadata: { retryAfterMs: 3000 } });
  });

  it('5xx with an HTML body → upstream_unavailable with the snippet', () => {
    const error = openAiAdapter.classifyError(503, new Headers(), '<html><body>Service Unavailable</body></html>');
    expect(error).toMatchObject({ code: 'upstream_unavailable', countsAgainstHealth: true, metadata: { providerStatus: 503 } });
    expect(error.metadata.rawSnippet).toContain('Service Unavailable');
  });

  it('other 4xx: plain invalid request → bad_request; our own key rejected → upstream_unavailable', () => {
    expect(openAiAdapter.classifyError(400, {}, '{"error":{"message":"Invalid value for temperature"}}').code).toBe('bad_request');
    expect(openAiAdapter.classifyError(401, {}, '{"error":"invalid api key"}').code).toBe('upstream_unavailable');
  });
});
