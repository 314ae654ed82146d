import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.js';

const run = promisify(execFile);

/**
 * A self-contained Postgres client (no modules, so another user can run it): sends a StartupMessage as
 * superuser `postgres` and prints what the server answered — `authenticated` for AuthenticationOk.
 */
const PROBE = `
const net = require('node:net');
const [host, port] = process.argv.slice(1);
const socket = host.startsWith('/') ? net.connect(host + '/.s.PGSQL.' + port) : net.connect(Number(port), host);
const params = Buffer.from('user\\0postgres\\0database\\0postgres\\0\\0');
const head = Buffer.alloc(8); head.writeInt32BE(8 + params.length, 0); head.writeInt32BE(196608, 4);
socket.on('connect', () => socket.write(Buffer.concat([head, params])));
socket.on('data', (d) => { console.log(d[0] === 0x52 && d.readInt32BE(5) === 0 ? 'authenticated' : 'answered ' + String.fromCharCode(d[0])); socket.destroy(); });
socket.on('error', (e) => { console.log('refused ' + e.code); });
`;

async function probe(host: string, port: string, asUser?: { uid: number; gid: number }): Promise<string> {
  const { stdout } = await run(process.execPath, ['-e', PROBE, host, port], { ...(asUser ?? {}), cwd: '/', timeout: 10_000 });
  return stdout.trim();
}

const isRoot = process.getuid?.() === 0;

describe('the embedded database is reachable by this process only', () => {
  let dataDir: string;
  let database: Database;
  let host: string;
  let port: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'switchyard-access-')), 'data');
    database = await openDatabase({ kind: 'embedded', dataDir });
    const url = new URL(database.orm.config.get('clientUrl')!);
    host = decodeURIComponent(url.hostname);
    port = url.port || '5432';
  });
  afterAll(async () => {
    await database?.close();
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('keeps DATA_DIR private to its owner (0700)', async () => {
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('listens on a Unix socket inside DATA_DIR, not on a TCP port', async () => {
    expect(host.startsWith(dataDir)).toBe(true);
    expect((await stat(join(host, `.s.PGSQL.${port}`))).isSocket()).toBe(true);
    // The owner's own client still gets in (so the refusal below is the permission, not a broken probe).
    expect(await probe(host, port)).toBe('authenticated');
  });

  it.runIf(isRoot)('refuses a local user without access to DATA_DIR', async () => {
    expect(await probe(host, port, { uid: 65534, gid: 65534 })).toMatch(/^refused E(ACCES|NOENT)/);
  });
});
