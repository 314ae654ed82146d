import type { SimCompletion, SimFinish, SimUsage } from '../completion.js';
import { countTokens, splitIntoTokenPieces } from '../tokens.js';
import type { SseFrame, WireRenderer } from '../wire-format.js';
import { logprobsOf } from '../logprobs.js';

const FINISH_REASON: Readonly<Record<SimFinish['reason'], string>> = {
  end: 'STOP',
  length: 'MAX_TOKENS',
  stop_sequence: 'STOP',
  tool_call: 'STOP',
};

type Part = { text: string; thought?: true } | { functionCall: { name: string; args: unknown }; thoughtSignature?: string };

// Like the real API (proto3 JSON), zero counts are left out.
function usageMetadataOf(usage: SimUsage) {
  const candidates = usage.completionTokens - usage.reasoningTokens;
  return {
    promptTokenCount: usage.promptTokens,
    candidatesTokenCount: candidates,
    totalTokenCount: usage.promptTokens + usage.completionTokens,
    ...(usage.reasoningTokens > 0 && { thoughtsTokenCount: usage.reasoningTokens }),
    ...(usage.cachedTokens > 0 && { cachedContentTokenCount: usage.cachedTokens }),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: usage.promptTokens }],
  };
}

/** Output parts, each with the tokens it carries; thoughts only when includeThoughts. */
function partsOf(completion: SimCompletion, includeThoughts: boolean, split: (text: string) => string[]): Array<{ part: Part; tokens: number }> {
  const parts: Array<{ part: Part; tokens: number }> = [];
  if (includeThoughts && completion.reasoning) {
    for (const text of split(completion.reasoning.text)) parts.push({ part: { text, thought: true }, tokens: countTokens(text) });
  }
  for (const text of split(completion.text)) parts.push({ part: { text }, tokens: countTokens(text) });
  completion.toolCalls.forEach((call, i) => {
    // Gemini signs a turn's function calls on the first call part.
    const signature = i === 0 && completion.toolCallSignature ? { thoughtSignature: completion.toolCallSignature } : {};
    parts.push({ part: { functionCall: { name: call.name, args: JSON.parse(call.arguments) }, ...signature }, tokens: countTokens(call.name) + countTokens(call.arguments) });
  });
  return parts;
}

const whole = (text: string): string[] => (text === '' ? [] : [text]);

/** Renders GenerateContentResponse bodies, whole or as a stream of them, for one model/request. */
export function geminiRenderer(model: string, includeThoughts: boolean, logprobs: { top: number } | undefined = undefined): WireRenderer {
  const response = (parts: Part[], meta: { nonce: string }, final: SimCompletion | undefined) => ({
    candidates: [
      {
        content: { role: 'model', ...(parts.length > 0 && { parts }) },
        ...(final && { finishReason: FINISH_REASON[final.finish.reason] }),
        ...(logprobs && logprobsResult(parts, logprobs.top)),
        index: 0,
      },
    ],
    ...(final && { usageMetadata: usageMetadataOf(final.usage) }),
    modelVersion: model,
    responseId: meta.nonce,
  });

  return {
    json(completion, meta) {
      return response(partsOf(completion, includeThoughts, whole).map((p) => p.part), meta, completion);
    },

    stream(completion, meta) {
      // One token per chunk; the last chunk also carries finishReason and usageMetadata.
      const parts = partsOf(completion, includeThoughts, splitIntoTokenPieces);
      // Hidden thinking still takes time: the first chunk waits for those tokens too.
      const hiddenThoughts = includeThoughts ? 0 : completion.usage.reasoningTokens;
      if (parts.length === 0) return [{ data: JSON.stringify(response([], meta, completion)), tokens: hiddenThoughts }];
      parts[0]!.tokens += hiddenThoughts;
      return parts.map(({ part, tokens }, i): SseFrame => ({
        data: JSON.stringify(response([part], meta, i === parts.length - 1 ? completion : undefined)),
        tokens,
      }));
    },

    midStreamError() {
      return { data: JSON.stringify({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }), tokens: 0 };
    },
  };
}

/** `logprobsResult` + `avgLogprobs` of the answer's text parts (thoughts excluded), as with responseLogprobs. */
function logprobsResult(parts: readonly Part[], top: number) {
  const pieces = parts.flatMap((part) => ('text' in part && !part.thought ? splitIntoTokenPieces(part.text) : []));
  const tokens = logprobsOf(pieces, top);
  const average = tokens.length > 0 ? tokens.reduce((sum, t) => sum + t.logprob, 0) / tokens.length : 0;
  return {
    avgLogprobs: average,
    logprobsResult: {
      chosenCandidates: tokens.map((t) => ({ token: t.token, logProbability: t.logprob })),
      ...(top > 0 && { topCandidates: tokens.map((t) => ({ candidates: t.top.map((a) => ({ token: a.token, logProbability: a.logprob })) })) }),
    },
  };
}
