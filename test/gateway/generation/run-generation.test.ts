import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageCost } from '../../../src/core/billing/usage-cost.js';
import { UpstreamHttpClient } from '../../../src/adapters/http-client.js';
import { generationEvents, runCompletion } from '../../../src/gateway/generation/run-generation.js';
import type { GenerationDeps as CompletionDeps } from '../../../src/gateway/generation/generation-deps.js';
import type { CompletionInput } from '../../../src/gateway/generation/completion-input.js';
import type { GenerationOutcome as CompletionOutcome } from '../../../src/gateway/generation/generation-events.js';
import type { Principal } from '../../../src/gateway/auth/principal.js';
import type { UpstreamDirectory } from '../../../src/gateway/upstreams.js';
import { createInMemoryHealthStore } from '../../../src/core/health/index.js';
import { AccountSchema, AttemptSchema, GenerationSchema, LedgerEntrySchema, ReservationSchema } from '../../../src/persistence/entities/index.js';
import { CreditLedger } from '../../../src/persistence/repositories/credit-ledger.js';
import { AccountRepository } from '../../../src/persistence/repositories/account-repository.js';
import { issueApiKey } from '../../../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';

const LLAMA = 'meta-llama/llama-3.3-70b-instruct';
const ask = (overrides: Partial<CompletionInput> = {}): CompletionInput => ({
  chat: { messages: [{ role: 'user', content: 'Explain load balancing in two sentences.' }], maxTokens: 60 },
  models: [LLAMA],
  provider: {},
  usedParameters: ['max_tokens'],
  inputModalities: [],
  sessionId: null,
  stream: false,
  ...overrides,
});

/** Sends simulator control headers (x-sim-*) with one provider's requests. */
const simulating = (deps: CompletionDeps, slug: string, headers: Record<string, string>): UpstreamDirectory => ({
  ...deps.upstreams,
  resolve: (p) => {
    const upstream = deps.upstreams.resolve(p);
    return p.slug === slug && upstream.mode !== 'unavailable' ? { ...upstream, headers } : upstream;
  },
});
/** Makes the simulator fail one provider's requests in a given way. */
const faulty = (deps: CompletionDeps, slug: string, fault: string) => simulating(deps, slug, { 'x-sim-fault': fault });

/** Sends one provider to a port nobody listens on: connection refused, before any token. */
const breaking = (deps: CompletionDeps, slug: string): UpstreamDirectory => ({
  ...deps.upstreams,
  resolve: (p) => (p.slug === slug ? { mode: 'simulated', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'x' } : deps.upstreams.resolve(p)),
});

describe.each(await databaseTargets())('the generation pipeline on $name', (target) => {
  let running: RunningApp;
  let principal: Principal;
  beforeAll(async () => {
    running = await startTestApp(target);
    const auth = await running.app.auth.authenticate(TEST_KEYS.inference);
    if (auth.kind !== 'authenticated') throw new Error('test key not accepted');
    principal = auth.principal;
  });
  afterAll(async () => {
    expect(await new CreditLedger(await running.db()).inconsistencies()).toEqual([]);
    await running?.stop();
  });
  const em = () => running.db();
  const stallClient = new UpstreamHttpClient({ firstByteTimeoutMs: 300 });
  afterAll(() => stallClient.close());
  /** The app's pipeline with other upstreams and a fresh health store (so breakers don't carry over between tests). */
  const depsWith = (upstreams: (deps: CompletionDeps) => UpstreamDirectory): CompletionDeps => ({
    ...running.app.completions,
    upstreams: upstreams(running.app.completions),
    health: createInMemoryHealthStore(),
  });

  it('serves from the planned provider and bills exactly tokens × its price, once', async () => {
    const before = (await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance;
    const outcome = await runCompletion(running.app.completions, principal, ask({ provider: { order: ['groq'], allowFallbacks: false } }));
    if (outcome.kind !== 'completed') throw outcome.error;
    expect(outcome.provider).toBe('groq');
    expect(outcome.result.text.length).toBeGreaterThan(0);
    expect(outcome.result.finish?.reason).toBe('length');
    const catalog = await running.app.completions.catalog.get();
    const groq = catalog.endpointsOf(LLAMA)!.find((e) => e.providerSlug === 'groq')!;
    const u = outcome.result.usage!;
    const expected = usageCost(catalog.dispatch(groq.id)!.pricing, { inputUncached: u.input.uncached, inputCacheRead: u.input.cacheRead, inputCacheWrite: u.input.cacheWrite, outputText: u.output.text, outputReasoning: u.output.reasoning }).total;
    expect(outcome.cost).toBe(expected);
    expect(outcome.cost).toBeGreaterThan(0n);

    const generation = await (await em()).findOneOrFail(GenerationSchema, { id: outcome.generationId });
    expect(generation).toMatchObject({ status: 'succeeded', model: LLAMA, provider: 'groq', tokensCompletion: 60, cost: expected, finishReason: 'length' });
    expect(await (await em()).count(AttemptSchema, { generation: outcome.generationId })).toBe(1);
    expect(await (await em()).count(LedgerEntrySchema, { generationId: outcome.generationId })).toBe(1);
    expect(await (await em()).count(ReservationSchema, {})).toBe(0);
    expect((await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance).toBe(before - expected);
  });

  it('fails over before the first token and records both attempts and the failure’s health', async () => {
    const deps = depsWith((d) => breaking(d, 'groq'));
    const outcome = await runCompletion(deps, principal, ask({ provider: { order: ['groq', 'together'] } }));
    if (outcome.kind !== 'completed') throw outcome.error;
    expect(outcome.provider).toBe('together');
    expect(outcome.attempts.map((a) => [a.provider, a.status, a.errorCode])).toEqual([
      ['groq', 'failed', 'upstream_unavailable'],
      ['together', 'succeeded', null],
    ]);
    expect(await (await em()).count(AttemptSchema, { generation: outcome.generationId })).toBe(2);
    const groqId = outcome.attempts[0]!.endpointId;
    expect((await deps.health.snapshot(groqId, Date.now())).windows['30s'].failures).toBe(1);
  });

  it.each(['429', '500', '502', '503', '529', 'reset', 'stall'])('fails over from a %s before the first token', async (fault) => {
    // A stall is cut by the first-byte timeout (60 s in production, 300 ms here).
    const deps = fault === 'stall'
      ? { ...depsWith((d) => simulating(d, 'groq', { 'x-sim-fault': 'stall', 'x-sim-stall-ms': '5000' })), http: stallClient }
      : depsWith((d) => faulty(d, 'groq', fault));
    const outcome = await runCompletion(deps, principal, ask({ provider: { order: ['groq', 'together'] } }));
    if (outcome.kind !== 'completed') throw outcome.error;
    expect(outcome.provider).toBe('together');
    expect(outcome.attempts.map((a) => a.status)).toEqual(['failed', 'succeeded']);
  });

  // The simulator cuts these mid-stream, after output has started.
  it.each(['drop', 'malformed'])('after the first token, a %s stream ends the generation with an error — no silent retry, no charge', async (fault) => {
    const before = (await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance;
    const deps = depsWith((d) => faulty(d, 'groq', fault));
    const events = [];
    for await (const event of generationEvents(deps, principal, ask({ provider: { order: ['groq', 'together'] } }))) events.push(event);
    expect(events.filter((e) => e.type === 'output').length).toBeGreaterThan(0);
    const final = events.at(-1)!;
    expect(final).toMatchObject({ type: 'finished', outcome: { kind: 'failed', error: { code: 'upstream_bad_response' } } });
    if (final.type === 'finished' && final.outcome.kind === 'failed') expect(final.outcome.attempts.map((a) => a.provider)).toEqual(['groq']);
    expect((await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance).toBe(before);
  });

  it('bills what was generated when the client cancels after output started, and records it as cancelled', async () => {
    const before = (await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance;
    const controller = new AbortController();
    let generationId = '';
    let outputs = 0;
    let final: CompletionOutcome | undefined;
    const request = ask({ chat: { messages: [{ role: 'user', content: 'A long story, please.' }], maxTokens: 2_000 }, provider: { order: ['groq'], allowFallbacks: false } });
    // Paced at 50 tokens/s so the cancel lands while tokens are still arriving.
    const deps = depsWith((d) => simulating(d, 'groq', { 'x-sim-tokens-per-second': '50', 'x-sim-completion-tokens': '500' }));
    for await (const event of generationEvents(deps, principal, request, controller.signal)) {
      if (event.type === 'admitted') generationId = event.generationId;
      if (event.type === 'output' && ++outputs === 3) controller.abort();
      if (event.type === 'finished') final = event.outcome;
    }
    expect(final).toMatchObject({ kind: 'failed', error: { code: 'cancelled' } });
    const generation = await (await em()).findOneOrFail(GenerationSchema, { id: generationId });
    expect(generation.status).toBe('cancelled');
    expect(generation.cost).toBeGreaterThan(0n);
    expect(generation.tokensCompletion).toBeGreaterThan(0);
    expect((await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance).toBe(before - generation.cost);
  });

  it('charges nothing when every provider fails, and says why', async () => {
    const before = (await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance;
    const deps = depsWith((d) => breaking(d, 'groq'));
    const outcome = await runCompletion(deps, principal, ask({ provider: { only: ['groq'] } }));
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.error.code).toBe('upstream_unavailable');
    const generation = await (await em()).findOneOrFail(GenerationSchema, { id: outcome.generationId! });
    expect(generation).toMatchObject({ status: 'failed', cost: 0n, finishReason: 'error' });
    expect((await (await em()).findOneOrFail(AccountSchema, { id: principal.accountId })).balance).toBe(before);
  });

  it('refuses without a route, or without credits, before reserving anything', async () => {
    const noRoute = await runCompletion(running.app.completions, principal, ask({ provider: { quantizations: ['int4'] } }));
    expect(noRoute).toMatchObject({ kind: 'refused', reason: 'no_route', error: { code: 'not_found' } });
    if (noRoute.kind === 'refused') expect(noRoute.error.message).toMatch(/groq \(meta-llama\/llama-3.3-70b-instruct\) excluded: quantization/);

    const account = await new AccountRepository(await em()).createAccount('Broke');
    const { plaintext } = await issueApiKey(await em(), { accountId: account.id, name: 'broke key', kind: 'inference' });
    const auth = await running.app.auth.authenticate(plaintext);
    if (auth.kind !== 'authenticated') throw new Error('key not accepted');
    const refused = await runCompletion(running.app.completions, auth.principal, ask());
    expect(refused).toMatchObject({ kind: 'refused', reason: 'insufficient_credits', error: { code: 'insufficient_credits' } });
    expect(await (await em()).count(GenerationSchema, { account: account.id })).toBe(0);
  });
});
