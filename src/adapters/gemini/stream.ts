import { SwitchyardError } from '../../core/errors.js';
import type { StreamPart } from '../../core/llm/stream-part.js';
import { codeForUpstreamStatus } from '../http-errors.js';
import { decodeSse, truncatedStreamError, type ByteSource, type SseDecoder, type SseEvent } from '../sse.js';
import { parseWireJson } from '../wire-json.js';
import { geminiFinishReason, geminiRetryDelayMs, geminiUsage } from './finish.js';
import { GeminiPartMapper } from './parts.js';
import { geminiResponseSchema, type GeminiError, type GeminiUsage } from './schema.js';

/**
 * streamGenerateContent?alt=sse: every event is a whole GenerateContentResponse with the next slice
 * of the candidate and the usage so far. There is no end marker: the chunk with a finishReason and
 * usage ends it (otherwise EOF after a finishReason does).
 */
export class GeminiStreamDecoder implements SseDecoder {
  finished = false;
  private readonly mapper = new GeminiPartMapper();
  private usage: GeminiUsage | undefined;
  private finishReason: string | undefined;

  onEvent(event: SseEvent, out: StreamPart[]): void {
    const chunk = parseWireJson(event.data, geminiResponseSchema, 'Gemini stream chunk');
    if (chunk.error) throw geminiStreamError(chunk.error, event.data);
    if (chunk.usageMetadata) this.usage = chunk.usageMetadata;
    const blockReason = chunk.promptFeedback?.blockReason;
    if (blockReason && !chunk.candidates?.length) {
      this.finishReason = blockReason;
      return this.flush(out, 'content_filter');
    }
    const candidate = chunk.candidates?.[0];
    if (!candidate) return;
    this.mapper.map(candidate.content?.parts ?? [], out);
    if (candidate.finishReason) {
      this.finishReason = candidate.finishReason;
      if (chunk.usageMetadata) this.flush(out);
    }
  }

  onEnd(out: StreamPart[]): void {
    if (this.finishReason !== undefined) return this.flush(out);
    out.push({ type: 'error', error: truncatedStreamError('Gemini', 'no finishReason') });
  }

  private flush(out: StreamPart[], forced?: 'content_filter'): void {
    if (this.finished) return;
    this.finished = true;
    if (this.usage) out.push({ type: 'usage', usage: geminiUsage(this.usage) });
    const native = this.finishReason ?? null;
    out.push({ type: 'finish', reason: forced ?? geminiFinishReason(native, this.mapper.functionCalls > 0), nativeReason: native });
  }
}

function geminiStreamError(error: GeminiError, raw: string): SwitchyardError {
  const status = error.code ?? 500;
  const code = codeForUpstreamStatus(status, { message: error.message ?? '', ...(error.status && { code: error.status }) });
  const retryAfterMs = geminiRetryDelayMs(error);
  return new SwitchyardError(code, error.message || 'Gemini stream reported an error', {
    providerStatus: status,
    ...(error.status && { providerCode: error.status }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    rawSnippet: raw,
  });
}

export function parseGeminiStream(body: ByteSource): AsyncGenerator<StreamPart> {
  return decodeSse(body, new GeminiStreamDecoder());
}
