import type { ServerResponse } from 'node:http';
import { tokenDueMs, type PacingPlan, type SimClock } from './clock.js';
import { writeChunk } from './http-io.js';
import type { SseFrame } from './wire-format.js';

/** How frames become bytes: SSE events, or the elements of a streamed JSON array (Gemini without alt=sse). */
export interface FrameEncoding {
  contentType: string;
  encode(frame: SseFrame, index: number): string;
  closing: string;
}

export type StreamFault = 'none' | 'drop' | 'malformed' | 'error';

export interface StreamTiming {
  clock: SimClock;
  /** clock.now() when the request arrived; token due times count from here. */
  startedAt: number;
  pacing: PacingPlan;
  signal: AbortSignal;
}

// Batching bytes until a pause is due keeps unpaced (fast profile) streams at one write per response.
const FLUSH_BYTES = 16 * 1024;

/** Index of the frame carrying the middle output token — where drop/malformed faults strike. */
export function middleTokenFrame(frames: readonly SseFrame[]): number {
  const total = frames.reduce((sum, frame) => sum + frame.tokens, 0);
  let seen = 0;
  for (let i = 0; i < frames.length; i++) {
    seen += frames[i]!.tokens;
    if (total > 0 && seen >= Math.ceil(total / 2)) return i;
  }
  return 0;
}

function truncated(frame: SseFrame): SseFrame {
  return { ...frame, data: frame.data.slice(0, Math.max(1, Math.floor(frame.data.length / 2))) };
}

/**
 * Streams frames with token pacing: each frame waits until its last token is due. `drop` ends the body
 * right after the middle token frame (no terminator); `malformed` cuts that frame's JSON in half;
 * `error` sends the format's error event after it, then ends.
 */
export async function writeFrames(res: ServerResponse, frames: readonly SseFrame[], encoding: FrameEncoding, fault: StreamFault, timing: StreamTiming, errorFrame?: SseFrame): Promise<void> {
  const { clock, startedAt, pacing, signal } = timing;
  res.writeHead(200, { 'content-type': encoding.contentType, 'cache-control': 'no-cache', connection: 'keep-alive' });
  const faultAt = fault === 'none' ? -1 : middleTokenFrame(frames);
  let pending = '';
  let tokenIndex = 0;
  const flush = async (): Promise<void> => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    await writeChunk(res, text, signal);
  };
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    if (frame.tokens > 0) {
      const wait = startedAt + tokenDueMs(pacing, tokenIndex + frame.tokens - 1) - clock.now();
      if (wait > 0) {
        await flush();
        await clock.sleep(wait, signal);
      }
      tokenIndex += frame.tokens;
    }
    if (signal.aborted) return;
    pending += encoding.encode(i === faultAt && fault === 'malformed' ? truncated(frame) : frame, i);
    if (i === faultAt && fault === 'drop') break;
    if (i === faultAt && fault === 'error' && errorFrame) {
      pending += encoding.encode(errorFrame, i + 1);
      break;
    }
    if (pending.length >= FLUSH_BYTES) await flush();
  }
  if (fault !== 'drop' && fault !== 'error') pending += encoding.closing;
  await flush();
  res.end();
}
