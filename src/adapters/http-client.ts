import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { SwitchyardError } from '../core/errors.js';
import type { UpstreamRequest } from './adapter.js';
import { ioError } from './io-errors.js';

export interface HttpClientOptions {
  /** TCP + TLS handshake. */
  connectTimeoutMs: number;
  /** From sending the request to the first body chunk (headers included): the time-to-first-token guard. */
  firstByteTimeoutMs: number;
  /** Longest silence between two body chunks once the body has started. */
  idleTimeoutMs: number;
  /** A body larger than this is an upstream_bad_response, not an out-of-memory. */
  maxResponseBytes: number;
  /** Idle keep-alive sockets per origin are closed after this. */
  keepAliveTimeoutMs: number;
  /** Max sockets per upstream origin. */
  connectionsPerOrigin: number;
}

export const DEFAULT_HTTP_CLIENT_OPTIONS: HttpClientOptions = {
  connectTimeoutMs: 10_000,
  firstByteTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  maxResponseBytes: 32 * 1024 * 1024,
  keepAliveTimeoutMs: 30_000,
  connectionsPerOrigin: 128,
};

/** Error bodies are only read for classification: the first 64 KiB say everything. */
export const ERROR_BODY_BYTES = 64 * 1024;

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Lower-cased media type without parameters (`text/event-stream`), '' when absent. */
  contentType: string;
  /** Guarded body: throws timeout / cancelled / upstream_unavailable / upstream_bad_response (oversize) SwitchyardErrors. */
  body: AsyncIterable<Uint8Array>;
  /** Whole body as text; `limitBytes` truncates instead of failing (for error bodies). */
  text(limitBytes?: number): Promise<string>;
  /** Stop reading and close the upstream request. */
  discard(): void;
}

/**
 * The one way Switchyard calls providers. undici's Agent keeps a keep-alive pool per origin; the
 * timeouts are ours (undici's own are off) so "no first token yet" and "stalled mid-stream" stay
 * separate and map to `timeout`. Aborting the caller's signal destroys the upstream request at once.
 */
export class UpstreamHttpClient {
  readonly options: HttpClientOptions;
  private readonly agent: Agent;

  constructor(options: Partial<HttpClientOptions> = {}) {
    this.options = { ...DEFAULT_HTTP_CLIENT_OPTIONS, ...options };
    this.agent = new Agent({
      connect: { timeout: this.options.connectTimeoutMs },
      headersTimeout: 0,
      bodyTimeout: 0,
      keepAliveTimeout: this.options.keepAliveTimeoutMs,
      connections: this.options.connectionsPerOrigin,
    });
  }

  /** Resolves once headers arrive; rejects only with a SwitchyardError. */
  async send(request: UpstreamRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    const call = new UpstreamCall(this.options, signal);
    try {
      const response = await undiciRequest(request.url, {
        dispatcher: this.agent,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: call.controller.signal,
      });
      return call.wrap(response);
    } catch (error) {
      call.end();
      throw call.translate(error);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** One request's timers, abort wiring and byte accounting. */
class UpstreamCall {
  readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private timedOut: 'first_byte' | 'idle' | undefined;
  private readonly onCallerAbort = () => this.controller.abort();

  constructor(
    private readonly options: HttpClientOptions,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    if (callerSignal?.aborted) this.controller.abort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm('first_byte', options.firstByteTimeoutMs);
  }

  wrap(response: Dispatcher.ResponseData): UpstreamResponse {
    const { body } = response;
    // An error on a body nobody reads must not become an uncaught 'error' event.
    body.on('error', () => undefined);
    const contentType = headerString(response.headers['content-type']).split(';')[0]?.trim().toLowerCase() ?? '';
    const chunks = this.guardedChunks(body, Number.POSITIVE_INFINITY);
    const discard = () => {
      this.end();
      body.destroy();
    };
    return {
      status: response.statusCode,
      headers: response.headers,
      contentType,
      body: chunks,
      text: async (limitBytes) => {
        const source = limitBytes === undefined ? chunks : this.guardedChunks(body, limitBytes);
        const decoder = new TextDecoder();
        let text = '';
        for await (const chunk of source) text += decoder.decode(chunk, { stream: true });
        if (limitBytes !== undefined) discard();
        return text + decoder.decode();
      },
      discard,
    };
  }

  /** Body chunks with idle/first-byte timeouts and the size guard; stops quietly after `truncateAt` bytes. */
  private async *guardedChunks(body: Dispatcher.ResponseData['body'], truncateAt: number): AsyncGenerator<Uint8Array> {
    let received = 0;
    let settled = false;
    const head: Uint8Array[] = [];
    try {
      // destroyOnReturn: false — a consumer that stops at [DONE] shouldn't cost us the keep-alive socket.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>) {
        this.disarm();
        if (received + chunk.length > truncateAt) {
          yield chunk.subarray(0, truncateAt - received);
          return;
        }
        received += chunk.length;
        if (received <= 512) head.push(chunk);
        if (received > this.options.maxResponseBytes) throw oversized(this.options.maxResponseBytes, head);
        // Only upstream silence counts: the timer is off while our consumer handles the chunk.
        yield chunk;
        this.arm('idle', this.options.idleTimeoutMs);
      }
      settled = true;
    } catch (error) {
      settled = true;
      body.destroy();
      throw this.translate(error);
    } finally {
      this.end();
      if (!settled) releaseEarly(body, this.callerSignal);
    }
  }

  translate(error: unknown): SwitchyardError {
    if (error instanceof SwitchyardError) return error;
    if (this.timedOut === 'first_byte') {
      return new SwitchyardError('timeout', `no response from upstream within ${this.options.firstByteTimeoutMs} ms`, { phase: 'first_byte' });
    }
    if (this.timedOut === 'idle') {
      return new SwitchyardError('timeout', `upstream stalled for ${this.options.idleTimeoutMs} ms mid-response`, { phase: 'idle' });
    }
    if (this.callerSignal?.aborted) return new SwitchyardError('cancelled', 'request cancelled', {}, { cause: error });
    return ioError(error);
  }

  end(): void {
    this.disarm();
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private arm(kind: 'first_byte' | 'idle', ms: number): void {
    this.disarm();
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.timer = setTimeout(() => {
      this.timedOut = kind;
      this.controller.abort();
    }, ms);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** How much of an unread tail we read to keep the socket, and for how long, before closing it instead. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
const DRAIN_TIMEOUT_MS = 1000;

/**
 * The consumer stopped before the body ended. Cancelled → close the upstream request now (stops
 * the provider generating). Otherwise (the provider said it was done) read the small remaining tail
 * in the background so the keep-alive socket returns to the pool.
 */
function releaseEarly(body: Dispatcher.ResponseData['body'], callerSignal: AbortSignal | undefined): void {
  if (body.destroyed || body.readableEnded) return;
  if (callerSignal?.aborted) {
    body.destroy();
    return;
  }
  // undici's dump() accepts a signal at runtime; its type declaration lags behind.
  const dump = body.dump as (options: { limit: number; signal: AbortSignal }) => Promise<void>;
  dump.call(body, { limit: DRAIN_LIMIT_BYTES, signal: AbortSignal.timeout(DRAIN_TIMEOUT_MS) }).catch(() => body.destroy());
}

function oversized(limit: number, head: Uint8Array[]): SwitchyardError {
  return new SwitchyardError('upstream_bad_response', `upstream response exceeded ${limit} bytes`, {
    reason: 'oversized',
    rawSnippet: new TextDecoder().decode(Buffer.concat(head)),
  });
}

function headerString(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
