// Adapter stream parsing throughput: a large synthetic SSE body per family through the real parser.
// `npx tsx bench/adapters.ts` prints parts parsed per second (target ≥ 200k/s on one core).
import { pathToFileURL } from 'node:url';
import { adapterFor, type WireFamily } from '../src/adapters/index.js';

const DELTAS = 100_000;
const CHUNK_BYTES = 16 * 1024;
const RUNS = 5;

/** Realistic-sized token deltas in each family's wire shape, then its terminal events. */
function syntheticStream(family: WireFamily, deltas: number): string {
  const words = ['the', ' quick', ' brown', ' fox', ' jumps', ' over', ' lazy', ' dogs', ',', ' and'];
  const lines: string[] = [];
  const data = (json: unknown, event?: string) => lines.push(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(json)}\n\n`);
  if (family === 'anthropic') {
    data({ type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 10, output_tokens: 1 } } }, 'message_start');
    data({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start');
  }
  for (let i = 0; i < deltas; i++) {
    const text = words[i % words.length] ?? '';
    if (family === 'openai') {
      data({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] });
    } else if (family === 'anthropic') {
      data({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta');
    } else {
      data({ candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: i + 1 }, modelVersion: 'gemini-2.5-flash' });
    }
  }
  if (family === 'openai') {
    data({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    data({ choices: [], usage: { prompt_tokens: 10, completion_tokens: deltas } });
    lines.push('data: [DONE]\n\n');
  } else if (family === 'anthropic') {
    data({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
    data({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: deltas } }, 'message_delta');
    data({ type: 'message_stop' }, 'message_stop');
  } else {
    data({ candidates: [{ content: { parts: [{ text: '.' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: deltas + 1 } });
  }
  return lines.join('');
}

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function* asSource(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

export interface AdapterBenchRow {
  family: WireFamily;
  parts: number;
  megabytes: number;
  ms: number;
  partsPerSecond: number;
  megabytesPerSecond: number;
}

async function parseOnce(family: WireFamily, chunks: readonly Uint8Array[]): Promise<number> {
  let parts = 0;
  for await (const part of adapterFor(family).parseStream(asSource(chunks))) {
    parts++;
    if (part.type === 'error') throw part.error;
  }
  return parts;
}

export async function benchAdapters(deltas: number = DELTAS): Promise<AdapterBenchRow[]> {
  const rows: AdapterBenchRow[] = [];
  for (const family of ['openai', 'anthropic', 'gemini'] as const) {
    const bytes = new TextEncoder().encode(syntheticStream(family, deltas));
    const chunks = [...chunksOf(bytes, CHUNK_BYTES)];
    await parseOnce(family, chunks); // warm-up: JIT and zod's compiled parsers
    const timings: number[] = [];
    let parts = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      parts = await parseOnce(family, chunks);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    // Median: a major GC of the setup's big strings can land in any single run.
    const ms = timings.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
    const megabytes = bytes.length / 1024 / 1024;
    rows.push({
      family,
      parts,
      megabytes: round(megabytes),
      ms: round(ms),
      partsPerSecond: Math.round((parts / ms) * 1000),
      megabytesPerSecond: round((megabytes / ms) * 1000),
    });
  }
  return rows;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('\n== Adapters: SSE stream parsing, parts per second (one core) ==');
  console.table(await benchAdapters());
}
