import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the standard driver. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite served on a private loopback port so the app uses the same `pg` driver and migrations as in
 * production. PGlite runs one query at a time and the socket server interleaves queries of different
 * connections, so callers must use a single connection (pool max 1) to keep transactions intact.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : resolve(dataDir, 'pglite');
  const unlock = inMemory ? async () => {} : await lockDataDir(dir);
  try {
    const db = await PGlite.create(dir);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** Whether a process of this machine is running (a lock left by one that was killed can be taken over). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes writing one PGlite directory would corrupt it: the second one must refuse to start.
 * A lock whose owner was killed (its pid is gone) is taken over at once, so a restart after a crash
 * does not wait for the lock to go stale.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const ownerFile = `${dir}.owner`;
  const take = async () => {
    const release = await lockfile.lock(dir, { lockfilePath: `${dir}.lock`, stale: 15_000, update: 5_000 });
    await writeFile(ownerFile, String(process.pid), { mode: 0o600 });
    return release;
  };
  try {
    return await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !isRunning(owner)) {
      await rm(`${dir}.lock`, { recursive: true, force: true });
      return take();
    }
    throw new Error(`The embedded database in ${dir} is in use by another Switchyard process (stop it, or set DATA_DIR)`);
  }
}
