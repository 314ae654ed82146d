import { describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../../src/adapters/gemini/index.js';
import { foldStream } from '../../../src/core/llm/fold.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { chunkedBytes, collect, comparable, fixtureText, neverEndingAfter } from '../support.js';

const replay = (file: string) => collect(geminiAdapter.parseStream(chunkedBytes(fixtureText('gemini', file))));
const fold = (file: string) => foldStream(geminiAdapter.parseStream(chunkedBytes(fixtureText('gemini', file))));

describe('Gemini stream replay', () => {
  it('plain text, usage from the last chunk', async () => {
    expect(await replay('text.sse')).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: ' there! How can I' },
      { type: 'text-delta', text: ' help?' },
      { type: 'usage', usage: makeUsage({ uncached: 8, outputTotal: 8 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'STOP' },
    ]);
  });

  it('parallel function calls get synthesized, stable ids; STOP after calls → tool_calls', async () => {
    expect(await replay('parallel-tool-calls.sse')).toEqual([
      { type: 'tool-call-start', id: 'call_0', index: 0, name: 'get_weather' },
      { type: 'tool-call-delta', id: 'call_0', argumentsDelta: '{"location":"Paris"}' },
      { type: 'tool-call-end', id: 'call_0' },
      { type: 'tool-call-start', id: 'call_1', index: 1, name: 'get_time' },
      { type: 'tool-call-delta', id: 'call_1', argumentsDelta: '{"tz":"Europe/Paris"}' },
      { type: 'tool-call-end', id: 'call_1' },
      { type: 'usage', usage: makeUsage({ uncached: 60, outputTotal: 20 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'STOP' },
    ]);
  });

  it('thought parts are reasoning; output total = candidates + thoughts', async () => {
    expect(await fold('thinking.sse')).toMatchObject({
      reasoning: '**Counting letters**\n\nI need to count the r\'s.',
      text: 'There are **3** "r"s in strawberry.',
      usage: { input: { total: 9 }, output: { total: 285, text: 29, reasoning: 256 } },
    });
  });

  it('cachedContentTokenCount is part of promptTokenCount', async () => {
    expect((await fold('cached-usage.sse')).usage?.input).toEqual({ total: 5000, uncached: 904, cacheRead: 4096, cacheWrite: 0 });
  });

  it('MAX_TOKENS → length, SAFETY → content_filter, blocked prompt → content_filter', async () => {
    expect((await replay('max-tokens.sse')).at(-1)).toEqual({ type: 'finish', reason: 'length', nativeReason: 'MAX_TOKENS' });
    expect((await replay('safety.sse')).at(-1)).toEqual({ type: 'finish', reason: 'content_filter', nativeReason: 'SAFETY' });
    expect(await replay('prompt-blocked.sse')).toEqual([
      { type: 'usage', usage: makeUsage({ uncached: 14, outputTotal: 0 }) },
      { type: 'finish', reason: 'content_filter', nativeReason: 'PROHIBITED_CONTENT' },
    ]);
  });

  it('usage in a chunk after the finishReason is still reported (stream ends at EOF)', async () => {
    expect((await fold('usage-after-finish.sse')).usage).toEqual(makeUsage({ uncached: 8, outputTotal: 1 }));
  });

  it('error object mid-stream → classified by its code', async () => {
    const parts = await replay('error-mid-stream.sse');
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'Partial' }, { type: 'error', code: 'upstream_unavailable' }]);
    expect(parts.at(-1)).toMatchObject({ error: { metadata: { providerStatus: 503, providerCode: 'UNAVAILABLE' } } });
  });
});

describe('Gemini stream bad input', () => {
  it('truncated stream → upstream_bad_response', async () => {
    expect(comparable(await replay('truncated.sse'))).toEqual([{ type: 'text-delta', text: 'Cut' }, { type: 'error', code: 'upstream_bad_response' }]);
  });

  it('a JSON array body (streamGenerateContent without alt=sse) is not SSE → truncated, not a hang', async () => {
    expect(comparable(await collect(geminiAdapter.parseStream(chunkedBytes('[{"candidates":[]}]'))))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });

  it('stops at the chunk carrying finishReason + usage', { timeout: 2000 }, async () => {
    const source = neverEndingAfter(fixtureText('gemini', 'text.sse'));
    expect((await collect(geminiAdapter.parseStream(source))).at(-1)).toMatchObject({ type: 'finish' });
    expect(source.returned).toBe(true);
  });
});
