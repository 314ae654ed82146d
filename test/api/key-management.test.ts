import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { type CreateKeyMutationVariables, CreateKeyDocument, DeleteKeyDocument, KeyNodeDocument, UpdateKeyDocument, ViewerDocument, ViewerKeysDocument } from '../gql/graphql.js';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(await databaseTargets())('key management on $name', (target) => {
  let running: RunningApp;
  let otherManagementKey: string;
  beforeAll(async () => {
    running = await startTestApp(target);
    const em = running.app.database.orm.em.fork();
    const other = await new AccountRepository(em).createAccount('Someone else');
    otherManagementKey = (await issueApiKey(em.fork(), { accountId: other.id, name: 'their admin', kind: 'management' })).plaintext;
  });
  afterAll(() => running?.stop());

  const create = (key: string, input: CreateKeyMutationVariables['input']) =>
    graphqlHttp(running.url, CreateKeyDocument, { input }, bearer(key));

  it('creates a key whose secret works at once and is never shown again', async () => {
    const res = await create(TEST_KEYS.management, { name: 'ci', limit: '2.5', limitReset: 'DAILY' });
    const created = res.data!.createKey;
    if (created.__typename !== 'CreatedKey') throw new Error(`unexpected ${created.__typename}`);
    expect(created.key).toMatchObject({ name: 'ci', kind: 'INFERENCE', limit: '2.5', limitRemaining: '2.5', limitReset: 'DAILY' });
    const me = await graphqlHttp(running.url, ViewerDocument, undefined, bearer(created.secret));
    expect(me.data!.viewer.key.name).toBe('ci');
    const listed = await graphqlHttp(running.url, ViewerKeysDocument, undefined, bearer(TEST_KEYS.management));
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it('answers bad input and missing permission with typed union members', async () => {
    const blank = (await create(TEST_KEYS.management, { name: '   ' })).data!.createKey;
    expect(blank).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'name' });
    const negative = (await create(TEST_KEYS.management, { name: 'x', limit: '-1' })).data!.createKey;
    expect(negative).toMatchObject({ __typename: 'InvalidInputError', field: 'limit' });
    const fromInference = (await create(TEST_KEYS.inference, { name: 'x' })).data!.createKey;
    expect(fromInference).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('disables a key effective immediately, and deletes it', async () => {
    const created = (await create(TEST_KEYS.management, { name: 'temp' })).data!.createKey;
    if (created.__typename !== 'CreatedKey') throw new Error('not created');
    expect((await graphqlHttp(running.url, ViewerDocument, undefined, bearer(created.secret))).status).toBe(200);
    const disabled = await graphqlHttp(running.url, UpdateKeyDocument, { input: { id: created.key.id, disabled: true } }, bearer(TEST_KEYS.management));
    expect(disabled.data!.updateKey).toMatchObject({ __typename: 'ApiKey', disabled: true });
    const refused = await graphqlHttp(running.url, ViewerDocument, undefined, bearer(created.secret));
    expect(refused.status).toBe(401);
    const deleted = await graphqlHttp(running.url, DeleteKeyDocument, { id: created.key.id }, bearer(TEST_KEYS.management));
    expect(deleted.data!.deleteKey).toEqual({ __typename: 'DeletedKey', deletedKeyId: created.key.id });
  });

  it("never lets another account see or change this account's keys", async () => {
    const created = (await create(TEST_KEYS.management, { name: 'private' })).data!.createKey;
    if (created.__typename !== 'CreatedKey') throw new Error('not created');
    const theirs = bearer(otherManagementKey);
    const asNode = await graphqlHttp(running.url, KeyNodeDocument, { id: created.key.id }, theirs);
    expect(asNode.data!.node).toBeNull();
    const listed = await graphqlHttp(running.url, ViewerKeysDocument, undefined, theirs);
    expect(listed.data!.viewer.keys.map((k) => k.name)).toEqual(['their admin']);
    const update = await graphqlHttp(running.url, UpdateKeyDocument, { input: { id: created.key.id, name: 'pwned' } }, theirs);
    expect(update.data!.updateKey).toMatchObject({ __typename: 'NotFoundError' });
    const del = await graphqlHttp(running.url, DeleteKeyDocument, { id: created.key.id }, theirs);
    expect(del.data!.deleteKey).toMatchObject({ __typename: 'NotFoundError' });

    const rawId = Buffer.from(created.key.id, 'base64').toString().split(':')[1]!;
    for (const [method, body] of [['GET', undefined], ['PATCH', '{"name":"pwned"}'], ['DELETE', undefined]] as const) {
      const res = await fetch(`${running.url}/api/v1/keys/${rawId}`, { method, body, headers: { ...theirs, 'content-type': 'application/json' } });
      expect(res.status, method).toBe(404);
    }
    const mine = await graphqlHttp(running.url, KeyNodeDocument, { id: created.key.id }, bearer(TEST_KEYS.management));
    expect(mine.data!.node).toEqual({ __typename: 'ApiKey', name: 'private' });
  });

  it('manages keys over REST in OpenRouter shape, management keys only', async () => {
    const post = await fetch(`${running.url}/api/v1/keys`, {
      method: 'POST',
      headers: { ...bearer(TEST_KEYS.management), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'rest', limit: 1.25, limit_reset: 'monthly' }),
    });
    expect(post.status).toBe(201);
    const created = (await post.json()) as { data: { hash: string; limit: number; limit_reset: string }; key: string };
    expect(created.key).toMatch(/^sk-sy-v1-/);
    expect(created.data).toMatchObject({ limit: 1.25, limit_reset: 'monthly' });
    const bad = await fetch(`${running.url}/api/v1/keys`, {
      method: 'POST',
      headers: { ...bearer(TEST_KEYS.management), 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 'lots' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: number } }).error.code).toBe(400);
    const byInference = await fetch(`${running.url}/api/v1/keys`, { headers: bearer(TEST_KEYS.inference) });
    expect(byInference.status).toBe(403);
    const del = await fetch(`${running.url}/api/v1/keys/${created.data.hash}`, { method: 'DELETE', headers: bearer(TEST_KEYS.management) });
    expect(await del.json()).toEqual({ data: { success: true } });
    expect((await fetch(`${running.url}/api/v1/key`, { headers: bearer(created.key) })).status).toBe(401);
  });
});
