import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/adapters/anthropic/index.js';
import { makeUsage } from '../../../src/core/llm/usage.js';
import { comparable, fixtureJson, fixtureText } from '../support.js';

describe('Anthropic non-stream response', () => {
  it('text with cache usage', () => {
    expect(anthropicAdapter.parseResponse(fixtureJson('anthropic', 'text.json'))).toEqual([
      { type: 'text-delta', text: 'Hello! How can I help?' },
      { type: 'usage', usage: makeUsage({ uncached: 12, cacheWrite: 100, cacheRead: 200, outputTotal: 8 }) },
      { type: 'finish', reason: 'stop', nativeReason: 'end_turn' },
    ]);
  });

  it('thinking then a tool call', () => {
    expect(anthropicAdapter.parseResponse(fixtureJson('anthropic', 'thinking-tool-use.json'))).toEqual([
      { type: 'reasoning-delta', text: 'The user wants me to call checkSandboxErrors immediately.' },
      {
        type: 'reasoning-detail',
        detail: { type: 'reasoning.text', text: 'The user wants me to call checkSandboxErrors immediately.', signature: 'Eq4CCpIBCBIYAipA', format: 'anthropic-claude-v1', index: 0 },
      },
      { type: 'tool-call-start', id: 'toolu_017R7ACrx7NF7sLDDtvdQ1u9', index: 0, name: 'checkSandboxErrors' },
      { type: 'tool-call-delta', id: 'toolu_017R7ACrx7NF7sLDDtvdQ1u9', argumentsDelta: '{}' },
      { type: 'tool-call-end', id: 'toolu_017R7ACrx7NF7sLDDtvdQ1u9' },
      { type: 'usage', usage: makeUsage({ uncached: 599, outputTotal: 59, reasoning: 18 }) },
      { type: 'finish', reason: 'tool_calls', nativeReason: 'tool_use' },
    ]);
  });

  it('wrong shape → upstream_bad_response part', () => {
    expect(comparable(anthropicAdapter.parseResponse({ content: 'x' }))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
  });
});

describe('Anthropic error classification', () => {
  it('529 overloaded → upstream_unavailable, counts against health', () => {
    const error = anthropicAdapter.classifyError(529, {}, fixtureText('anthropic', 'error-529.json'));
    expect(error).toMatchObject({ code: 'upstream_unavailable', retryable: true, countsAgainstHealth: true, metadata: { providerStatus: 529, providerCode: 'overloaded_error' } });
  });

  it('prompt too long → context_length_exceeded', () => {
    expect(anthropicAdapter.classifyError(400, {}, fixtureText('anthropic', 'error-400-context.json')).code).toBe('context_length_exceeded');
  });

  it('429 with retry-after', () => {
    const error = anthropicAdapter.classifyError(429, { 'retry-after': '12' }, '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}');
    expect(error).toMatchObject({ code: 'rate_limited', message: 'slow down', metadata: { retryAfterMs: 12000 } });
  });
});
