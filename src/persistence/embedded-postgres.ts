import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the standard driver: the host is the socket's directory. */
  url: string;
  stop(): Promise<void>;
}

/** The port only names the socket file (`.s.PGSQL.<port>`), as PostgreSQL's own sockets do. */
const SOCKET_PORT = 5432;
/** Unix socket paths are limited to ~107 bytes; a deeper DATA_DIR gets its socket in a private temp dir. */
const MAX_SOCKET_PATH = 100;

/**
 * PGlite served so the app uses the same `pg` driver and migrations as in production — on a Unix socket
 * inside the 0700 DATA_DIR, not a TCP port: PGlite has no password authentication and runs as superuser,
 * so only the file system may decide who connects (the owner of DATA_DIR). PGlite runs one query at a
 * time and the socket server interleaves queries of different connections, so callers must use a single
 * connection (pool max 1) to keep transactions intact.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await makePrivateDir(resolve(dataDir));
  const dir = inMemory ? dataDir : resolve(dataDir, 'pglite');
  const unlock = inMemory ? async () => {} : await lockDataDir(dir);
  let socketDir: { path: string; remove(): Promise<void> } | undefined;
  try {
    socketDir = await privateSocketDir(inMemory ? undefined : resolve(dataDir));
    const db = await PGlite.create(dir);
    const path = join(socketDir.path, `.s.PGSQL.${SOCKET_PORT}`);
    await rm(path, { force: true }); // left by a process that was killed
    const server = new PGLiteSocketServer({ db, path, maxConnections: 4 });
    await server.start();
    const sockets = socketDir;
    return {
      url: `postgres://postgres@${encodeURIComponent(sockets.path)}:${SOCKET_PORT}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        await sockets.remove();
        await unlock();
      },
    };
  } catch (err) {
    await socketDir?.remove();
    await unlock();
    throw err;
  }
}

/** DATA_DIR holds the database, its socket and the BYOK key: its owner only (an existing one is tightened). */
async function makePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

async function privateSocketDir(dataDir: string | undefined): Promise<{ path: string; remove(): Promise<void> }> {
  if (dataDir && join(dataDir, 'run', `.s.PGSQL.${SOCKET_PORT}`).length <= MAX_SOCKET_PATH) {
    const path = join(dataDir, 'run');
    await makePrivateDir(path);
    return { path, remove: async () => {} };
  }
  const path = await mkdtemp(join(tmpdir(), 'switchyard-db-')); // created 0700
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
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
