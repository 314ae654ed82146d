import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';
import { graphqlHttp } from '../../support/graphql-client.js';
import { GrantCreditsDocument, ViewerAccountIdDocument } from '../../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const MARKER = 'PRIVATE-USER-VALUE-7f3a';

describe.each(await databaseTargets())('logs never carry request content or SQL parameters ($name)', (target) => {
  let running: RunningApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()) });
    running = await startTestApp(target, { operatorKey: OPERATOR_KEY, logLevel: 'debug' }, { logger: createLogger('debug', destination) });
  });
  afterAll(() => running?.stop());

  it('logs a failed statement by its SQLSTATE, without the statement or the values bound to it', async () => {
    const accountId = (await graphqlHttp(running.url, ViewerAccountIdDocument, undefined, { authorization: `Bearer ${TEST_KEYS.inference}` })).data!.viewer.account.id;
    // Make the ledger insert fail in the database itself, as an unforeseen constraint would.
    await running.app.database.orm.em.getConnection().execute('alter table ledger_entry add constraint description_is_short check (length(description) < 8) not valid');
    lines.length = 0;
    const result = await graphqlHttp(
      running.url,
      GrantCreditsDocument,
      { input: { accountId, amount: '1', reason: `${MARKER} reason`, idempotencyKey: `${MARKER}-idempotency` } },
      { authorization: `Bearer ${OPERATOR_KEY}` },
    );
    expect(result.errors?.[0]?.message).toBe('Unexpected error.');
    const failure = lines.find((l) => l.includes('23514'));
    expect(failure, lines.join('\n')).toBeDefined();
    expect(lines.join('\n')).not.toContain(MARKER);
    expect(lines.join('\n')).not.toMatch(/insert into/i);
  });

  it('never logs GraphQL documents or variables, even at debug level', async () => {
    lines.length = 0;
    const res = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query Q($m: String!) { model(id: $m) { slug } } # ${MARKER}`, variables: { m: MARKER } }),
    });
    expect(res.status).toBe(200);
    expect(lines.length).toBeGreaterThan(0); // debug logging is on: Yoga does log the request, without its content
    expect(lines.join('\n')).not.toContain(MARKER);
  });
});
