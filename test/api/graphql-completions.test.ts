import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { GenerationSchema, LedgerEntrySchema } from '../../src/persistence/entities/index.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import {
  CancelGenerationDocument,
  CompleteDocument,
  CompletionStreamDocument,
  GenerationRecordDocument,
  StartCompletionDocument,
  ViewerGenerationsDocument,
  type CompletionEventFieldsFragment,
  type CompletionInput,
} from '../gql/graphql.js';

const LLAMA = 'meta-llama/llama-3.3-70b-instruct';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const ask = (overrides: Partial<CompletionInput> = {}): CompletionInput => ({
  model: LLAMA,
  messages: [{ role: 'user', content: 'Write about streaming over websockets.' }],
  maxTokens: 24,
  provider: { order: ['groq'], allowFallbacks: false },
  ...overrides,
});

type Event = CompletionEventFieldsFragment;
async function collect(iterator: AsyncIterableIterator<{ data?: unknown; errors?: readonly { message: string }[] | undefined }>, field: 'complete' | 'completionStream', stopAfter = Infinity): Promise<Event[]> {
  const events: Event[] = [];
  for await (const result of iterator) {
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    events.push((result.data as Record<string, Event>)[field]!);
    if (events.length >= stopAfter) {
      await iterator.return?.();
      break;
    }
  }
  return events;
}
const textOf = (events: Event[]) => events.map((e) => (e.__typename === 'TextDelta' ? e.text : '')).join('');

describe.each(await databaseTargets())('GraphQL inference on $name', (target) => {
  let running: RunningApp;
  let simulator: RunningSimulator;
  let ws: Client;
  beforeAll(async () => {
    // Paced output (200 tokens/s) of long answers (cut by max_tokens), so a generation is still running when a test cancels or reconnects.
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, tokensPerSecond: 200, completionTokens: 1_500 } });
    running = await startTestApp(target, { upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} } });
    ws = graphqlWsClient(running.url, { authorization: `Bearer ${TEST_KEYS.inference}` });
  });
  afterAll(async () => {
    await ws?.dispose();
    await running?.stop();
    await simulator?.stop();
  });

  it('streams a completion over graphql-ws: routing, text deltas, usage, finish — billed exactly as recorded', async () => {
    const events = await collect(graphqlWsSubscribe(ws, CompleteDocument, { input: ask() }), 'complete');
    expect(events[0]).toMatchObject({ __typename: 'AttemptStarted', provider: 'groq', model: LLAMA, byok: false });
    const [usage, finished] = events.slice(-2);
    expect(usage).toMatchObject({ __typename: 'UsageReported', completionTokens: 24 });
    expect(finished).toMatchObject({ __typename: 'CompletionFinished', provider: 'groq', finishReason: 'length' });
    if (finished?.__typename !== 'CompletionFinished' || usage?.__typename !== 'UsageReported') throw new Error('unexpected ending');
    expect(textOf(events)).toBe(finished.text);
    expect(events.map((e) => Number((e as { cursor: string }).cursor))).toEqual(events.map((_, i) => i + 1));
    const replayed = await collect(graphqlWsSubscribe(ws, CompletionStreamDocument, { generationId: finished.generationId, after: '0' }), 'completionStream');
    expect(replayed).toEqual(events);

    const record = await graphqlHttp(running.url, GenerationRecordDocument, { id: finished.generationId }, bearer(TEST_KEYS.inference));
    expect(record.data!.generation).toMatchObject({ status: 'succeeded', streamed: true, completionTokens: 24, cost: usage.cost, attempts: [{ provider: 'groq', status: 'succeeded' }] });
    const em = (await running.db());
    expect(await em.count(LedgerEntrySchema, { generationId: finished.generationId, kind: 'usage' })).toBe(1);
    const listed = await graphqlHttp(running.url, ViewerGenerationsDocument, { first: 5 }, bearer(TEST_KEYS.inference));
    expect(listed.data!.viewer.generations.edges.map((e) => e.node.id)).toContain(finished.generationId);
  });

  it('resumes after a dropped socket from the last cursor with no gap and no duplicate', async () => {
    const started = (await graphqlHttp(running.url, StartCompletionDocument, { input: ask({ maxTokens: 60 }) }, bearer(TEST_KEYS.inference))).data!.startCompletion;
    if (started.__typename !== 'StartedCompletion') throw new Error(`not started: ${started.__typename}`);
    const first = graphqlWsClient(running.url, { authorization: `Bearer ${TEST_KEYS.inference}` });
    const before = await collect(graphqlWsSubscribe(first, CompletionStreamDocument, { generationId: started.generationId, after: started.cursor }), 'completionStream', 5);
    await first.dispose(); // the socket goes away mid-stream
    const last = (before.at(-1) as { cursor: string }).cursor;
    const after = await collect(graphqlWsSubscribe(ws, CompletionStreamDocument, { generationId: started.generationId, after: last }), 'completionStream');
    const all = [...before, ...after];
    expect(all.map((e) => Number((e as { cursor: string }).cursor))).toEqual(all.map((_, i) => i + 1));
    const finished = all.at(-1);
    if (finished?.__typename !== 'CompletionFinished') throw new Error(`ended with ${finished?.__typename}`);
    // No gap and no duplicate: exactly the events of one uninterrupted replay of the whole log.
    const replayed = await collect(graphqlWsSubscribe(ws, CompletionStreamDocument, { generationId: started.generationId, after: started.cursor }), 'completionStream');
    expect(all).toEqual(replayed);
    expect(textOf(all)).toBe(finished.text);
  });

  it('cancels a running generation: the stream ends with CompletionFailed and it is settled once', async () => {
    const started = (await graphqlHttp(running.url, StartCompletionDocument, { input: ask({ maxTokens: 2000 }) }, bearer(TEST_KEYS.inference))).data!.startCompletion;
    if (started.__typename !== 'StartedCompletion') throw new Error('not started');
    const stream = graphqlWsSubscribe(ws, CompletionStreamDocument, { generationId: started.generationId });
    const events: Event[] = [];
    for await (const result of stream) {
      const event = result.data!.completionStream;
      events.push(event);
      if (event.__typename === 'TextDelta' && events.filter((e) => e.__typename === 'TextDelta').length === 3) {
        const cancelled = await graphqlHttp(running.url, CancelGenerationDocument, { generationId: started.generationId }, bearer(TEST_KEYS.inference));
        expect(cancelled.data!.cancelGeneration).toEqual({ __typename: 'CancelledGeneration', generationId: started.generationId, cancelled: true });
      }
    }
    expect(events.at(-1)).toMatchObject({ __typename: 'CompletionFailed', code: 'CANCELLED' });
    const em = (await running.db());
    const row = await em.findOneOrFail(GenerationSchema, { id: started.generationId });
    expect(row).toMatchObject({ status: 'cancelled', cancelled: true });
    expect(row.tokensCompletion).toBeGreaterThan(0);
    expect(row.tokensCompletion).toBeLessThan(2000);
    expect(await em.count(LedgerEntrySchema, { generationId: started.generationId })).toBe(1);
    const again = await graphqlHttp(running.url, CancelGenerationDocument, { generationId: started.generationId }, bearer(TEST_KEYS.inference));
    expect(again.data!.cancelGeneration).toMatchObject({ cancelled: false });
  });

  it('answers invalid input, unknown models and missing credits with typed errors, and persists nothing', async () => {
    const start = (input: CompletionInput, key: string = TEST_KEYS.inference) =>
      graphqlHttp(running.url, StartCompletionDocument, { input }, bearer(key)).then((r) => r.data!.startCompletion);
    const em = (await running.db());
    const before = await em.count(GenerationSchema, {});
    expect(await start(ask({ messages: [] }))).toMatchObject({ __typename: 'InvalidInputError', field: 'messages' });
    expect(await start(ask({ options: { temperature: 'hot' } }))).toMatchObject({ __typename: 'InvalidInputError', field: 'temperature' });
    const noRoute = await start(ask({ model: 'nobody/no-such-model', provider: null }));
    expect(noRoute).toMatchObject({ __typename: 'CompletionRefusedError', code: 'NO_ROUTE' });
    const excluded = await start(ask({ provider: { only: ['Anthropic'] } }));
    expect(excluded).toMatchObject({ __typename: 'CompletionRefusedError', code: 'NO_ROUTE', message: expect.stringMatching(/groq/) });
    expect(await start(ask({ provider: { only: ['no-such-host'] } }))).toMatchObject({ __typename: 'CompletionRefusedError', code: 'UNKNOWN_PROVIDER' });

    const broke = await new AccountRepository(em).createAccount('Broke');
    const { plaintext } = await issueApiKey(em.fork(), { accountId: broke.id, name: 'k', kind: 'inference' });
    expect(await start(ask(), plaintext)).toMatchObject({ __typename: 'CompletionRefusedError', code: 'INSUFFICIENT_CREDITS' });
    expect(await em.fork().count(GenerationSchema, {})).toBe(before);
    expect(await new CreditLedger(em.fork()).inconsistencies()).toEqual([]);
  });

  it("never lets another account stream, cancel or read a generation", async () => {
    const em = (await running.db());
    const other = await new AccountRepository(em).createAccount('Other');
    const { plaintext } = await issueApiKey(em.fork(), { accountId: other.id, name: 'k', kind: 'inference' });
    const started = (await graphqlHttp(running.url, StartCompletionDocument, { input: ask() }, bearer(TEST_KEYS.inference))).data!.startCompletion;
    if (started.__typename !== 'StartedCompletion') throw new Error('not started');
    const theirWs = graphqlWsClient(running.url, { authorization: `Bearer ${plaintext}` });
    try {
      await expect(collect(graphqlWsSubscribe(theirWs, CompletionStreamDocument, { generationId: started.generationId }), 'completionStream')).rejects.toEqual([
        expect.objectContaining({ message: expect.stringMatching(/No running or recent generation/), extensions: { code: 'NOT_FOUND' } }),
      ]);
    } finally {
      await theirWs.dispose();
    }
    const cancel = await graphqlHttp(running.url, CancelGenerationDocument, { generationId: started.generationId }, bearer(plaintext));
    expect(cancel.data!.cancelGeneration).toMatchObject({ __typename: 'NotFoundError' });
    await collect(graphqlWsSubscribe(ws, CompletionStreamDocument, { generationId: started.generationId }), 'completionStream');
    const read = await graphqlHttp(running.url, GenerationRecordDocument, { id: started.generationId }, bearer(plaintext));
    expect(read.data!.generation).toBeNull();
    expect((await graphqlHttp(running.url, GenerationRecordDocument, { id: started.generationId }, bearer(TEST_KEYS.inference))).data!.generation).not.toBeNull();
  });
});
