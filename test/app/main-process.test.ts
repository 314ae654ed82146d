import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process.js';

const startMain = startServerProcess;

const signalAndWait = async (child: ChildProcess, exited: Promise<number | null>) => {
  child.kill('SIGTERM');
  return exited;
};

describe('the server process', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('serves, refuses a second process on the same data, and exits cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-main-'));
    dirs.push(dataDir);
    const first = startMain({ PORT: '0', DATA_DIR: dataDir });
    const url = await first.listening;
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    const graphiql = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.headers.get('content-type')).toMatch(/text\/html/);
    expect(await graphiql.text()).toMatch(/graphiql/i);

    const second = startMain({ PORT: '0', DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output.join('\n')).toMatch(/in use by another Switchyard process/);

    expect(await signalAndWait(first.child, first.exited)).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);

  it('stops at start-up naming a bad variable', async () => {
    const bad = startMain({ PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output.join('\n')).toMatch(/PORT="eighty": expected a port number/);
  });

  it('stops at start-up naming the line and the field of a bad catalog file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-main-'));
    dirs.push(dataDir);
    const file = join(dataDir, 'catalog.yaml');
    await writeFile(file, 'providers:\n  - slug: vllm\n    name: Team vLLM\n    family: openai\n    baseUrl: gpu-box:8000/v1\n');
    const bad = startMain({ PORT: '0', DATA_DIR: join(dataDir, 'db'), CATALOG_FILE: file });
    expect(await bad.exited).toBe(1);
    expect(bad.output.join('\n')).toMatch(/catalog\.yaml:5: providers\[0\]\.baseUrl: expected an http:\/\/ or https:\/\/ URL/);
  }, 60_000);
});
