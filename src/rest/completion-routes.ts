import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_POLICIES } from '../core/errors.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { runCompletion, runGeneration, type CompletionDeps, type CompletionInput, type CompletionOutcome, type GenerationEvent } from '../gateway/generation/run-completion.js';
import type { Principal } from '../gateway/auth/principal.js';
import { AttemptSchema, GenerationSchema } from '../persistence/entities/index.js';
import { requireKey, type AuthEnv } from './auth.js';
import { parseChatCompletionRequest } from '../gateway/chat-request/parse-chat-request.js';
import { chatCompletionJson, createChunker, generationJson } from './completion-shapes.js';
import { errorResponse } from './errors.js';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

type Failed = Extract<CompletionOutcome, { kind: 'failed' }>;

/** A failure before any output: a normal HTTP error in OpenRouter's shape, saying what each provider did. */
function failureResponse(c: Context, outcome: Failed): Response {
  const { retryAfterMs } = outcome.error.metadata;
  if (outcome.error.code === 'rate_limited' && retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  const status = ERROR_POLICIES[outcome.error.code].httpStatus as ContentfulStatusCode;
  return errorResponse(c, status, outcome.error.message, {
    code: outcome.error.code,
    ...(outcome.error.metadata.details ? { details: outcome.error.metadata.details } : {}),
    provider_responses: outcome.attempts.map((a) => ({ provider: a.provider, error: a.errorClass })),
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
async function streamCompletionResponse(c: Context, deps: CompletionDeps, principal: Principal, input: CompletionInput, keepAliveMs: number): Promise<Response> {
  const abort = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => abort.abort(), { once: true });
  const events = runGeneration(deps, principal, input, abort.signal);
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
    if (next.value.type === 'started') generationId = next.value.generationId;
    if (next.value.type === 'output') break;
    if (next.value.type === 'final') {
      if (next.value.outcome.kind === 'failed') {
        if (generationId) c.header('X-Generation-Id', generationId);
        await events.return(undefined); // let the generation finish its bookkeeping (in-flight registry)
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
      } else if (event.type === 'final') {
        const o = event.outcome;
        if (o.kind === 'completed') await send(chunker.finish(o));
        else await send(chunker.error(model, provider, ERROR_POLICIES[o.error.code].httpStatus, o.error.message));
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

/** `POST /api/v1/chat/completions` (OpenAI/OpenRouter-compatible) and `GET /api/v1/generation`. */
/** `keepAliveMs`: how long a stream may be silent before a keep-alive comment (and the wait before committing to 200). */
export function completionRoutes(deps: () => CompletionDeps, auth: Authenticator, { keepAliveMs = 2_000 } = {}): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const keyed = requireKey(auth);

  app.post('/chat/completions', keyed, async (c) => {
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) return errorResponse(c, 413, 'Request body too large');
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return errorResponse(c, 400, 'The body must be a JSON object');
    const parsed = parseChatCompletionRequest(body);
    if (!parsed.ok) return errorResponse(c, 400, parsed.message, { path: parsed.path });
    const input: CompletionInput = {
      chat: parsed.value.chat,
      models: parsed.value.models,
      provider: parsed.value.provider,
      usedParameters: parsed.value.usedParameters,
      inputModalities: parsed.value.inputModalities,
      sessionId: parsed.value.sessionId,
      stream: parsed.value.stream,
    };
    if (parsed.value.stream) return streamCompletionResponse(c, deps(), c.get('principal'), input, keepAliveMs);
    const created = new Date();
    const outcome = await runCompletion(deps(), c.get('principal'), input);
    if (outcome.generationId) c.header('X-Generation-Id', outcome.generationId);
    if (outcome.kind === 'failed') return failureResponse(c, outcome);
    return c.json(chatCompletionJson(outcome, created, (await deps().catalog.get()).providers.nameOf));
  });

  app.get('/generation', keyed, async (c) => {
    const id = c.req.query('id') ?? '';
    const em = deps().em.fork();
    // Scoped to the caller's account: someone else's generation is "not found", like a missing one.
    const generation = /^gen-[0-9a-f]{32}$/.test(id) ? await em.findOne(GenerationSchema, { id, account: c.get('principal').accountId }) : null;
    if (!generation) return errorResponse(c, 404, `Generation ${id} not found`);
    const attempts = await em.find(AttemptSchema, { generation: id }, { orderBy: { ordinal: 'asc' } });
    return c.json({ data: generationJson(generation, attempts, (await deps().catalog.get()).providers.nameOf) });
  });
  return app;
}
