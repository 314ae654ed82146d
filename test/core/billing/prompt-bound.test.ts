import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { promptTokenBound } from '../../../src/core/billing/prompt-bound.js';
import { countPromptTokens } from '../../../src/simulator/tokens.js';
import type { ChatRequest } from '../../../src/core/llm/request.js';

const tokenizers = { o200k: new Tiktoken(o200k), cl100k: new Tiktoken(cl100k) };

/** What an OpenAI-style server tokenizes for a chat: every message in ChatML framing, tools as their JSON. */
function chatMl(chat: ChatRequest): string {
  const text = chat.messages.map((m) => `<|im_start|>${m.role}\n${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}<|im_end|>\n`).join('');
  return text + (chat.tools?.length ? JSON.stringify(chat.tools) : '') + '<|im_start|>assistant\n';
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  // Low-entropy text that tokenizers split finely (one token per character and worse).
  fc.tuple(fc.constantFrom('a.', '?!', '\u0301', '🀄', ' \n', '0'), fc.nat(200)).map(([unit, n]) => unit.repeat(n)),
);

const chat: fc.Arbitrary<ChatRequest> = fc.record({
  messages: fc.array(fc.record({ role: fc.constantFrom('system' as const, 'user' as const), content: text }), { minLength: 1, maxLength: 5 }),
  tools: fc.option(fc.array(fc.record({ type: fc.constant('function' as const), name: fc.stringMatching(/^[a-z_]{1,20}$/), description: text }), { maxLength: 3 }), { nil: undefined }),
});

describe('promptTokenBound', () => {
  it('is never below what o200k, cl100k or the simulator count for the same chat, whatever the text', () => {
    fc.assert(
      fc.property(chat, (c) => {
        const bound = promptTokenBound(c);
        const rendered = chatMl(c);
        for (const [name, tokenizer] of Object.entries(tokenizers)) {
          const counted = tokenizer.encode(rendered, 'all').length;
          if (counted > bound) throw new Error(`${name} counted ${counted} > bound ${bound}`);
        }
        const simulated = countPromptTokens(
          c.messages.map((m) => ({ text: String(m.content), attachments: 0 })),
          (c.tools ?? []).map((t) => ({ name: t.name, description: t.description ?? '' })),
        );
        expect(simulated).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 300 },
    );
  });

  it('counts images and files by their cost, not by the bytes of their base64 data', () => {
    const image: ChatRequest = { messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'data', mediaType: 'image/png', data: 'A'.repeat(4_000_000) } }] }] };
    expect(promptTokenBound(image)).toBeLessThan(4_000);
    const pdf: ChatRequest = { messages: [{ role: 'user', content: [{ type: 'file', mediaType: 'application/pdf', source: { kind: 'data', data: 'A'.repeat(4_000) } }] }] };
    expect(promptTokenBound(pdf)).toBeGreaterThanOrEqual(10_000 + 3_000);
  });
});
