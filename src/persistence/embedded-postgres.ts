import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
