import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Starts `src/main.ts` on a fresh data directory, waits until it listens, stops it and returns all it printed. */
async function outputOfFirstStart(env: Record<string, string>, dirs: string[]): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-secrets-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c));
  child.stderr!.on('data', (c: Buffer) => (output += c));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((done, fail) => {
    child.stdout!.on('data', () => /Switchyard listening/.test(output) && done());
    void exited.then(() => fail(new Error(`exited before listening:\n${output}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return output;
}

describe('start-up prints only the secrets it generated', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('does not echo keys given through BOOTSTRAP_API_KEY / BOOTSTRAP_MANAGEMENT_KEY / OPERATOR_KEY', async () => {
    const given = {
      BOOTSTRAP_API_KEY: 'sk-sy-v1-given-inference-key-aaaaaaaaaaaaaaaaaaaa',
      BOOTSTRAP_MANAGEMENT_KEY: 'sk-sy-v1-given-management-key-bbbbbbbbbbbbbbbbbbb',
      OPERATOR_KEY: 'sk-sy-v1-given-operator-key-cccccccccccccccccccccc',
    };
    const output = await outputOfFirstStart(given, dirs);
    expect(output).toMatch(/Development account created/);
    for (const secret of Object.values(given)) expect(output).not.toContain(secret);
    expect(output).not.toContain(given.BOOTSTRAP_API_KEY.slice(13)); // nor a long part of one
  }, 60_000);

  it('prints keys it generated, once', async () => {
    const output = await outputOfFirstStart({}, dirs);
    const printed = output.match(/sk-sy-v1-[A-Za-z0-9_-]{20,}/g) ?? [];
    expect(new Set(printed).size).toBe(2);
  }, 60_000);
});
