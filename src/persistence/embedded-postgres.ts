import { mkdir } from 'node:fs/promises';
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

/** Two processes writing one PGlite directory would corrupt it: the second one must refuse to start. */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, { lockfilePath: `${dir}.lock`, stale: 15_000, update: 5_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(`The embedded database in ${dir} is in use by another Switchyard process (stop it, or set DATA_DIR)`);
    }
    throw err;
  }
}
