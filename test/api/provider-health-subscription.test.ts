import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, testConfig, type RunningApp } from '../support/app.js';
import { graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import { ProviderHealthDocument } from '../gql/graphql.js';

const [pglite] = await databaseTargets();

describe('providerHealth subscription', () => {
  let running: RunningApp;
  beforeAll(async () => {
    const base = testConfig({ kind: 'embedded', dataDir: 'unused' });
    running = await startTestApp(pglite!, { healthFeed: { ...base.healthFeed, intervalMs: 50 } });
  });
  afterAll(() => running?.stop());

  it('sends every endpoint of the chosen providers, then pushes a change when a circuit opens', async () => {
    const client = graphqlWsClient(running.url);
    const events = graphqlWsSubscribe(client, ProviderHealthDocument, { providers: ['groq'] });
    try {
      const first = (await events.next()).value!;
      expect(first.errors).toBeUndefined();
      expect(first.data!.providerHealth).toMatchObject({ providerSlug: 'groq', health: { status: 'UNKNOWN', circuit: 'CLOSED' } });
      const target = first.data!.providerHealth;
      const endpointId = Buffer.from(target.endpoint.id, 'base64').toString().split(':')[1]!;
      for (let i = 0; i < 5; i++) await running.app.health.record(endpointId, { kind: 'failure', cause: 'timeout' }, Date.now());

      for (;;) {
        const { value, done } = await events.next();
        if (done) throw new Error('subscription ended');
        const event = value.data!.providerHealth;
        expect(event.providerSlug).toBe('groq');
        if (event.endpoint.id === target.endpoint.id && event.health.circuit === 'OPEN') {
          expect(event.health).toMatchObject({ significantOutage: true, uptime30s: 0 });
          break;
        }
      }
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });
});
