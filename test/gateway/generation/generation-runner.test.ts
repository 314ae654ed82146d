import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerationRunner } from '../../../src/gateway/generation/generation-runner.js';
import { createMemoryGenerationLog } from '../../../src/realtime/memory-generation-log.js';
import { createAppPubSub } from '../../../src/realtime/pubsub.js';
import type { GenerationLog } from '../../../src/realtime/generation-log.js';
import type { GenerationEvent } from '../../../src/gateway/generation/generation-events.js';
import { GenerationSchema, LedgerEntrySchema } from '../../../src/persistence/entities/index.js';
import { CreditLedger } from '../../../src/persistence/repositories/credit-ledger.js';
import type { Principal } from '../../../src/gateway/auth/principal.js';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';

const [target] = await databaseTargets();
const input = {
  chat: { messages: [{ role: 'user' as const, content: 'hello' }], maxTokens: 10 },
  models: ['meta-llama/llama-3.3-70b-instruct'],
  provider: {},
  usedParameters: ['max_tokens' as const],
  inputModalities: [],
  sessionId: null,
  stream: true,
};

describe('generation runner', () => {
  let running: RunningApp;
  let principal: Principal;
  beforeAll(async () => {
    running = await startTestApp(target!);
    const auth = await running.app.auth.authenticate(TEST_KEYS.inference);
    if (auth.kind !== 'authenticated') throw new Error('no principal');
    principal = auth.principal;
  });
  afterAll(() => running?.stop());

  it('when the event log cannot be reached, refuses the stream, stops the generation and settles it at no cost', async () => {
    const working = createMemoryGenerationLog<GenerationEvent>();
    const unreachable: GenerationLog<GenerationEvent> = { ...working, open: () => Promise.reject(new Error('connection is closed')) };
    const errors: unknown[] = [];
    const runner = createGenerationRunner({ pipeline: running.app.completions, log: unreachable, pubsub: createAppPubSub(), isSettled: async () => false, onError: (error) => errors.push(error) });
    const started = await runner.start(principal, input);
    expect(started).toMatchObject({ kind: 'refused', error: { code: 'service_unavailable' } });
    expect(errors).toHaveLength(1);
    expect(running.app.completions.inFlight.size).toBe(0);
    const em = (await running.db());
    const [row] = await em.find(GenerationSchema, {}, { orderBy: { createdAt: 'desc' }, limit: 1 });
    expect(row).toMatchObject({ status: 'cancelled', cost: 0n, tokensCompletion: 0 });
    expect(await em.count(LedgerEntrySchema, { generationId: row!.id })).toBe(0);
    expect(await new CreditLedger(em).inconsistencies()).toEqual([]);
    await runner.stop();
  });
});
