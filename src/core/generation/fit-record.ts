import type { AttemptRecord, GenerationRecord } from './record.js';

/** Column widths of what a settlement stores (the generation and attempt tables). */
export const RECORD_LIMITS = { model: 200, provider: 64, finishReason: 32, nativeFinishReason: 64, stickyKey: 128, errorCode: 64, errorMessage: 2_000 } as const;

/** Text as the database can hold it: no NUL (Postgres text refuses it), at most `max` characters (no split surrogate pair). */
export function storable(text: string, max: number): string {
  const clean = text.replace(/\u0000/g, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const maybe = (text: string | null, max: number) => (text === null ? null : storable(text, max));

const fitAttempt = (a: AttemptRecord): AttemptRecord => ({
  ...a,
  provider: storable(a.provider, RECORD_LIMITS.provider),
  model: storable(a.model, RECORD_LIMITS.model),
  errorMessage: maybe(a.errorMessage, RECORD_LIMITS.errorMessage),
});

/**
 * A settlement record that fits its columns whatever upstreams sent (finish reasons, error texts):
 * writing it can never fail on a value, so a delivered answer is never left unbilled. What the client
 * sent was validated before the first upstream byte; this covers what came back.
 */
export function fitRecord(r: GenerationRecord): GenerationRecord {
  return {
    ...r,
    requestedModels: r.requestedModels.map((m) => storable(m, RECORD_LIMITS.model)),
    model: maybe(r.model, RECORD_LIMITS.model),
    provider: maybe(r.provider, RECORD_LIMITS.provider),
    finishReason: maybe(r.finishReason, RECORD_LIMITS.finishReason),
    nativeFinishReason: maybe(r.nativeFinishReason, RECORD_LIMITS.nativeFinishReason),
    stickyKey: maybe(r.stickyKey, RECORD_LIMITS.stickyKey),
    attempts: r.attempts.map(fitAttempt),
  };
}
