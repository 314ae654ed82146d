import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeySchema } from '../../src/persistence/entities/index.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWs, graphqlWsClient } from '../support/graphql-client.js';
import { ViewerDocument } from '../gql/graphql.js';

describe.each(await databaseTargets())('keys, viewer and credits on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target);
  });
  afterAll(() => running?.stop());

  const rest = async (path: string, key?: string) => {
    const res = await fetch(`${running.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };
  const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

  it('shows the caller its account and key over HTTP', async () => {
    const res = await graphqlHttp(running.url, ViewerDocument, undefined, withKey(TEST_KEYS.inference));
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer.account).toEqual({ name: 'Development', balance: '10', reserved: '0', available: '10' });
    expect(res.data!.viewer.key).toMatchObject({ kind: 'INFERENCE', prefix: TEST_KEYS.inference.slice(0, 13), limit: null });
  });

  it('authenticates graphql-ws operations from the connection_init payload', async () => {
    const client = graphqlWsClient(running.url, { authorization: `Bearer ${TEST_KEYS.management}` });
    try {
      const res = await graphqlWs(client, ViewerDocument);
      expect(res.data!.viewer.key.kind).toBe('MANAGEMENT');
    } finally {
      await client.dispose();
    }
  });

  it('closes a graphql-ws connection whose connection_init carries a bad key (4403)', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = graphqlWsClient(running.url, { authorization: 'Bearer sk-sy-v1-not-a-real-key-00000000000000000000000' });
      client.on('closed', (event) => resolve((event as { code: number }).code));
      client.subscribe({ query: '{ providers { slug } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(await closed).toBe(4403);
  });

  it('asks anonymous callers for a key and refuses unknown, disabled and expired keys with 401', async () => {
    const anonymous = await graphqlHttp(running.url, ViewerDocument);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const unknown = await graphqlHttp(running.url, ViewerDocument, undefined, withKey('sk-sy-v1-not-a-real-key-00000000000000000000000'));
    expect(unknown.status).toBe(401);
    expect(unknown.errors?.[0]?.message).toBe('Invalid API key');

    const em = (await running.db());
    const account = (await em.findOneOrFail(ApiKeySchema, { prefix: TEST_KEYS.inference.slice(0, 13) })).account.id;
    const expired = await issueApiKey(em.fork(), { accountId: account, name: 'old', kind: 'inference', expiresAt: new Date(Date.now() - 1000) });
    expect((await rest('/api/v1/key', expired.plaintext)).status).toBe(401);
    expect((await rest('/api/v1/key', expired.plaintext)).body.error.message).toMatch(/expired/);
    const disabled = await issueApiKey(em.fork(), { accountId: account, name: 'off', kind: 'inference' });
    await em.fork().nativeUpdate(ApiKeySchema, { id: disabled.key.id }, { disabled: true });
    expect((await rest('/api/v1/key', disabled.plaintext)).body).toEqual({ error: { code: 401, message: 'This API key is disabled' } });
    expect((await rest('/api/v1/credits')).status).toBe(401);
  });

  it('reports the key and the credits in OpenRouter shape', async () => {
    const key = await rest('/api/v1/key', TEST_KEYS.inference);
    expect(key.status).toBe(200);
    expect(key.body.data).toMatchObject({ label: TEST_KEYS.inference.slice(0, 13), limit: null, limit_remaining: null, usage: 0, usage_daily: 0, is_free_tier: false });
    expect(await rest('/api/v1/credits', TEST_KEYS.inference)).toEqual({ status: 200, body: { data: { total_credits: 10, total_usage: 0 } } });
  });

  it('never stores a key in plaintext', async () => {
    const rows = await running.app.database.orm.em.getConnection().execute<{ hash: string; prefix: string }[]>('select hash, prefix from api_key');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(TEST_KEYS.inference);
    expect(dump).not.toContain(TEST_KEYS.management);
  });
});
