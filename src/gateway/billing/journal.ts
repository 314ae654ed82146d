import type { Money } from '../../core/billing/money.js';
import type { BillablePricing } from '../../core/billing/usage-cost.js';
import type { GenerationRecord } from '../../core/generation/record.js';

/** An admitted generation, journaled before its first upstream byte. */
export interface AdmittedEntry {
  t: 'admitted';
  id: string;
  accountId: string;
  apiKeyId: string | null;
  held: Money;
  keyPeriodStart: string;
  createdAt: string;
  models: string[];
  streamed: boolean;
  stickyKey: string | null;
  /** The prompt estimate: what an interrupted generation is billed for its prompt. */
  promptTokens: number;
}

/** How far output got on the attempt that is producing it (written at its first output, then now and then). */
export interface ProgressEntry {
  t: 'progress';
  id: string;
  model: string;
  provider: string;
  endpointId: string;
  byok: boolean;
  pricing: BillablePricing;
  /** Characters of output (text, reasoning, tool calls) delivered so far. */
  outputChars: number;
}

export type JournalEntry = AdmittedEntry | ProgressEntry | { t: 'settled'; record: GenerationRecord } | { t: 'committed'; ids: string[] };

/**
 * The generations a crash must not lose: admitted ones (with their progress) until their settlement
 * is committed. Appends are ordered; `admitted` is durable when it resolves (the pipeline awaits it
 * before dispatching), the others are written in order behind it.
 */
export interface Journal {
  /** Appends in order; for an `admitted` entry, resolves once it is durable (the pipeline waits before dispatching). */
  append(entry: JournalEntry): void | Promise<void>;
  /** Resolves once everything appended so far is durable (written to the OS / acknowledged by Redis). */
  durable(): Promise<void>;
  close(): Promise<void>;
}

/** Journaling off (tests of the pipeline alone). */
export const noJournal: Journal = { append: () => {}, durable: async () => {}, close: async () => {} };

/** JSON with money: bigints as `{"$pico":"…"}`, dates as ISO strings (revived where the record has them). */
export const journalCodec = {
  encode: (entry: JournalEntry): string => JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'bigint' ? { $pico: v.toString() } : v)),
  decode(line: string): JournalEntry {
    const entry = JSON.parse(line, (_k, v: unknown) => (v !== null && typeof v === 'object' && typeof (v as { $pico?: unknown }).$pico === 'string' ? BigInt((v as { $pico: string }).$pico) : v)) as JournalEntry;
    if (entry.t === 'settled') {
      const r = entry.record as GenerationRecord & Record<'createdAt' | 'finishedAt' | 'keyPeriodStart', string | Date>;
      entry.record = { ...r, createdAt: new Date(r.createdAt), finishedAt: new Date(r.finishedAt), keyPeriodStart: new Date(r.keyPeriodStart) };
    }
    return entry;
  },
};
