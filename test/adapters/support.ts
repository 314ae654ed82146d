import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StreamPart } from '../../src/core/llm/stream-part.js';
import type { UpstreamTarget, WireFamily } from '../../src/adapters/index.js';
import { REQUEST_PARAMETERS } from '../../src/core/llm/request.js';
import { upstreamTargetFor } from '../../src/gateway/generation/upstream-target.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));

export function fixtureText(family: string, file: string): string {
  return readFileSync(`${FIXTURES}${family}/${file}`, 'utf8');
}

export function fixtureJson(family: string, file: string): unknown {
  return JSON.parse(fixtureText(family, file));
}

/** Bytes in small, odd-sized pieces, so events and UTF-8 sequences straddle chunk boundaries. */
export async function* chunkedBytes(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

/** Parts with errors reduced to their code, for exact comparisons. */
export function comparable(parts: readonly StreamPart[]): unknown[] {
  return parts.map((part) => (part.type === 'error' ? { type: 'error', code: part.error.code } : part));
}

/** A source that yields `text` and then never ends: proves a parser stops by itself at `finish`. */
export function neverEndingAfter(text: string): AsyncIterable<Uint8Array> & { returned: boolean } {
  const source = {
    returned: false,
    async *[Symbol.asyncIterator]() {
      try {
        yield new TextEncoder().encode(text);
        await new Promise(() => undefined);
      } finally {
        source.returned = true;
      }
    },
  };
  return source;
}

/** A target built the way production builds it (catalog slug → auth and dialect), so tests assert what is sent. */
export function productionTarget(
  family: WireFamily,
  providerSlug: string,
  providerModelId: string,
  upstream: { baseUrl: string; apiKey?: string; headers?: Record<string, string> },
  endpoint: { supportedParameters?: readonly string[]; maxCompletionTokens?: number | null } = {},
): UpstreamTarget {
  return upstreamTargetFor({
    family,
    providerSlug,
    providerModelId,
    upstream: { mode: 'live', apiKey: upstream.apiKey ?? '', baseUrl: upstream.baseUrl, ...(upstream.headers && { headers: upstream.headers }) },
    supportedParameters: endpoint.supportedParameters ?? REQUEST_PARAMETERS,
    maxCompletionTokens: endpoint.maxCompletionTokens ?? null,
  });
}
