import { describe, expect, it } from 'vitest';
import { openAiAdapter } from '../../../src/adapters/openai/index.js';
import { foldStream } from '../../../src/core/llm/fold.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { chunkedBytes, collect, comparable, fixtureText, neverEndingAfter } from '../support.js';

const replay = (file: string) => collect(openAiAdapter.parseStream(chunkedBytes(fixtureText('openai', file))));

describe('OpenAI stream replay', () => {
  it('plain text: deltas, then usage, then finish', async () => {
    expect(await replay('text.sse')).toEqual([
      ...['Hello', '!', ' How', ' can', ' I', ' help', '?'].map((text) => ({ type: 'text-delta', text })),
      { type: 'usage', usage: makeUsage({ uncached: 19, outputTotal: 7 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'stop' },
    ]);
  });

  it('parallel tool calls: deltas keyed by index, the id from the first delta kept for all', async () => {
    expect(await replay('parallel-tool-calls.sse')).toEqual([
      { type: 'tool-call-start', id: 'call_FthC9qRpsL5kBpwwyw6c7j4k', index: 0, name: 'get_weather' },
      { type: 'tool-call-delta', id: 'call_FthC9qRpsL5kBpwwyw6c7j4k', argumentsDelta: '{"lo' },
      { type: 'tool-call-delta', id: 'call_FthC9qRpsL5kBpwwyw6c7j4k', argumentsDelta: 'cation": "Paris"}' },
      { type: 'tool-call-start', id: 'call_RYsbqYv4VmHfFYJcfGe0lQBc', index: 1, name: 'get_time' },
      { type: 'tool-call-delta', id: 'call_RYsbqYv4VmHfFYJcfGe0lQBc', argumentsDelta: '{"tz": ' },
      { type: 'tool-call-delta', id: 'call_RYsbqYv4VmHfFYJcfGe0lQBc', argumentsDelta: '"Europe/Paris"}' },
      { type: 'tool-call-end', id: 'call_FthC9qRpsL5kBpwwyw6c7j4k' },
      { type: 'tool-call-end', id: 'call_RYsbqYv4VmHfFYJcfGe0lQBc' },
      { type: 'usage', usage: makeUsage({ uncached: 82, outputTotal: 48 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'tool_calls' },
    ]);
  });

  it('reasoning_content deltas become reasoning; reasoning tokens are split out of the output', async () => {
    const result = await foldStream(openAiAdapter.parseStream(chunkedBytes(fixtureText('openai', 'reasoning.sse'))));
    expect(result).toMatchObject({
      reasoning: 'The user asks 2+2. That is 4.',
      text: '2 + 2 = 4.',
      usage: { input: { total: 13, uncached: 13 }, output: { total: 40, text: 9, reasoning: 31 } },
      finish: { reason: 'stop', nativeReason: 'stop' },
    });
  });

  it('cached prompt tokens are split out of the input', async () => {
    const result = await foldStream(openAiAdapter.parseStream(chunkedBytes(fixtureText('openai', 'cached-usage.sse'))));
    expect(result.usage).toEqual(makeUsage({ uncached: 86, cacheRead: 1920, outputTotal: 300 }));
  });

  it('max tokens → length, content filter → content_filter', async () => {
    expect((await replay('max-tokens.sse')).at(-1)).toEqual({ type: 'finish', reason: 'length', nativeReason: 'length' });
    expect((await replay('content-filter.sse')).at(-1)).toEqual({ type: 'finish', reason: 'content_filter', nativeReason: 'content_filter' });
  });

  it('an error chunk after the first token ends the stream with a classified error', async () => {
    const parts = await replay('error-mid-stream.sse');
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'Partial' }, { type: 'error', code: 'upstream_unavailable' }]);
    const last = parts.at(-1);
    expect(last?.type === 'error' && last.error.metadata).toMatchObject({ providerStatus: 502 });
  });

  it('synthesizes stable ids for tool calls without one, and treats "stop" after tool calls as tool_calls', async () => {
    expect(await replay('tool-call-without-id.sse')).toEqual([
      { type: 'tool-call-start', id: 'call_0', index: 0, name: 'lookup' },
      { type: 'tool-call-delta', id: 'call_0', argumentsDelta: '{"q":"switchyard"}' },
      { type: 'tool-call-end', id: 'call_0' },
      { type: 'usage', usage: makeUsage({ uncached: 40, outputTotal: 12 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'stop' },
    ]);
  });

  it('a new id on an index already in use starts a new call (servers that put every call at index 0)', async () => {
    const sse = [
      { tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] },
      { tool_calls: [{ index: 0, id: 'b', function: { name: 'g', arguments: '{}' } }] },
    ]
      .map((delta) => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`)
      .join('');
    const parts = await collect(openAiAdapter.parseStream(chunkedBytes(`${sse}data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\ndata: [DONE]\n\n`)));
    expect(parts.filter((p) => p.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', id: 'a', index: 0, name: 'f' },
      { type: 'tool-call-start', id: 'b', index: 1, name: 'g' },
    ]);
  });
});

describe('OpenAI stream bad input', () => {
  it('truncated stream → upstream_bad_response after the text it did get', async () => {
    expect(comparable(await replay('truncated.sse'))).toEqual([
      { type: 'text-delta', text: 'This answer is cut' },
      { type: 'error', code: 'upstream_bad_response' },
    ]);
  });

  it('malformed JSON chunk → upstream_bad_response with a snippet, and nothing after it', async () => {
    const parts = await replay('malformed-chunk.sse');
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'ok' }, { type: 'error', code: 'upstream_bad_response' }]);
    const last = parts.at(-1);
    expect(last?.type === 'error' && last.error.metadata.rawSnippet).toContain('"bro');
  });

  it('a chunk of the wrong shape → upstream_bad_response', async () => {
    const parts = await collect(openAiAdapter.parseStream(chunkedBytes('data: {"choices":"nope"}\n\n')));
    expect(comparable(parts)).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });

  it('an empty body is a truncated stream, not a hang', async () => {
    expect(comparable(await collect(openAiAdapter.parseStream(chunkedBytes(''))))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });

  it('stops reading at [DONE] even if the server keeps the connection open', { timeout: 2000 }, async () => {
    const source = neverEndingAfter(fixtureText('openai', 'text.sse'));
    const parts = await collect(openAiAdapter.parseStream(source));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' });
    expect(source.returned).toBe(true);
  });

  it('a failing source (reset mid-stream) becomes a final error part, never a rejection', async () => {
    async function* resetting(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n');
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    const parts = await collect(openAiAdapter.parseStream(resetting()));
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'hi' }, { type: 'error', code: 'upstream_unavailable' }]);
  });
});
