import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapterFor, type WireFamily } from '../../src/adapters/index.js';
import { collect, fixtureText } from './support.js';

/** The same bytes split at arbitrary points (inside events, inside UTF-8 sequences). */
async function* splitAt(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

const unicodeOpenAi = ['Grüße ', '🚂🚃', ' 日本語', '…'].map((content) => `data: {"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}}}]}\n\n`).join('') +
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

const cases: [WireFamily, string][] = [
  ['openai', fixtureText('openai', 'parallel-tool-calls.sse')],
  ['openai', unicodeOpenAi],
  ['anthropic', fixtureText('anthropic', 'thinking.sse')],
  ['anthropic', fixtureText('anthropic', 'parallel-tool-calls.sse')],
  ['gemini', fixtureText('gemini', 'thinking.sse')],
];

describe('stream parsing does not depend on how the bytes are chunked', () => {
  it.each(cases)('%s', async (family, text) => {
    const bytes = new TextEncoder().encode(text);
    const whole = await collect(adapterFor(family).parseStream(splitAt(bytes, [])));
    expect(whole.at(-1)?.type).toBe('finish');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), async (cuts) => {
        expect(await collect(adapterFor(family).parseStream(splitAt(bytes, cuts)))).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });
});
