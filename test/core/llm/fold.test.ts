import { describe, expect, it } from 'vitest';
import { SwitchyardError } from '../../../src/core/errors.js';
import { foldParts, foldStream } from '../../../src/core/llm/fold.js';
import type { StreamPart } from '../../../src/core/llm/stream-part.js';
import { makeUsage } from '../../../src/core/llm/usage.js';

async function* from(parts: StreamPart[]): AsyncGenerator<StreamPart> {
  yield* parts;
}

describe('foldStream', () => {
  it('joins text, reasoning and interleaved tool-call arguments in call order', async () => {
    const usage = makeUsage({ uncached: 10, cacheRead: 5, outputTotal: 20, reasoning: 8 });
    const result = await foldStream(
      from([
        { type: 'reasoning-delta', text: 'think ' },
        { type: 'reasoning-delta', text: 'hard' },
        { type: 'text-delta', text: 'Hel' },
        { type: 'text-delta', text: 'lo' },
        { type: 'reasoning-detail', detail: { type: 'reasoning.text', text: 'think hard', signature: 'sig', format: 'anthropic-claude-v1', index: 0 } },
        { type: 'tool-call-start', id: 'b', index: 1, name: 'second' },
        { type: 'tool-call-start', id: 'a', index: 0, name: 'first' },
        { type: 'tool-call-delta', id: 'a', argumentsDelta: '{"x":' },
        { type: 'tool-call-delta', id: 'b', argumentsDelta: '{"y":2}' },
        { type: 'tool-call-delta', id: 'a', argumentsDelta: '1}' },
        { type: 'tool-call-end', id: 'a' },
        { type: 'tool-call-end', id: 'b' },
        { type: 'usage', usage },
        { type: 'finish', reason: 'tool_calls', nativeReason: 'tool_calls' },
      ]),
    );
    expect(result).toEqual({
      text: 'Hello',
      reasoning: 'think hard',
      reasoningDetails: [{ type: 'reasoning.text', text: 'think hard', signature: 'sig', format: 'anthropic-claude-v1', index: 0 }],
      toolCalls: [
        { id: 'a', name: 'first', arguments: '{"x":1}' },
        { id: 'b', name: 'second', arguments: '{"y":2}' },
      ],
      usage,
      finish: { reason: 'tool_calls', nativeReason: 'tool_calls' },
      error: null,
    });
  });

  it('gives "{}" for a tool call that streamed no arguments', () => {
    const result = foldParts([
      { type: 'tool-call-start', id: 'call_0', index: 0, name: 'ping' },
      { type: 'tool-call-end', id: 'call_0' },
      { type: 'finish', reason: 'tool_calls', nativeReason: null },
    ]);
    expect(result.toolCalls).toEqual([{ id: 'call_0', name: 'ping', arguments: '{}' }]);
  });

  it('keeps the partial output and the error when the stream failed, with no finish', () => {
    const error = new SwitchyardError('upstream_unavailable', 'gone');
    const result = foldParts([
      { type: 'text-delta', text: 'part' },
      { type: 'error', error },
    ]);
    expect(result).toMatchObject({ text: 'part', finish: null, error });
  });
});

describe('makeUsage', () => {
  it('derives totals so the parts always add up', () => {
    expect(makeUsage({ uncached: 100, cacheRead: 50, cacheWrite: 25, outputTotal: 40, reasoning: 30 })).toEqual({
      input: { total: 175, uncached: 100, cacheRead: 50, cacheWrite: 25 },
      output: { total: 40, text: 10, reasoning: 30 },
    });
  });

  it('clamps nonsense (negative, fractional, reasoning above total) instead of producing negative text tokens', () => {
    expect(makeUsage({ uncached: -3, cacheRead: 2.7, outputTotal: 5, reasoning: 9 })).toEqual({
      input: { total: 2, uncached: 0, cacheRead: 2, cacheWrite: 0 },
      output: { total: 5, text: 0, reasoning: 5 },
    });
  });
});
