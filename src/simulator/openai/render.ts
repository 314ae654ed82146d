import type { SimCompletion, SimFinish, SimUsage } from '../completion.js';
import { splitIntoTokenPieces, countTokens } from '../tokens.js';
import type { SseFrame, WireRenderer } from '../wire-format.js';

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

function toolCallOf(completion: SimCompletion) {
  const call = completion.toolCall;
  return call && { id: `call_${call.idSuffix}`, type: 'function' as const, function: { name: call.name, arguments: call.arguments } };
}

/** Renders Chat Completions bodies and `chat.completion.chunk` streams for one model/request. */
export function openAiRenderer(model: string, includeUsage: boolean): WireRenderer {
  return {
    json(completion, meta) {
      const toolCall = toolCallOf(completion);
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
              content: toolCall && completion.text === '' ? null : completion.text,
              ...(completion.reasoning && { reasoning_content: completion.reasoning.text }),
              ...(toolCall && { tool_calls: [toolCall] }),
              refusal: null,
            },
            logprobs: null,
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
      const chunk = (delta: object, tokens: number, finishReason: string | null = null): void => {
        frames.push({ data: `${head}${JSON.stringify(delta)},"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}${tail}`, tokens });
      };
      chunk({ role: 'assistant', content: '', refusal: null }, 0);
      for (const piece of splitIntoTokenPieces(completion.reasoning?.text ?? '')) chunk({ reasoning_content: piece }, countTokens(piece));
      for (const piece of splitIntoTokenPieces(completion.text)) chunk({ content: piece }, countTokens(piece));
      const toolCall = toolCallOf(completion);
      if (toolCall) {
        // The id and name only on the first delta of a call; arguments follow in pieces by index.
        chunk({ tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.function.name, arguments: '' } }] }, countTokens(toolCall.function.name));
        for (const piece of splitIntoTokenPieces(toolCall.function.arguments)) {
          chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, countTokens(piece));
        }
      }
      chunk({}, 0, FINISH[completion.finish.reason]);
      if (includeUsage) frames.push({ data: JSON.stringify({ ...base, choices: [], usage: usageOf(completion.usage) }), tokens: 0 });
      frames.push({ data: '[DONE]', tokens: 0 });
      return frames;
    },
  };
}
