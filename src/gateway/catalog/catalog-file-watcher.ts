import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface CatalogFileWatcher {
  /** Re-applies the file now (SIGHUP); resolves when this reload, or the one it joined, is done. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Editors save in bursts (truncate, write, rename): changes closer together than this are one reload. */
const SETTLE_MS = 100;

/**
 * Calls `reload` when the file changes. The directory is watched, not the file, so a save that replaces
 * the file (write to a temporary, rename over) is seen too. Reloads never overlap: a change during one
 * schedules exactly one more. `reload` reports its own outcome and must not throw.
 */
export function watchCatalogFile(path: string, reload: () => Promise<void>): CatalogFileWatcher {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await reload();
      } while (again && !closed);
    })().finally(() => (running = undefined));
    return running;
  };

  const name = basename(path);
  let watcher: FSWatcher | undefined = watch(dirname(path), (_event, changed) => {
    if (closed || (changed !== null && changed !== name)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
  watcher.on('error', () => {
    // The directory went away: reloads still work through SIGHUP.
    watcher?.close();
    watcher = undefined;
  });

  return {
    reload: run,
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}
