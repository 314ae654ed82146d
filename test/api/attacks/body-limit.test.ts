import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';
import { chunkedUpload } from '../../support/chunked-upload.js';
import { RESPONSIVE_MS, slowestHealthDuring } from '../../support/health-probe.js';

const [target] = await databaseTargets();
const MIB = 1024 * 1024;
// Well past the 8 MiB limit; the attack in issue 14 used 200 MB (RSS 408 MB → 1.4 GB).
const ATTACK_BYTES = 64 * MIB;

describe('a byte limit on every request body, however it is framed', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target!);
  });
  afterAll(() => running?.stop());

  const tooLarge = (body: string) => expect(JSON.parse(body)).toEqual({ error: { code: 413, message: expect.stringMatching(/too large/i) } });

  it('answers a chunked chat completion body past the limit with 413 before reading it all, /health staying responsive', async () => {
    const { result, slowestMs } = await slowestHealthDuring(running.url, () =>
      chunkedUpload(`${running.url}/api/v1/chat/completions`, {
        headers: { authorization: `Bearer ${TEST_KEYS.inference}` },
        prefix: '{"model":"meta-llama/llama-3.3-70b-instruct","messages":[{"role":"user","content":"',
        suffix: '"}]}',
        totalBytes: ATTACK_BYTES,
      }),
    );
    expect(result.status).toBe(413);
    tooLarge(result.body);
    // The server stopped reading at the limit: what the client got rid of is the limit plus socket buffers.
    expect(result.bytesSent).toBeLessThan(24 * MIB);
    expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
  });

  it('answers a chunked GraphQL body past the limit with 413, with or without a key', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${TEST_KEYS.inference}` }]) {
      const result = await chunkedUpload(`${running.url}/graphql`, { headers, prefix: '{"query":"{ __typename }","variables":{"x":"', suffix: '"}}', totalBytes: ATTACK_BYTES });
      expect(result.status).toBe(413);
      tooLarge(result.body);
      expect(result.bytesSent).toBeLessThan(24 * MIB);
    }
  });

  it('refuses a declared Content-Length past the limit on any path without reading the body', async () => {
    for (const path of ['/graphql', '/api/v1/chat/completions', '/api/v1/keys']) {
      const res = await fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.management}` },
        body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(9 * MIB) }),
      });
      expect(res.status, path).toBe(413);
      tooLarge(await res.text());
    }
  });

  it('still serves bodies under the limit, chunked or not', async () => {
    const result = await chunkedUpload(`${running.url}/graphql`, { prefix: '{"query":"{ __typename }","variables":{"x":"', suffix: '"}}', totalBytes: 1 * MIB });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ data: { __typename: 'Query' } });
  });
});
