import { closeSync, existsSync, fdatasync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { journalCodec, type Journal, type JournalEntry } from './journal.js';

const datasync = promisify(fdatasync);

/** Entries of a journal file; a torn last line (the process died mid-write) is ignored. */
export function readJournalFile(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      entries.push(journalCodec.decode(line));
    } catch {
      // only the last line can be torn; anything unreadable carries nothing we could settle
    }
  }
  return entries;
}

/**
 * The single-instance journal: an append-only file in DATA_DIR. Each entry is one `write` — in the
 * operating system before the call returns, so it survives the process being killed — and the file
 * is `fdatasync`ed behind every settlement commit (a machine crash can lose at most the entries since).
 * Entries of generations whose settlement committed are dropped when the file is compacted.
 */
export function createFileJournal(path: string, { compactBytes = 8 * 1024 * 1024 } = {}): Journal {
  let fd = openSync(path, 'a', 0o600);
  let size = statSync(path).size;
  /** What a compaction must keep: every entry of a generation not committed yet. */
  const open = new Map<string, JournalEntry[]>();
  let closed = false;

  const idOf = (e: JournalEntry) => (e.t === 'settled' ? e.record.id : e.t === 'committed' ? null : e.id);
  const write = (entry: JournalEntry) => {
    const line = `${journalCodec.encode(entry)}\n`;
    writeSync(fd, line);
    size += Buffer.byteLength(line);
  };

  function compact(): void {
    const tmp = `${path}.tmp`;
    const out = openSync(tmp, 'w', 0o600);
    let written = 0;
    for (const entries of open.values()) {
      for (const e of entries) {
        const line = `${journalCodec.encode(e)}\n`;
        writeSync(out, line);
        written += Buffer.byteLength(line);
      }
    }
    fsyncSync(out);
    closeSync(out);
    renameSync(tmp, path);
    closeSync(fd);
    fd = openSync(path, 'a', 0o600);
    size = written;
  }

  return {
    append(entry) {
      if (closed) return;
      write(entry);
      if (entry.t === 'committed') {
        for (const id of entry.ids) open.delete(id);
        if (size > compactBytes) compact();
        return;
      }
      const id = idOf(entry)!;
      const entries = open.get(id) ?? [];
      // Only the latest progress of a generation matters.
      open.set(id, entry.t === 'progress' ? [...entries.filter((e) => e.t !== 'progress'), entry] : [...entries, entry]);
    },
    durable: () => (closed ? Promise.resolve() : datasync(fd)),
    async close() {
      if (closed) return;
      closed = true;
      if (open.size === 0) compact();
      closeSync(fd);
    },
  };
}
