import type { SwitchyardError } from '../errors.js';
import type { Finish } from './finish-reason.js';
import type { ReasoningDetail } from './reasoning-detail.js';
import type { StreamPart } from './stream-part.js';
import type { Usage } from './usage.js';

export interface ToolCall {
  id: string;
  name: string;
  /** Complete JSON text of the arguments ("{}" when the provider streamed none). */
  arguments: string;
}

/** The non-stream view of a generation: what the stream parts add up to. */
export interface GenerationResult {
  text: string;
  reasoning: string;
  /** Signed reasoning blocks, in order: what a client sends back with this turn. */
  reasoningDetails: ReasoningDetail[];
  toolCalls: ToolCall[];
  usage: Usage | null;
  /** null when the stream ended with an error (or not at all). */
  finish: Finish | null;
  error: SwitchyardError | null;
}

/** Incremental folder, for callers that need the running result while they forward parts. */
export class GenerationFolder {
  private readonly textChunks: string[] = [];
  private readonly reasoningChunks: string[] = [];
  private readonly reasoningDetails: ReasoningDetail[] = [];
  private readonly calls = new Map<string, { index: number; name: string; chunks: string[] }>();
  private usage: Usage | null = null;
  private finish: Finish | null = null;
  private error: SwitchyardError | null = null;

  add(part: StreamPart): void {
    switch (part.type) {
      case 'text-delta':
        this.textChunks.push(part.text);
        return;
      case 'reasoning-delta':
        this.reasoningChunks.push(part.text);
        return;
      case 'reasoning-detail':
        this.reasoningDetails.push(part.detail);
        return;
      case 'tool-call-start':
        if (!this.calls.has(part.id)) this.calls.set(part.id, { index: part.index, name: part.name, chunks: [] });
        return;
      case 'tool-call-delta':
        this.calls.get(part.id)?.chunks.push(part.argumentsDelta);
        return;
      case 'tool-call-end':
        return;
      case 'usage':
        this.usage = part.usage;
        return;
      case 'finish':
        this.finish = { reason: part.reason, nativeReason: part.nativeReason };
        return;
      case 'error':
        this.error = part.error;
        return;
    }
  }

  result(): GenerationResult {
    const toolCalls = [...this.calls.entries()]
      .sort(([, a], [, b]) => a.index - b.index)
      .map(([id, call]) => ({ id, name: call.name, arguments: call.chunks.join('') || '{}' }));
    return {
      text: this.textChunks.join(''),
      reasoning: this.reasoningChunks.join(''),
      reasoningDetails: [...this.reasoningDetails],
      toolCalls,
      usage: this.usage,
      finish: this.error ? null : this.finish,
      error: this.error,
    };
  }
}

export async function foldStream(parts: AsyncIterable<StreamPart>): Promise<GenerationResult> {
  const folder = new GenerationFolder();
  for await (const part of parts) folder.add(part);
  return folder.result();
}

export function foldParts(parts: Iterable<StreamPart>): GenerationResult {
  const folder = new GenerationFolder();
  for (const part of parts) folder.add(part);
  return folder.result();
}
