import { describe, expect, it } from 'vitest';
import { countPromptTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, TOOL_OVERHEAD_TOKENS } from '../../src/simulator/index.js';
import { cacheablePrefix, simulateCompletion } from '../../src/simulator/completion.js';
import { splitIntoTokenPieces } from '../../src/simulator/tokens.js';
import type { SimRequest } from '../../src/simulator/sim-request.js';

const request = (overrides: Partial<SimRequest> = {}): SimRequest => ({
  model: 'any/model',
  messages: [{ role: 'user', text: 'Tell me about routers.', attachments: 0 }],
  tools: [],
  toolChoice: { type: 'auto' },
  parallelToolCalls: true,
  output: { kind: 'text' },
  logprobs: undefined,
  maxTokens: undefined,
  stop: [],
  reasoning: undefined,
  cache: { kind: 'automatic' },
  ...overrides,
});
const noOverrides = { seed: undefined, completionTokens: undefined };

describe('countTokens', () => {
  it('counts word runs and punctuation runs, never whitespace', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('   \n')).toBe(0);
    expect(countTokens('Hello, world!')).toBe(4);
    expect(countTokens('{"city":"Paris"}')).toBe(5); // {"  city  ":"  Paris  "}
    expect(countTokens('état 42 x_y')).toBe(3);
  });

  it('splits text into one-token pieces that join back to it', () => {
    const text = 'One two, three.  Four ';
    const pieces = splitIntoTokenPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.reduce((n, p) => n + countTokens(p), 0)).toBe(countTokens(text));
  });

  it('prompt tokens add a fixed overhead per message and per tool', () => {
    const messages = [{ text: 'a b c', attachments: 0 }, { text: 'd', attachments: 0 }];
    const tools = [{ name: 'get_weather', description: 'Weather now.' }];
    expect(countPromptTokens(messages, tools)).toBe(2 * MESSAGE_OVERHEAD_TOKENS + 4 + TOOL_OVERHEAD_TOKENS + 1 + 3);
  });
});

describe('simulateCompletion', () => {
  it('is deterministic per request, and the seed or prompt changes the text', () => {
    const first = simulateCompletion(request(), noOverrides);
    expect(simulateCompletion(request(), noOverrides)).toEqual(first);
    expect(simulateCompletion(request(), { ...noOverrides, seed: '7' }).text).not.toBe(first.text);
    expect(simulateCompletion(request({ model: 'other' }), noOverrides).text).not.toBe(first.text);
    expect(first.usage.completionTokens).toBe(countTokens(first.text));
  });

  it('caches long prefixes in 128-token blocks', () => {
    const long = 'word '.repeat(1500);
    const prefix = cacheablePrefix(request({ messages: [{ role: 'system', text: long, attachments: 0 }, { role: 'user', text: 'hi', attachments: 0 }] }));
    expect(prefix?.tokens).toBe(Math.floor((1500 + MESSAGE_OVERHEAD_TOKENS) / 128) * 128);
    expect(cacheablePrefix(request())).toBeUndefined();
  });

  it('reports what the cache did: reads and writes are parts of the prompt', () => {
    const completion = simulateCompletion(request(), noOverrides, { read: 4, write: 3 });
    expect(completion.usage).toMatchObject({ cachedTokens: 4, cacheWriteTokens: 3 });
  });

  it('answers in text after a tool result, and calls the tool otherwise', () => {
    const tools = [{ name: 'lookup', description: '', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }];
    expect(simulateCompletion(request({ tools }), noOverrides).toolCalls.map((c) => c.name)).toEqual(['lookup']);
    const afterResult = request({ tools, messages: [...request().messages, { role: 'tool', text: '{"ok":true}', attachments: 0 }] });
    expect(simulateCompletion(afterResult, noOverrides).toolCalls).toEqual([]);
  });
});
