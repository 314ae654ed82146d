import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { parseUsd } from '../../src/core/billing/money.js';
import { GenerationSchema } from '../../src/persistence/entities/index.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { startTestCluster, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import { CancelGenerationDocument, CompletionStreamDocument, RoutingDecisionsDocument, StartCompletionDocument, type CompletionInput, type RoutingDecisionsSubscription } from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000000';
const postgres = (await databaseTargets()).find((t) => t.name === 'postgres');
const shared = postgres && (await redisAvailable()) ? [postgres] : [];
if (shared.length === 0) console.warn('two-instance tests need PostgreSQL and Redis: skipped');

const ask: CompletionInput = {
  model: 'meta-llama/llama-3.3-70b-instruct',
  messages: [{ role: 'user', content: 'Describe a load balancer in detail.' }],
  maxTokens: 40,
  provider: { order: ['groq'], allowFallbacks: false },
};
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
type Decision = RoutingDecisionsSubscription['routingDecisions'];
const generationOf = (d: Decision) =>
  d.__typename === 'RoutingPlanned' ? d.plannedGenerationId : d.__typename === 'RoutingFinished' ? d.finishedGenerationId : d.generationId;

describe.each(shared)('two instances sharing $name and Redis', (target) => {
  let simulator: RunningSimulator;
  let cluster: Awaited<ReturnType<typeof startTestCluster>>;
  let a: RunningApp;
  let b: RunningApp;
  let otherKey: string;
  const clients: Client[] = [];
  const ws = (app: RunningApp, key: string) => {
    const client = graphqlWsClient(app.url, { authorization: `Bearer ${key}` });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // Answers of 2,000 tokens at 200 tokens/s: max_tokens keeps most tests short, one runs long to be cancelled.
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, tokensPerSecond: 200, completionTokens: 2_000 } });
    cluster = await startTestCluster(target, 2, {
      redisUrl: REDIS_URL,
      operatorKey: OPERATOR_KEY,
      upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} },
    });
    [a, b] = cluster.apps as [RunningApp, RunningApp];
    const em = a.app.database.orm.em.fork();
    const other = await new AccountRepository(em).createAccount('Other tenant');
    await new CreditLedger(em.fork()).credit(other.id, 'grant', parseUsd('1'), `grant:${other.id}`);
    otherKey = (await issueApiKey(em.fork(), { accountId: other.id, name: 'k', kind: 'inference' })).plaintext;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await cluster?.stop();
    await simulator?.stop();
  });

  const start = async (app: RunningApp, key: string = TEST_KEYS.inference, input: CompletionInput = ask) => {
    const started = (await graphqlHttp(app.url, StartCompletionDocument, { input }, bearer(key))).data!.startCompletion;
    if (started.__typename !== 'StartedCompletion') throw new Error(`not started: ${started.__typename}`);
    return started.generationId;
  };

  it('streams a generation started on A from B, resuming on B after a cut on A, with no gap or duplicate', async () => {
    const generationId = await start(a);
    const cursors: number[] = [];
    let text = '';
    let finishedText: string | null = null;
    const onA = graphqlWsSubscribe(ws(a, TEST_KEYS.inference), CompletionStreamDocument, { generationId });
    for await (const result of onA) {
      const e = result.data!.completionStream;
      cursors.push(Number((e as { cursor: string }).cursor));
      if (e.__typename === 'TextDelta') text += e.text;
      if (cursors.length === 4) break; // the client loses A here
    }
    const onB = graphqlWsSubscribe(ws(b, TEST_KEYS.inference), CompletionStreamDocument, { generationId, after: String(cursors.at(-1)) });
    for await (const result of onB) {
      const e = result.data!.completionStream;
      cursors.push(Number((e as { cursor: string }).cursor));
      if (e.__typename === 'TextDelta') text += e.text;
      if (e.__typename === 'CompletionFinished') finishedText = e.text;
    }
    expect(cursors).toEqual(cursors.map((_, i) => i + 1));
    expect(finishedText).not.toBeNull();
    expect(text).toBe(finishedText);
  });

  it('cancels on B a generation running on A: its stream ends cancelled and it is settled once', async () => {
    const generationId = await start(a, TEST_KEYS.inference, { ...ask, maxTokens: 2_000 });
    const stream = graphqlWsSubscribe(ws(a, TEST_KEYS.inference), CompletionStreamDocument, { generationId });
    const cancelled = await graphqlHttp(b.url, CancelGenerationDocument, { generationId }, bearer(TEST_KEYS.inference));
    expect(cancelled.data!.cancelGeneration).toMatchObject({ cancelled: true });
    let last: string | undefined;
    let code: string | undefined;
    for await (const result of stream) {
      const e = result.data!.completionStream;
      last = e.__typename;
      if (e.__typename === 'CompletionFailed') code = e.code;
    }
    expect([last, code]).toEqual(['CompletionFailed', 'CANCELLED']);
    await a.db(); // A ran it: its settlement is committed once A flushed
    const row = await (await b.db()).findOneOrFail(GenerationSchema, { id: generationId });
    expect(row.status).toBe('cancelled');
    expect(row.tokensCompletion).toBeLessThan(2_000);
    const again = await graphqlHttp(b.url, CancelGenerationDocument, { generationId }, bearer(TEST_KEYS.inference));
    expect(again.data!.cancelGeneration).toMatchObject({ cancelled: false });
  });

  it('delivers routing decisions made on both instances to one subscriber, only its own account’s; the operator sees all', async () => {
    const mine: Decision[] = [];
    const theirs: Decision[] = [];
    const operator: Decision[] = [];
    const listen = (client: Client, into: Decision[]) =>
      (async () => {
        for await (const result of graphqlWsSubscribe(client, RoutingDecisionsDocument, {})) into.push(result.data!.routingDecisions);
      })();
    void listen(ws(a, TEST_KEYS.inference), mine);
    void listen(ws(b, otherKey), theirs);
    void listen(ws(b, OPERATOR_KEY), operator);
    await new Promise((r) => setTimeout(r, 300)); // subscriptions established on both instances
    const [onA, onB, other] = [await start(a), await start(b), await start(a, otherKey)];
    const finished = (list: Decision[], id: string) => list.some((d) => d.__typename === 'RoutingFinished' && d.finishedGenerationId === id);
    const deadline = Date.now() + 10_000;
    while (!(finished(mine, onA) && finished(mine, onB) && finished(theirs, other) && finished(operator, other)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    for (const id of [onA, onB]) {
      expect(mine.filter((d) => generationOf(d) === id).map((d) => d.__typename)).toEqual(['RoutingPlanned', 'RoutingAttempt', 'RoutingFinished']);
    }
    const planned = mine.find((d) => d.__typename === 'RoutingPlanned' && d.plannedGenerationId === onA);
    expect(planned).toMatchObject({ mode: 'ordered', candidates: [{ provider: 'groq', reason: 'order' }] });
    expect(mine.some((d) => generationOf(d) === other)).toBe(false);
    expect(theirs.map(generationOf).filter((id) => id === onA || id === onB)).toEqual([]);
    expect(theirs.some((d) => generationOf(d) === other)).toBe(true);
    expect(new Set(operator.map(generationOf))).toEqual(new Set([onA, onB, other]));
  });

  // Last: it leaves groq's breaker open for this cluster.
  it('routes around on B an endpoint whose failures A measured', async () => {
    const groq = (await a.app.completions.catalog.get()).endpointsOf('meta-llama/llama-3.3-70b-instruct')!.find((e) => e.providerSlug === 'groq')!;
    for (let i = 0; i < 10; i++) await a.app.health.record(groq.id, { kind: 'failure', cause: 'server_error' }, Date.now());
    const deadline = Date.now() + 5_000;
    while ((await b.app.health.snapshot(groq.id, Date.now())).breaker !== 'open' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const res = await fetch(`${b.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(TEST_KEYS.inference) },
      body: JSON.stringify({ model: ask.model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 5, provider: { order: ['groq', 'together'] } }),
    });
    const body = (await res.json()) as { provider: string };
    expect(body.provider).toBe('Together'); // B never called groq: its breaker is open on B too
  });
});
