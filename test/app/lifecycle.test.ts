import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../support/app.js';

describe('embedded lifecycle', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('keeps data across a restart and does not seed again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-lifecycle-'));
    dirs.push(dataDir);
    const config = testConfig({ kind: 'embedded', dataDir });
    const logger = pino({ level: 'silent' });

    const first = buildApp(config, { logger });
    const url = await first.start();
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    // An operator's change to a seeded row must survive: a re-seed would overwrite it.
    await first.database.orm.em.getConnection().execute(`update provider set name = 'Renamed by operator' where slug = 'groq'`);
    await first.stop();
    await first.stop(); // stopping twice is harmless

    const second = buildApp(config, { logger });
    const url2 = await second.start();
    try {
      const providers = (await (await fetch(`${url2}/api/v1/providers`)).json()) as { data: { slug: string; name: string }[] };
      expect(providers.data.find((p) => p.slug === 'groq')?.name).toBe('Renamed by operator');
      const models = (await (await fetch(`${url2}/api/v1/models`)).json()) as { data: unknown[] };
      expect(models.data.length).toBeGreaterThanOrEqual(15);
    } finally {
      await second.stop();
    }
  });

  it('closes the port on stop', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-lifecycle-'));
    dirs.push(dataDir);
    const app = buildApp(testConfig({ kind: 'embedded', dataDir }), { logger: pino({ level: 'silent' }) });
    const url = await app.start();
    await app.stop();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
