import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { generationEvents, runCompletion } from '../gateway/generation/run-generation.js';
import type { GenerationDeps } from '../gateway/generation/generation-deps.js';
import { completionInputOf, type CompletionInput } from '../gateway/generation/completion-input.js';
import type { GenerationEvent, GenerationOutcome } from '../gateway/generation/generation-events.js';
import type { Principal } from '../gateway/auth/principal.js';
import { parseChatCompletionRequest } from '../gateway/chat-request/parse-chat-request.js';
import type { GenerationReader } from '../persistence/queries/generation-reader.js';
import { requireKey, type AuthEnv } from './auth.js';
import { chatCompletionJson, createChunker, generationJson } from './completion-shapes.js';
import { errorResponse } from './errors.js';
import { HTTP_STATUS } from './error-status.js';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

type NotCompleted = Exclude<GenerationOutcome, { kind: 'completed' }>;

/** A failure before any output: a normal HTTP error in OpenRouter's shape, saying what each provider did. */
function failureResponse(c: Context, outcome: NotCompleted): Response {
  const { retryAfterMs, details } = outcome.error.metadata;
  if (outcome.error.code === 'rate_limited' && retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  return errorResponse(c, HTTP_STATUS[outcome.error.code], outcome.error.message, {
    code: outcome.kind === 'refused' ? outcome.reason : outcome.error.code,
    ...(details ? { details } : {}),
    provider_responses: outcome.kind === 'refused' ? [] : outcome.attempts.map((a) => ({ provider: a.provider, error: a.errorCode })),
  });
}

const KEEP_ALIVE = ': OPENROUTER PROCESSING\n\n';
const TIMED_OUT = Symbol('timed out');

/** The next event, or TIMED_OUT after `ms` — the pending `next()` stays valid for the following call. */
function nextWithin<T>(pending: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}

/**
 * SSE streaming. Until the first output part a failure is a normal HTTP error — but if nothing is
 * decided within `keepAliveMs` (a slow first token), the response commits to 200 and sends
 * `: OPENROUTER PROCESSING` comments while it waits, so proxies don't time out. After that, failures
 * become an error chunk with finish_reason "error". A client that disconnects aborts the upstream request.
 */
async function streamCompletionResponse(c: Context, deps: GenerationDeps, principal: Principal, input: CompletionInput, keepAliveMs: number): Promise<Response> {
  const abort = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => abort.abort(), { once: true });
  const events = generationEvents(deps, principal, input, abort.signal);
  const early: GenerationEvent[] = [];
  let pending: Promise<IteratorResult<GenerationEvent>> | undefined;
  let ended = false;
  let generationId: string | null = null;
  // Pull events until the first output part, the end, or the keep-alive deadline.
  for (;;) {
    pending ??= events.next();
    const next = await nextWithin(pending, keepAliveMs);
    // Commit to 200 only once admitted: refusals (credits, rate limit, no route) stay real HTTP errors.
    if (next === TIMED_OUT) {
      if (generationId) break;
      continue;
    }
    pending = undefined;
    if (next.done) {
      ended = true;
      break;
    }
    early.push(next.value);
    if (next.value.type === 'admitted') generationId = next.value.generationId;
    if (next.value.type === 'output') break;
    if (next.value.type === 'finished') {
      if (next.value.outcome.kind !== 'completed') {
        if (generationId) c.header('X-Generation-Id', generationId);
        return failureResponse(c, next.value.outcome);
      }
      break;
    }
  }
  if (generationId) c.header('X-Generation-Id', generationId);
  const chunker = createChunker(generationId ?? 'gen-unknown', new Date(), (await deps.catalog.get()).providers.nameOf);
  let model = input.models[0] ?? '';
  let provider = '';
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => abort.abort());
    const send = (data: unknown) => stream.writeSSE({ data: JSON.stringify(data) });
    const handle = async (event: GenerationEvent) => {
      if (event.type === 'attempt-started') ({ model, provider } = event);
      else if (event.type === 'output') {
        const chunk = chunker.delta(model, provider, event.part);
        if (chunk) await send(chunk);
      } else if (event.type === 'finished') {
        const o = event.outcome;
        if (o.kind === 'completed') await send(chunker.finish(o));
        else await send(chunker.error(model, provider, HTTP_STATUS[o.error.code], o.error.message));
      }
    };
    for (const event of early) await handle(event);
    while (!ended) {
      pending ??= events.next();
      const next = await nextWithin(pending, keepAliveMs);
      if (next === TIMED_OUT) {
        await stream.write(KEEP_ALIVE);
        continue;
      }
      pending = undefined;
      if (next.done) break;
      await handle(next.value);
    }
    await stream.writeSSE({ data: '[DONE]' });
  });
}

export interface CompletionRouteDeps {
  pipeline: () => GenerationDeps;
  generations: GenerationReader;
  auth: Authenticator;
  /** How long a stream may be silent before a keep-alive comment (and the wait before committing to 200). */
  keepAliveMs?: number;
}

/** `POST /api/v1/chat/completions` (OpenAI/OpenRouter-compatible) and `GET /api/v1/generation`. */
export function completionRoutes({ pipeline, generations, auth, keepAliveMs = 2_000 }: CompletionRouteDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const keyed = requireKey(auth);

  app.post('/chat/completions', keyed, async (c) => {
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) return errorResponse(c, 413, 'Request body too large');
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return errorResponse(c, 400, 'The body must be a JSON object');
    const parsed = parseChatCompletionRequest(body);
    if (!parsed.ok) return errorResponse(c, 400, parsed.message, { path: parsed.path });
    const input = completionInputOf(parsed.value);
    if (input.stream) return streamCompletionResponse(c, pipeline(), c.get('principal'), input, keepAliveMs);
    const created = new Date();
    const outcome = await runCompletion(pipeline(), c.get('principal'), input);
    if (outcome.kind !== 'refused') c.header('X-Generation-Id', outcome.generationId);
    if (outcome.kind !== 'completed') return failureResponse(c, outcome);
    return c.json(chatCompletionJson(outcome, created, (await pipeline().catalog.get()).providers.nameOf));
  });

  app.get('/generation', keyed, async (c) => {
    const id = c.req.query('id') ?? '';
    // Scoped to the caller's account: someone else's generation is "not found", like a missing one.
    const generation = /^gen-[0-9a-f]{32}$/.test(id) ? await generations.find(c.get('principal').accountId, id) : null;
    if (!generation) return errorResponse(c, 404, `Generation ${id} not found`);
    const [attempts] = await generations.attemptsOf([id]);
    return c.json({ data: generationJson(generation, attempts ?? [], (await pipeline().catalog.get()).providers.nameOf) });
  });
  return app;
}
