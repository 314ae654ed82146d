import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenDueMs, type PacingPlan, type SimClock } from './clock.js';
import { cacheablePrefix, simulateCompletion } from './completion.js';
import type { PromptCache } from './prompt-cache.js';
import { drawFault, type HttpErrorStatus } from './faults.js';
import { readJsonBody, resetConnection, sendJson } from './http-io.js';
import { readOverrides } from './overrides.js';
import type { SimProfile } from './profiles.js';
import type { SimRoute } from './router.js';
import { toolChoiceProblem } from './sim-request.js';
import { writeFrames, type FrameEncoding } from './stream-writer.js';
import { encodeFrame, type ResponseMeta, type SimErrorKind, type SseFrame, type Transport, type WireFormat } from './wire-format.js';

export interface RespondDeps {
  clock: SimClock;
  /** Uniform [0, 1): draws faults and ttft jitter (content never depends on it). */
  random: () => number;
  requireAuth: AuthPolicy;
  maxBodyBytes: number;
  promptCache: PromptCache;
}

/**
 * Which calls need a key: none (`false`), any well-formed key (`true`), or the keys a policy accepts,
 * per provider slug — like a real provider answering 401 to a key it did not issue.
 */
export type AuthPolicy = boolean | ((providerSlug: string | undefined, key: string) => boolean);

function isAuthorized(policy: AuthPolicy, call: ApiCall): boolean {
  if (policy === false) return true;
  const key = call.format.credential(call.req.headers, call.url);
  return key !== undefined && (policy === true || policy(call.providerSlug, key));
}

export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  route: SimRoute;
  format: WireFormat;
  profile: SimProfile;
  providerSlug: string | undefined;
}

const FAULT_ERRORS: Readonly<Record<HttpErrorStatus, { kind: SimErrorKind; message: string }>> = {
  429: { kind: 'rate_limited', message: 'Rate limit reached for requests. Please try again later.' },
  500: { kind: 'server_error', message: 'The server had an error while processing your request.' },
  502: { kind: 'bad_gateway', message: 'Bad gateway.' },
  503: { kind: 'unavailable', message: 'The service is temporarily unavailable.' },
  529: { kind: 'overloaded', message: 'Overloaded' },
};

const ENCODINGS: Readonly<Record<Exclude<Transport, 'json'>, FrameEncoding>> = {
  sse: { contentType: 'text/event-stream', encode: encodeFrame, closing: '' },
  'json-array': { contentType: 'application/json', encode: (frame, i) => `${i === 0 ? '[' : ',\r\n'}${frame.data}`, closing: ']' },
};

function jittered(ms: number, jitter: number, random: () => number): number {
  return ms * (1 + jitter * (2 * random() - 1));
}

function replyError(call: ApiCall, kind: SimErrorKind, message: string, headers: Record<string, string> = {}): void {
  const { status, body } = call.format.error(kind, message);
  sendJson(call.res, status, body, headers);
}

/** Non-streamed answer: the whole body once the last token is due; drop/malformed cut the body. */
async function sendBody(call: ApiCall, body: unknown, tokens: number, fault: 'none' | 'drop' | 'malformed', timing: { clock: SimClock; startedAt: number; pacing: PacingPlan; signal: AbortSignal }): Promise<void> {
  const wait = timing.startedAt + tokenDueMs(timing.pacing, tokens - 1) - timing.clock.now();
  await timing.clock.sleep(wait, timing.signal);
  if (timing.signal.aborted) return;
  const text = JSON.stringify(body);
  const half = text.slice(0, Math.floor(text.length / 2));
  if (fault === 'drop') {
    // The connection dies half-way through a body announced in full.
    call.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    call.res.write(half, () => call.res.destroy());
    return;
  }
  const sent = fault === 'malformed' ? half : text;
  call.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(sent) });
  call.res.end(sent);
}

/** One API request end to end: validate, simulate, inject the fault, pace and write the answer. */
export async function respond(call: ApiCall, deps: RespondDeps): Promise<void> {
  const startedAt = deps.clock.now();
  const abort = new AbortController();
  call.res.once('close', () => abort.abort());
  const { profile } = call;

  if (!isAuthorized(deps.requireAuth, call)) {
    return replyError(call, 'unauthorized', 'Missing or invalid API key.');
  }
  const overrides = readOverrides(call.req.headers);
  if (!overrides.ok) return replyError(call, 'bad_request', overrides.message);
  const body = await readJsonBody(call.req, deps.maxBodyBytes);
  if (!body.ok) return replyError(call, body.reason === 'too_large' ? 'payload_too_large' : 'bad_request', body.message);
  const parsed = call.format.parse(body.value, call.route);
  if (!parsed.ok) return replyError(call, 'bad_request', parsed.message);
  const problem = toolChoiceProblem(parsed.request);
  if (problem !== undefined) return replyError(call, 'bad_request', problem);

  const content = overrides.overrides.content;
  const prefix = cacheablePrefix(parsed.request);
  const cached = deps.promptCache.use(`${call.providerSlug ?? ''}|${call.route.family}`, prefix);
  // Only explicit caching (Anthropic's cache_control) reports writes; implicit caches just start serving reads.
  const cache = parsed.request.cache.kind === 'explicit' ? cached : { read: cached.read, write: 0 };
  const completion = simulateCompletion(parsed.request, { ...content, completionTokens: content.completionTokens ?? profile.completionTokens }, cache);
  const { fault: forced, ttftMs, tokensPerSecond, stallMs } = overrides.overrides;
  const fault = forced ?? drawFault(profile.faultRates, deps.random());
  if (fault.kind === 'http_error') {
    const { kind, message } = FAULT_ERRORS[fault.status];
    const headers: Record<string, string> = fault.status === 429 ? { 'retry-after': String(profile.retryAfterSeconds) } : {};
    return replyError(call, kind, message, headers);
  }
  if (fault.kind === 'reset') return resetConnection(call.req);
  let timingStart = startedAt;
  if (fault.kind === 'stall') {
    await deps.clock.sleep(stallMs ?? profile.stallMs, abort.signal);
    if (abort.signal.aborted) return;
    timingStart = deps.clock.now();
  }

  const pacing = { ttftMs: ttftMs ?? jittered(profile.ttftMs, profile.jitter, deps.random), tokensPerSecond: tokensPerSecond ?? profile.tokensPerSecond };
  const timing = { clock: deps.clock, startedAt: timingStart, pacing, signal: abort.signal };
  const meta: ResponseMeta = { nonce: randomUUID().replaceAll('-', '').slice(0, 24), created: Math.floor(Date.now() / 1000) };
  if (parsed.transport === 'json') {
    // A whole body has no "mid-stream": the provider's failure is an overloaded error instead.
    if (fault.kind === 'error_mid_stream') return replyError(call, 'overloaded', FAULT_ERRORS[529].message);
    const bodyFault = fault.kind === 'drop' || fault.kind === 'malformed' ? fault.kind : 'none';
    return sendBody(call, parsed.render.json(completion, meta), completion.usage.completionTokens, bodyFault, timing);
  }
  const streamFault = fault.kind === 'drop' || fault.kind === 'malformed' ? fault.kind : fault.kind === 'error_mid_stream' ? 'error' : 'none';
  const frames: SseFrame[] = parsed.render.stream(completion, meta);
  await writeFrames(call.res, frames, ENCODINGS[parsed.transport], streamFault, timing, parsed.render.midStreamError());
}
