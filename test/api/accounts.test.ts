import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, startTestCluster, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import {
  CreateAccountDocument,
  PlanExclusionsDocument,
  RenameAccountDocument,
  ResumeAccountDocument,
  SetAccountRoutingDefaultsDocument,
  SuspendAccountDocument,
} from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const MODEL = 'meta-llama/llama-3.3-70b-instruct';

const keyStatus = async (url: string, key: string) => (await fetch(`${url}/api/v1/key`, { headers: bearer(key) })).status;
const complete = (url: string, key: string, provider: Record<string, unknown> = {}) =>
  fetch(`${url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(key) },
    body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 5, provider }),
  });

describe.each(await databaseTargets())('accounts on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target, { operatorKey: OPERATOR_KEY });
  });
  afterAll(() => running?.stop());

  const create = (key: string, name: string) => graphqlHttp(running.url, CreateAccountDocument, { input: { name } }, bearer(key));

  it('lets the operator onboard a tenant over GraphQL: create (first management key shown once), rename, suspend (403 at once), resume', async () => {
    const created = (await create(OPERATOR_KEY, 'Acme')).data!.createAccount;
    if (created.__typename !== 'CreatedAccount') throw new Error(JSON.stringify(created));
    expect(created.account).toMatchObject({ name: 'Acme', status: 'ACTIVE', routingDefaults: { ignoredProviders: [], dataCollection: 'ALLOW', zdrOnly: false } });
    const key = created.managementKey;
    expect(key).toMatch(/^sk-sy-v1-/);
    // The tenant's own key works, and mints an inference key of its own.
    expect(await keyStatus(running.url, key)).toBe(200);
    const minted = await fetch(`${running.url}/api/v1/keys`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) }, body: JSON.stringify({ name: 'app' }) });
    expect(minted.status).toBe(201);
    const inferenceKey = ((await minted.json()) as { key: string }).key;

    const renamed = (await graphqlHttp(running.url, RenameAccountDocument, { accountId: created.account.id, name: 'Acme Corp' }, bearer(OPERATOR_KEY))).data!.renameAccount;
    expect(renamed).toMatchObject({ __typename: 'Account', name: 'Acme Corp' });

    const suspended = (await graphqlHttp(running.url, SuspendAccountDocument, { accountId: created.account.id }, bearer(OPERATOR_KEY))).data!.suspendAccount;
    expect(suspended).toMatchObject({ __typename: 'Account', status: 'SUSPENDED', suspendedAt: expect.any(String) });
    // Both keys were cached by the requests above: the suspension applies at once anyway.
    expect(await keyStatus(running.url, key)).toBe(403);
    expect(await keyStatus(running.url, inferenceKey)).toBe(403);
    expect((await complete(running.url, inferenceKey)).status).toBe(403);
    const overGraphql = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(inferenceKey) }, body: JSON.stringify({ query: '{ viewer { account { name } } }' }) });
    expect(overGraphql.status).toBe(403);
    expect(await overGraphql.json()).toMatchObject({ errors: [{ message: 'This account is suspended', extensions: { code: 'FORBIDDEN' } }] });

    const resumed = (await graphqlHttp(running.url, ResumeAccountDocument, { accountId: created.account.id }, bearer(OPERATOR_KEY))).data!.resumeAccount;
    expect(resumed).toMatchObject({ status: 'ACTIVE', suspendedAt: null });
    expect(await keyStatus(running.url, inferenceKey)).toBe(200);
  });

  it('refuses account administration to anyone but the operator, with typed errors', async () => {
    expect((await create(TEST_KEYS.management, 'Nope')).data!.createAccount).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await create(OPERATOR_KEY, '  ')).data!.createAccount).toMatchObject({ __typename: 'InvalidInputError' });
    const res = await fetch(`${running.url}/api/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(TEST_KEYS.management) }, body: JSON.stringify({ name: 'Nope' }) });
    expect(res.status).toBe(403);
  });

  it('does the same over REST under the operator key', async () => {
    const post = await fetch(`${running.url}/api/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(OPERATOR_KEY) }, body: JSON.stringify({ name: 'Globex', provider_defaults: { zdr: true } }) });
    expect(post.status).toBe(201);
    const { data, key } = (await post.json()) as { data: { id: string; name: string; status: string; provider_defaults: unknown }; key: string };
    expect(data).toMatchObject({ name: 'Globex', status: 'active', provider_defaults: { ignore: [], data_collection: 'allow', zdr: true } });
    const patch = (body: unknown, as = OPERATOR_KEY) =>
      fetch(`${running.url}/api/v1/accounts/${data.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...bearer(as) }, body: JSON.stringify(body) });
    expect(((await (await patch({ name: 'Globex Inc' })).json()) as { data: { name: string } }).data.name).toBe('Globex Inc');
    expect(await keyStatus(running.url, key)).toBe(200);
    expect(((await (await patch({ suspended: true })).json()) as { data: { status: string } }).data.status).toBe('suspended');
    expect(await keyStatus(running.url, key)).toBe(403);
    expect(await (await fetch(`${running.url}/api/v1/key`, { headers: bearer(key) })).json()).toEqual({ error: { code: 403, message: 'This account is suspended' } });
    expect((await patch({ suspended: false })).status).toBe(200);
    expect(await keyStatus(running.url, key)).toBe(200);
    // The tenant may set its own provider defaults, but not rename or suspend itself.
    expect((await patch({ provider_defaults: { data_collection: 'deny' } }, key)).status).toBe(200);
    expect((await patch({ suspended: true }, key)).status).toBe(403);
    expect((await fetch(`${running.url}/api/v1/accounts/${data.id}`, { headers: bearer(key) })).status).toBe(200);
    expect((await patch({ bogus: 1 })).status).toBe(400);
  });

  it("applies the account's provider defaults to every request and shows them in the routing decision", async () => {
    const created = (await create(OPERATOR_KEY, 'Initech')).data!.createAccount;
    if (created.__typename !== 'CreatedAccount') throw new Error(JSON.stringify(created));
    const key = created.managementKey;
    const set = await graphqlHttp(running.url, SetAccountRoutingDefaultsDocument, { accountId: created.account.id, routingDefaults: { ignoredProviders: ['groq'] } }, bearer(key));
    expect(set.data!.setAccountRoutingDefaults).toMatchObject({ routingDefaults: { ignoredProviders: ['groq'], dataCollection: 'ALLOW', zdrOnly: false } });

    const plan = (await graphqlHttp(running.url, PlanExclusionsDocument, { input: { model: MODEL } }, bearer(key))).data!.routePlan;
    if (plan.__typename !== 'RoutePlan') throw new Error(JSON.stringify(plan));
    expect(plan.excluded).toContainEqual({ providerSlug: 'groq', code: 'IGNORED' });
    expect(plan.attempts.map((a) => a.endpoint.provider.slug)).not.toContain('groq');
    // Another account's view of the same request still includes groq.
    const other = (await graphqlHttp(running.url, PlanExclusionsDocument, { input: { model: MODEL } }, bearer(TEST_KEYS.inference))).data!.routePlan;
    if (other.__typename !== 'RoutePlan') throw new Error(JSON.stringify(other));
    expect(other.attempts.map((a) => a.endpoint.provider.slug)).toContain('groq');

    // Asking for groq explicitly cannot widen what the account allows: the request is served elsewhere.
    const res = await complete(running.url, key, { order: ['groq'] });
    expect(res.status).toBe(402); // no credits yet: refused after routing, which never planned groq
    expect((await complete(running.url, key, { only: ['groq'] })).status).toBe(404); // no route: groq was the only one asked for
  });
});

const postgres = (await databaseTargets()).find((t) => t.name === 'postgres');

describe.runIf(postgres && (await redisAvailable()))('suspension across instances', () => {
  it('refuses a suspended account’s key at once on the other instance, which had it cached', async () => {
    const cluster = await startTestCluster(postgres!, 2, { operatorKey: OPERATOR_KEY, redisUrl: REDIS_URL });
    try {
      const [a, b] = cluster.apps;
      const created = (await graphqlHttp(a!.url, CreateAccountDocument, { input: { name: 'Umbrella' } }, bearer(OPERATOR_KEY))).data!.createAccount;
      if (created.__typename !== 'CreatedAccount') throw new Error(JSON.stringify(created));
      expect(await keyStatus(b!.url, created.managementKey)).toBe(200); // now cached on b for 30 s
      await graphqlHttp(a!.url, SuspendAccountDocument, { accountId: created.account.id }, bearer(OPERATOR_KEY));
      // The change travels over Redis pub/sub; b forgets the key as soon as it hears it.
      let status = 0;
      for (let i = 0; i < 100 && status !== 403; i++) {
        status = await keyStatus(b!.url, created.managementKey);
        if (status !== 403) await new Promise((r) => setTimeout(r, 10));
      }
      expect(status).toBe(403);
    } finally {
      await cluster.stop();
    }
  });
});
