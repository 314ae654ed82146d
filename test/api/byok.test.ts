import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { generateKeyringEntry, parseKeyring } from '../../src/gateway/secrets/keyring.js';
import { AttemptSchema, ByokKeySchema, GenerationSchema, LedgerEntrySchema } from '../../src/persistence/entities/index.js';
import { add, formatUsd, parseUsd, percentOf, times } from '../../src/core/billing/money.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { ByokKeyNodeDocument, DeleteByokKeyDocument, SetByokKeyDocument, ViewerByokKeysDocument } from '../gql/graphql.js';

const LLAMA = 'meta-llama/llama-3.3-70b-instruct';
const USER_KEY = 'di-user-own-key-0123456789abcdef';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(await databaseTargets())('BYOK on $name', (target) => {
  let running: RunningApp;
  let simulator: RunningSimulator;
  let other: { accountId: string; management: string; inference: string };

  beforeAll(async () => {
    // Like the real DeepInfra, the simulated one accepts only keys it issued: the user's, not the platform's.
    simulator = await startSimulator({ profiles: {}, requireAuth: (slug, key) => (slug === 'deepinfra' ? key === USER_KEY : key === 'simulated') });
    running = await startTestApp(target, {
      keyring: parseKeyring(generateKeyringEntry('t1')),
      upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} },
      billing: { purchaseFeeBasisPoints: 550n, purchaseFeeMinimum: parseUsd('0.80'), byokFee: { basisPoints: 500n, freeRequestsPerMonth: 1 } },
    });
    const em = (await running.db());
    const account = await new AccountRepository(em).createAccount('Other tenant');
    await new CreditLedger(em.fork()).credit(account.id, 'grant', parseUsd('5'), `grant:${account.id}`);
    other = {
      accountId: account.id,
      management: (await issueApiKey(em.fork(), { accountId: account.id, name: 'admin', kind: 'management' })).plaintext,
      inference: (await issueApiKey(em.fork(), { accountId: account.id, name: 'app', kind: 'inference' })).plaintext,
    };
  });
  afterAll(async () => {
    await running?.stop();
    await simulator?.stop();
  });

  const setKey = (key: string, input: { provider: string; secret: string; alwaysUse?: boolean }) =>
    graphqlHttp(running.url, SetByokKeyDocument, { input }, bearer(key)).then((r) => r.data!.setByokKey);
  const complete = async (key: string, provider: Record<string, unknown> = { order: ['deepinfra'] }) => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(key) },
      body: JSON.stringify({ model: LLAMA, messages: [{ role: 'user', content: 'Say something about keys.' }], max_tokens: 20, provider }),
    });
    return { status: res.status, generationId: res.headers.get('x-generation-id'), body: (await res.json()) as any };
  };
  /** A generation with its attempts in plan order. */
  const generation = async (id: string) => {
    const em = await running.db();
    const row = await em.findOneOrFail(GenerationSchema, { id });
    const attempts = await em.find(AttemptSchema, { generation: id }, { orderBy: { ordinal: 'asc' } });
    return Object.assign(row, { attempts: { getItems: () => attempts } });
  };

  it('without a BYOK key the platform key is refused by DeepInfra and the request fails over', async () => {
    const res = await complete(other.inference);
    expect(res.status).toBe(200);
    expect(res.body.provider).not.toBe('deepinfra');
    const g = await generation(res.body.id);
    expect(g.attempts.getItems().map((a) => [a.provider, a.errorCode, a.httpStatus])).toContainEqual(['deepinfra', 'upstream_unavailable', 401]);
    expect(g.isByok).toBe(false);
  });

  it('stores a key sealed and masked, only for management keys, and answers bad input with typed errors', async () => {
    expect(await setKey(TEST_KEYS.inference, { provider: 'deepinfra', secret: USER_KEY })).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await setKey(TEST_KEYS.management, { provider: 'nope', secret: USER_KEY })).toMatchObject({ __typename: 'InvalidInputError', field: 'provider' });
    expect(await setKey(TEST_KEYS.management, { provider: 'deepinfra', secret: 'a b c d e f' })).toMatchObject({ __typename: 'InvalidInputError', field: 'secret' });

    const set = await setKey(TEST_KEYS.management, { provider: 'deepinfra', secret: USER_KEY });
    expect(set).toMatchObject({ __typename: 'ByokKey', mask: 'di-…cdef', alwaysUse: false, provider: { slug: 'deepinfra' } });
    const listed = await graphqlHttp(running.url, ViewerByokKeysDocument, undefined, bearer(TEST_KEYS.management));
    expect(listed.data!.viewer.byokKeys).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(USER_KEY);
    const rows = await (await running.db()).find(ByokKeySchema, {});
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealedSecret).not.toContain(USER_KEY);
    expect(rows[0]!.sealedSecret).toMatch(/^v1\.t1\./);
  });

  it('sends requests with the account key, free within the monthly allowance, then charges the 5 % BYOK fee', async () => {
    const em = (await running.db());
    const first = await complete(TEST_KEYS.inference);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ provider: 'DeepInfra', usage: { is_byok: true, cost: 0 } });
    const g1 = await generation(first.body.id);
    expect(g1).toMatchObject({ isByok: true, cost: 0n });
    // deepinfra's list price: $0.23/M prompt, $0.40/M completion
    const listCost = add(times(parseUsd('0.00000023'), g1.tokensPrompt), times(parseUsd('0.0000004'), g1.tokensCompletion));
    expect(g1.byokUsage).toBe(listCost);
    expect(await em.count(LedgerEntrySchema, { generationId: first.body.id })).toBe(0);

    const second = await complete(TEST_KEYS.inference);
    const g2 = await generation(second.body.id);
    const fee = percentOf(g2.byokUsage, 500n, 'up');
    expect(fee).toBeGreaterThan(0n);
    expect(g2.cost).toBe(fee);
    const entry = await em.findOneOrFail(LedgerEntrySchema, { generationId: second.body.id });
    expect(entry).toMatchObject({ kind: 'byok_fee', amount: -fee });
    expect(await new CreditLedger(em).inconsistencies()).toEqual([]);
    const key = (await (await fetch(`${running.url}/api/v1/key`, { headers: bearer(TEST_KEYS.inference) })).json()) as { data: Record<string, number> };
    expect(key.data.byok_usage).toBe(Number(formatUsd(add(g1.byokUsage, g2.byokUsage))));
  });

  it('falls back to platform credits when the stored key is refused, unless it is always-use', async () => {
    await setKey(TEST_KEYS.management, { provider: 'deepinfra', secret: 'di-revoked-key-000000000000' });
    const failuresOf = async (endpointId: string) => (await running.app.health.snapshot(endpointId, Date.now())).windows['5m'].failures;
    const deepinfraEndpoint = (await generation((await complete(TEST_KEYS.inference)).body.id)).attempts.getItems()[0]!.endpointId!;
    const failuresBefore = await failuresOf(deepinfraEndpoint);
    const fallback = await complete(TEST_KEYS.inference);
    expect(fallback.status).toBe(200);
    expect(fallback.body.usage.is_byok).toBe(false);
    const g = await generation(fallback.body.id);
    expect(g.attempts.getItems()[0]).toMatchObject({ provider: 'deepinfra', errorCode: 'upstream_unavailable', httpStatus: 401 });
    // One user's revoked key says nothing about DeepInfra's health.
    expect(await failuresOf(deepinfraEndpoint)).toBe(failuresBefore + 1); // the platform key's 401 counts, the user key's does not

    await setKey(TEST_KEYS.management, { provider: 'deepinfra', secret: 'di-revoked-key-000000000000', alwaysUse: true });
    const pinned = await complete(TEST_KEYS.inference, { only: ['deepinfra'] });
    expect(pinned.status).toBe(502);
    const failed = await generation(pinned.generationId!);
    expect(failed).toMatchObject({ status: 'failed', cost: 0n });
    expect(failed.attempts.getItems()).toHaveLength(1);
    await setKey(TEST_KEYS.management, { provider: 'deepinfra', secret: USER_KEY });
  });

  it("keeps each account's BYOK keys to itself: no read, delete or use by another account", async () => {
    const mine = (await graphqlHttp(running.url, ViewerByokKeysDocument, undefined, bearer(TEST_KEYS.management))).data!.viewer.byokKeys[0]!;
    const node = await graphqlHttp(running.url, ByokKeyNodeDocument, { id: mine.id }, bearer(other.management));
    expect(node.data!.node).toBeNull();
    expect((await graphqlHttp(running.url, ViewerByokKeysDocument, undefined, bearer(other.management))).data!.viewer.byokKeys).toEqual([]);
    const deleted = await graphqlHttp(running.url, DeleteByokKeyDocument, { id: mine.id }, bearer(other.management));
    expect(deleted.data!.deleteByokKey).toMatchObject({ __typename: 'NotFoundError' });
    // The other account's request to DeepInfra does not borrow this account's key.
    const theirs = await complete(other.inference, { only: ['deepinfra'] });
    expect(theirs.status).toBe(502);
    const attempts = (await generation(theirs.generationId!)).attempts.getItems();
    expect(attempts.map((a) => [a.provider, a.httpStatus])).toEqual([['deepinfra', 401]]);
  });

  it('treats a sealed key copied onto another account as tampered: unreadable, never used', async () => {
    await setKey(other.management, { provider: 'deepinfra', secret: 'di-their-own-key-00000000000' });
    const em = (await running.db());
    const mine = await em.findOneOrFail(ByokKeySchema, { account: { $ne: other.accountId } });
    const theirs = await em.findOneOrFail(ByokKeySchema, { account: other.accountId });
    theirs.sealedSecret = mine.sealedSecret; // a ciphertext that opens only for its own account
    await em.flush();
    running.app.completions.byok.forget(other.accountId);
    const res = await complete(other.inference, { only: ['deepinfra'] });
    expect(res.status).toBe(502);
    // The unreadable key fails without a call, then the platform key is tried (and refused by DeepInfra).
    const attempts = (await generation(res.generationId!)).attempts.getItems();
    expect(attempts.map((a) => [a.errorCode, a.httpStatus])).toEqual([['upstream_unavailable', null], ['upstream_unavailable', 401]]);
  });

  it('deletes a key, after which the platform key is used again', async () => {
    const mine = (await graphqlHttp(running.url, ViewerByokKeysDocument, undefined, bearer(TEST_KEYS.management))).data!.viewer.byokKeys[0]!;
    const deleted = await graphqlHttp(running.url, DeleteByokKeyDocument, { id: mine.id }, bearer(TEST_KEYS.management));
    expect(deleted.data!.deleteByokKey).toEqual({ __typename: 'DeletedByokKey', deletedByokKeyId: mine.id });
    const res = await complete(TEST_KEYS.inference);
    expect(res.body.usage.is_byok).toBe(false);
  });
});

describe.each(await databaseTargets())('BYOK without SECRET_KEY on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target, { keyring: undefined });
  });
  afterAll(() => running?.stop());

  it(target.name === 'pglite' ? 'works on the embedded default, with a key generated into DATA_DIR' : 'refuses BYOK with a typed error and stores nothing', async () => {
    const set = await graphqlHttp(running.url, SetByokKeyDocument, { input: { provider: 'openai', secret: 'sk-abcdefghijklmnopqrstuvwxyz' } }, bearer(TEST_KEYS.management));
    const database = running.app.database;
    if (target.name === 'pglite') {
      expect(set.data!.setByokKey).toMatchObject({ __typename: 'ByokKey', mask: 'sk-…wxyz' });
    } else {
      expect(set.data!.setByokKey).toMatchObject({ __typename: 'UnavailableError', code: 'UNAVAILABLE' });
      expect(await database.orm.em.fork().count(ByokKeySchema, {})).toBe(0);
    }
  });
});
