import { describe, expect, it } from 'vitest';
import { adapterFor, type WireFamily } from '../../src/adapters/index.js';
import { foldParts, foldStream, type GenerationResult } from '../../src/core/llm/fold.js';
import type { ChatRequest, Message } from '../../src/core/llm/request.js';
import { chunkedBytes, fixtureJson, fixtureText, productionTarget } from './support.js';

/**
 * A tool loop with reasoning, over recorded provider answers: turn 1's answer is parsed (stream and
 * not), the client sends its reasoning_details back with the assistant turn, and turn 2's wire
 * request must carry the provider's signatures exactly where the provider wants them.
 */
const CASES: { family: WireFamily; slug: string; baseUrl: string; fixture: string; tool: string; signatureOnWire(body: any): unknown }[] = [
  {
    family: 'anthropic',
    slug: 'anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    fixture: 'thinking-tool-use',
    tool: 'checkSandboxErrors',
    signatureOnWire: (body) => body.messages[1].content[0],
  },
  {
    family: 'gemini',
    slug: 'google',
    baseUrl: 'https://generativelanguage.googleapis.com',
    fixture: 'thinking-tool-call',
    tool: 'check_flight',
    signatureOnWire: (body) => body.contents[1].parts.find((p: any) => p.functionCall),
  },
];

const EXPECTED: Record<string, unknown> = {
  anthropic: { type: 'thinking', thinking: 'The user wants me to call checkSandboxErrors immediately.', signature: 'Eq4CCpIBCBIYAipA' },
  gemini: { functionCall: { name: 'check_flight', args: { flight: 'AA100' } }, thoughtSignature: '<Signature A>' },
};

async function turnOne(family: WireFamily, fixture: string, stream: boolean): Promise<GenerationResult> {
  const adapter = adapterFor(family);
  if (!stream) return foldParts(adapter.parseResponse(fixtureJson(family, `${fixture}.json`)));
  return foldStream(adapter.parseStream(chunkedBytes(fixtureText(family, family === 'anthropic' ? 'thinking-tool-use.sse' : `${fixture}.sse`))));
}

describe.each(CASES)('reasoning replay: $family', ({ family, slug, baseUrl, fixture, tool, signatureOnWire }) => {
  it.each([false, true])('stream=%s: the signed reasoning of turn 1 goes back on the wire in turn 2', async (stream) => {
    const first = await turnOne(family, fixture, stream);
    expect(first.error).toBeNull();
    expect(first.toolCalls.map((c) => c.name)).toEqual([tool]);
    expect(first.reasoningDetails.length).toBeGreaterThan(0);

    const call = first.toolCalls[0]!;
    const assistant: Message = { role: 'assistant', content: first.text || null, toolCalls: first.toolCalls, reasoningDetails: first.reasoningDetails };
    const request: ChatRequest = {
      messages: [{ role: 'user', content: 'Go.' }, assistant, { role: 'tool', toolCallId: call.id, content: 'ok' }],
      maxTokens: 4000,
      reasoning: { effort: 'medium' },
      tools: [{ type: 'function', name: tool, parameters: { type: 'object', properties: {} } }],
    };
    const body = JSON.parse(adapterFor(family).buildRequest(request, productionTarget(family, slug, 'm', { baseUrl }), { stream: true }).body);
    expect(signatureOnWire(body)).toEqual(EXPECTED[family]);
  });
});
