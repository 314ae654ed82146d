import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/adapters/anthropic/index.js';
import { foldStream } from '../../../src/core/llm/fold.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { chunkedBytes, collect, comparable, fixtureText, neverEndingAfter } from '../support.js';

const replay = (file: string) => collect(anthropicAdapter.parseStream(chunkedBytes(fixtureText('anthropic', file))));
const fold = (file: string) => foldStream(anthropicAdapter.parseStream(chunkedBytes(fixtureText('anthropic', file))));

describe('Anthropic stream replay', () => {
  it('plain text, with ping ignored', async () => {
    expect(await replay('text.sse')).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: '! I' },
      { type: 'text-delta', text: "'m doing well, thank you for asking" },
      { type: 'usage', usage: makeUsage({ uncached: 12, outputTotal: 30 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'end_turn' },
    ]);
  });

  it('parallel tool_use blocks keep their ids, after the text block', async () => {
    expect(await replay('parallel-tool-calls.sse')).toEqual([
      { type: 'text-delta', text: "I'll check both." },
      { type: 'tool-call-start', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', index: 0, name: 'get_weather' },
      { type: 'tool-call-delta', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', argumentsDelta: '{"location":' },
      { type: 'tool-call-delta', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', argumentsDelta: ' "San Francisco, CA"}' },
      { type: 'tool-call-end', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6' },
      { type: 'tool-call-start', id: 'toolu_01A09q90qw90lq917835lq9', index: 1, name: 'get_time' },
      { type: 'tool-call-delta', id: 'toolu_01A09q90qw90lq917835lq9', argumentsDelta: '{"timezone": "America/Los_Angeles"}' },
      { type: 'tool-call-end', id: 'toolu_01A09q90qw90lq917835lq9' },
      { type: 'usage', usage: makeUsage({ uncached: 472, outputTotal: 89 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'tool_use' },
    ]);
  });

  it('thinking blocks become reasoning; the signature is not text but the reasoning detail of the finished block', async () => {
    const thinking = 'Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3';
    expect(await fold('thinking.sse')).toMatchObject({
      reasoning: thinking,
      reasoningDetails: [{ type: 'reasoning.text', text: thinking, signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...', format: 'anthropic-claude-v1', index: 0 }],
      text: '27 * 453 = 12,231',
      usage: makeUsage({ uncached: 36, outputTotal: 128, reasoning: 110 }),
      finish: { reason: 'stop', nativeReason: 'end_turn' },
    });
  });

  it('input total = uncached + cache read + cache creation', async () => {
    expect((await fold('cache-usage.sse')).usage).toEqual({
      input: { total: 4524, uncached: 24, cacheRead: 3000, cacheWrite: 1500 },
      output: { total: 9, text: 9, reasoning: 0 },
    });
  });

  it('max_tokens → length, refusal → content_filter', async () => {
    expect((await replay('max-tokens.sse')).at(-1)).toEqual({ type: 'finish', reason: 'length', nativeReason: 'max_tokens' });
    expect((await replay('refusal.sse')).at(-1)).toEqual({ type: 'finish', reason: 'content_filter', nativeReason: 'refusal' });
  });

  it('a tool without parameters still gets "{}" arguments', async () => {
    expect((await fold('tool-no-args.sse')).toolCalls).toEqual([{ id: 'toolu_01NoArgs', name: 'checkSandboxErrors', arguments: '{}' }]);
  });

  it('overloaded_error event mid-stream → upstream_unavailable after the partial text', async () => {
    const parts = await replay('overloaded-mid-stream.sse');
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'Partial' }, { type: 'error', code: 'upstream_unavailable' }]);
    expect(parts.at(-1)).toMatchObject({ error: { metadata: { providerCode: 'overloaded_error' } } });
  });

  it('unknown events, server tools and citations are skipped; redacted thinking is kept opaque', async () => {
    expect(comparable(await replay('unknown-events.sse'))).toEqual([
      { type: 'reasoning-detail', detail: { type: 'reasoning.encrypted', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a', format: 'anthropic-claude-v1', index: 0 } },
      { type: 'text-delta', text: 'Done.' },
      { type: 'usage', usage: makeUsage({ uncached: 12, outputTotal: 20 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'end_turn' },
    ]);
  });
});

describe('Anthropic stream bad input', () => {
  it('truncated stream → upstream_bad_response', async () => {
    expect(comparable(await replay('truncated.sse'))).toEqual([{ type: 'text-delta', text: 'Cut' }, { type: 'error', code: 'upstream_bad_response' }]);
  });

  it('known event with the wrong shape → upstream_bad_response', async () => {
    const sse = 'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"x"}}\n\n';
    expect(comparable(await collect(anthropicAdapter.parseStream(chunkedBytes(sse))))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });

  it('non-JSON data → upstream_bad_response', async () => {
    expect(comparable(await collect(anthropicAdapter.parseStream(chunkedBytes('event: ping\ndata: <html>\n\n'))))).toEqual([
      { type: 'error', code: 'upstream_bad_response' },
    ]);
  });

  it('stops at message_stop without waiting for the connection to close', { timeout: 2000 }, async () => {
    const source = neverEndingAfter(fixtureText('anthropic', 'text.sse'));
    expect((await collect(anthropicAdapter.parseStream(source))).at(-1)).toMatchObject({ type: 'finish' });
    expect(source.returned).toBe(true);
  });
});
