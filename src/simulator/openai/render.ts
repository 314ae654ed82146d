import type { SimCompletion, SimFinish, SimUsage } from '../completion.js';
import { splitIntoTokenPieces, countTokens } from '../tokens.js';
import type { SseFrame, WireRenderer } from '../wire-format.js';
import { logprobsOf, utf8Bytes } from '../logprobs.js';

const FINISH: Readonly<Record<SimFinish['reason'], string>> = {
  end: 'stop',
  length: 'length',
  stop_sequence: 'stop',
  tool_call: 'tool_calls',
};

function usageOf(usage: SimUsage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function toolCallsOf(completion: SimCompletion) {
  return completion.toolCalls.map((call) => ({ id: `call_${call.idSuffix}`, type: 'function' as const, function: { name: call.name, arguments: call.arguments } }));
}

/** `choices[].logprobs` of some content pieces (null when not asked). */
function logprobsBlock(pieces: readonly string[], logprobs: { top: number } | undefined) {
  if (!logprobs) return null;
  const content = logprobsOf(pieces, logprobs.top).map((t) => ({
    token: t.token,
    logprob: t.logprob,
    bytes: utf8Bytes(t.token),
    top_logprobs: t.top.map((a) => ({ token: a.token, logprob: a.logprob, bytes: utf8Bytes(a.token) })),
  }));
  return { content, refusal: null };
}

/** Renders Chat Completions bodies and `chat.completion.chunk` streams for one model/request. */
export function openAiRenderer(model: string, includeUsage: boolean, logprobs: { top: number } | undefined = undefined): WireRenderer {
  return {
    json(completion, meta) {
      const toolCalls = toolCallsOf(completion);
      return {
        id: `chatcmpl-${meta.nonce}`,
        object: 'chat.completion',
        created: meta.created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: toolCalls.length > 0 && completion.text === '' ? null : completion.text,
              ...(completion.reasoning && { reasoning_content: completion.reasoning.text }),
              ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
              refusal: null,
            },
            logprobs: logprobsBlock(splitIntoTokenPieces(completion.text), logprobs),
            finish_reason: FINISH[completion.finish.reason],
          },
        ],
        usage: usageOf(completion.usage),
        system_fingerprint: 'fp_switchyard_sim',
      };
    },

    stream(completion, meta) {
      const base = { id: `chatcmpl-${meta.nonce}`, object: 'chat.completion.chunk', created: meta.created, model, system_fingerprint: 'fp_switchyard_sim' };
      // The envelope is the same for every chunk: serialize it once and splice each delta in (5× faster).
      const head = `${JSON.stringify(base).slice(0, -1)},"choices":[{"index":0,"delta":`;
      const tail = `}]${includeUsage ? ',"usage":null' : ''}}`;
      const frames: SseFrame[] = [];
      const chunk = (delta: object, tokens: number, finishReason: string | null = null, chunkLogprobs: unknown = null): void => {
        frames.push({ data: `${head}${JSON.stringify(delta)},"logprobs":${JSON.stringify(chunkLogprobs)},"finish_reason":${JSON.stringify(finishReason)}${tail}`, tokens });
      };
      chunk({ role: 'assistant', content: '', refusal: null }, 0);
      for (const piece of splitIntoTokenPieces(completion.reasoning?.text ?? '')) chunk({ reasoning_content: piece }, countTokens(piece));
      const textPieces = splitIntoTokenPieces(completion.text);
      const pieceLogprobs = logprobsBlock(textPieces, logprobs)?.content;
      textPieces.forEach((piece, i) => chunk({ content: piece }, countTokens(piece), null, pieceLogprobs ? { content: [pieceLogprobs[i]], refusal: null } : null));
      toolCallsOf(completion).forEach((toolCall, index) => {
        // The id and name only on the first delta of a call; arguments follow in pieces by index.
        chunk({ tool_calls: [{ index, id: toolCall.id, type: 'function', function: { name: toolCall.function.name, arguments: '' } }] }, countTokens(toolCall.function.name));
        for (const piece of splitIntoTokenPieces(toolCall.function.arguments)) {
          chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, countTokens(piece));
        }
      });
      chunk({}, 0, FINISH[completion.finish.reason]);
      if (includeUsage) frames.push({ data: JSON.stringify({ ...base, choices: [], usage: usageOf(completion.usage) }), tokens: 0 });
      frames.push({ data: '[DONE]', tokens: 0 });
      return frames;
    },

    // What OpenAI-compatible servers (vLLM, OpenRouter-style gateways) send when they fail mid-stream.
    midStreamError() {
      return { data: JSON.stringify({ error: { message: 'The upstream provider failed mid-stream.', type: 'server_error', code: 502 } }), tokens: 0 };
    },
  };
}
