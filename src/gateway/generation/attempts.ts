import { ERROR_POLICIES, SwitchyardError } from '../../core/errors.js';
import { outputCap } from '../../core/billing/usage-cost.js';
import { GenerationFolder, type GenerationResult } from '../../core/llm/fold.js';
import type { AttemptRecord } from '../../core/generation/record.js';
import { adapterFor } from '../../adapters/index.js';
import { streamCompletion } from '../../adapters/invoke.js';
import type { DispatchInfo } from '../routing/catalog-snapshot.js';
import type { Admission } from './admit.js';
import type { AttemptDeps } from './generation-deps.js';
import type { DispatchTarget } from './dispatch-targets.js';
import { healthOutcomeOf } from './attempt-outcome.js';
import { upstreamTargetFor } from './upstream-target.js';
import { isOutput, type GenerationEvent, type OutputPart } from './generation-events.js';

/** The attempt that produced output: a served answer, or one cut short after output started. */
export interface AttemptWithOutput {
  target: DispatchTarget;
  info: DispatchInfo;
  result: GenerationResult;
  ttftMs: number;
  durationMs: number;
}

/** How the attempt loop ended. */
export type AttemptsResult =
  | { kind: 'served'; attempts: AttemptRecord[]; served: AttemptWithOutput }
  /** Failed after output started (no failover then); `cancelled` output is billed for what was generated. */
  | { kind: 'cut-short'; attempts: AttemptRecord[]; partial: AttemptWithOutput; error: SwitchyardError }
  | { kind: 'failed'; attempts: AttemptRecord[]; error: SwitchyardError };

type Step =
  | { kind: 'served'; record: AttemptRecord; output: AttemptWithOutput }
  | { kind: 'failed'; record: AttemptRecord; error: SwitchyardError; output: AttemptWithOutput | null };

/** Output parts between two progress entries in the journal (the first output always writes one). */
const PROGRESS_EVERY = 64;

const outputLength = (part: OutputPart): number =>
  part.type === 'text-delta' || part.type === 'reasoning-delta' ? part.text.length : part.type === 'tool-call-delta' ? part.argumentsDelta.length : part.type === 'tool-call-start' ? part.name.length : 0;

/** The provider refused the key itself (revoked, unpaid): says nothing about the endpoint's health when it is a user's key. */
const refusedKey = (error: SwitchyardError) => [401, 402, 403].includes(error.metadata.providerStatus ?? 0);

/**
 * Step two of a generation: the attempts in plan order. **Commit point**: until the first output part a
 * retryable failure moves to the next attempt; after it, a failure ends the loop (never a silent
 * retry). Every target reached is one attempt record. Yields the stream's events; returns how it ended.
 */
export async function* runAttempts(deps: AttemptDeps, admission: Admission, signal: AbortSignal): AsyncGenerator<GenerationEvent, AttemptsResult> {
  const attempts: AttemptRecord[] = [];
  let lastError: SwitchyardError | undefined;
  for (const [ordinal, target] of admission.targets.entries()) {
    const step = yield* runAttempt(deps, admission, target, ordinal, signal);
    attempts.push(step.record);
    yield { type: 'attempt-finished', ordinal, attempt: step.record };
    if (step.kind === 'served') {
      if (admission.stickyKey) deps.sticky.remember(admission.stickyKey, target.attempt.modelId, step.output.info.providerSlug, deps.clock.now());
      return { kind: 'served', attempts, served: step.output };
    }
    if (step.output) return { kind: 'cut-short', attempts, partial: step.output, error: step.error };
    if (step.record.status === 'skipped') continue;
    lastError = step.error;
    if (!ERROR_POLICIES[step.error.code].retryable) break;
  }
  return { kind: 'failed', attempts, error: lastError ?? new SwitchyardError('upstream_unavailable', 'Every provider for this request is temporarily unavailable') };
}

async function* runAttempt(deps: AttemptDeps, admission: Admission, target: DispatchTarget, ordinal: number, signal: AbortSignal): AsyncGenerator<GenerationEvent, Step> {
  const { attempt, credential } = target;
  const info = admission.catalog.dispatch(attempt.endpoint.id)!;
  const provider = { slug: info.providerSlug, baseUrl: info.baseUrl, credentialEnv: info.credentialEnv, extraHeaders: info.extraHeaders, origin: info.origin };
  const byok = credential.kind !== 'platform';
  const started = deps.clock.now();
  let firstOutputAt: number | null = null;
  const record = (status: AttemptRecord['status'], error: SwitchyardError | null): AttemptRecord => ({
    provider: info.providerSlug,
    model: attempt.modelId,
    endpointId: attempt.endpoint.id,
    byok,
    status,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
    httpStatus: error?.metadata.providerStatus ?? null,
    durationMs: status === 'skipped' ? null : deps.clock.now() - started,
    ttftMs: firstOutputAt === null ? null : firstOutputAt - started,
  });
  const notSent = (status: 'failed' | 'skipped', error: SwitchyardError): Step => ({ kind: 'failed', record: { ...record(status, error), durationMs: null }, error, output: null });

  if (credential.kind === 'byok-unreadable') return notSent('failed', new SwitchyardError('upstream_unavailable', `Your ${info.providerSlug} key cannot be decrypted on this server; set it again`));
  const upstream = credential.kind === 'byok' ? deps.upstreams.resolveByok(provider, credential.apiKey) : deps.upstreams.resolve(provider);
  if (upstream.mode === 'unavailable') return notSent('failed', new SwitchyardError('upstream_unavailable', upstream.reason));
  if ((await deps.health.admit(attempt.endpoint.id, deps.clock.now())).kind === 'rejected') {
    return notSent('skipped', new SwitchyardError('upstream_unavailable', `The circuit breaker of ${info.providerSlug} is open`));
  }

  yield { type: 'attempt-started', generationId: admission.generationId, ordinal, provider: info.providerSlug, model: attempt.modelId, byok };
  // The output cap sent upstream is the one the hold covers (reasoning included).
  const maxTokens = outputCap(attempt.endpoint, admission.promptTokens, admission.input.chat.maxTokens ?? null);
  const chat = { ...admission.input.chat, maxTokens };
  const folder = new GenerationFolder();
  // How far output got, for the journal: a crash is settled for what was delivered as far as it knows.
  let outputs = 0;
  let outputChars = 0;
  const progress = () => deps.journal.append({ t: 'progress', id: admission.generationId, model: attempt.modelId, provider: info.providerSlug, endpointId: attempt.endpoint.id, byok, pricing: info.pricing, outputChars });
  const wire = upstreamTargetFor({ family: info.family, providerSlug: info.providerSlug, providerModelId: info.providerModelId, upstream, supportedParameters: attempt.endpoint.supportedParameters, maxCompletionTokens: attempt.endpoint.maxCompletionTokens, ...(info.dialect ? { openai: info.dialect } : {}) });
  for await (const part of streamCompletion(adapterFor(info.family), deps.http, chat, wire, { signal })) {
    folder.add(part);
    if (isOutput(part)) {
      firstOutputAt ??= deps.clock.now();
      outputChars += outputLength(part);
      if (outputs++ % PROGRESS_EVERY === 0) void progress();
      yield { type: 'output', part };
    }
  }
  const result = folder.result();
  const output = (): AttemptWithOutput => ({ target, info, result, ttftMs: (firstOutputAt ?? deps.clock.now()) - started, durationMs: deps.clock.now() - started });
  if (result.error) {
    const outcome = credential.kind === 'byok' && refusedKey(result.error) ? null : healthOutcomeOf(result.error);
    if (outcome) await deps.health.record(attempt.endpoint.id, outcome, deps.clock.now());
    return { kind: 'failed', record: record(result.error.code === 'cancelled' ? 'cancelled' : 'failed', result.error), error: result.error, output: firstOutputAt === null ? null : output() };
  }
  const served = output();
  const tokens = result.usage?.output.total ?? 0;
  const seconds = served.durationMs / 1000;
  await deps.health.record(attempt.endpoint.id, { kind: 'success', ttftMs: served.ttftMs, ...(tokens > 1 && seconds > 0 ? { tokensPerSecond: tokens / seconds } : {}) }, deps.clock.now());
  return { kind: 'served', record: record('succeeded', null), output: served };
}
