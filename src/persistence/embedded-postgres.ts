import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
  const dir = dataDir.startsWith('memory://') ? dataDir : resolve(dataDir, 'pglite');
  if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
