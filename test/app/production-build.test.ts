import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, `.build-test-${process.pid}`); // inside the repository, so node_modules resolves as in dist/

describe('the production build', () => {
  const cleanup: string[] = [outDir];
  afterAll(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

  it('compiles to JavaScript that node runs without tsx: it migrates, seeds, serves and answers a completion', async () => {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-build-'));
    cleanup.push(dataDir);
    const key = 'sk-sy-v1-build-test-inference-key-000000000000000';
    const child = spawn(process.execPath, [join(outDir, 'src/main.js')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, BOOTSTRAP_API_KEY: key, SIMULATE_PROVIDERS: 'all', SIMULATOR_PROFILE: 'fast' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((done, fail) => {
        child.stdout!.on('data', (c: Buffer) => {
          output += c;
          const found = /"url":"([^"]+)"/.exec(output)?.[1];
          if (found) done(found);
        });
        child.stderr!.on('data', (c: Buffer) => (output += c));
        child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
      });
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
      const res = await fetch(`${url}/api/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { choices: unknown[] }).choices).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 180_000);
});
