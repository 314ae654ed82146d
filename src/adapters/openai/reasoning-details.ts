import { REASONING_FORMATS, type ReasoningDetail, type ReasoningFormat } from '../../core/llm/reasoning-detail.js';
import type { OpenAiReasoningDetail } from './schema.js';

const formatOf = (format: string | null | undefined): ReasoningFormat =>
  (REASONING_FORMATS as readonly string[]).includes(format ?? '') ? (format as ReasoningFormat) : 'unknown';

/** One wire detail → ours; unknown types are dropped (nothing downstream could send them back). */
export function toReasoningDetail(wire: OpenAiReasoningDetail): ReasoningDetail | undefined {
  const common = { format: formatOf(wire.format), ...(wire.index != null && { index: wire.index }), ...(wire.id != null && { id: wire.id }) };
  if (wire.type === 'reasoning.text') return { type: 'reasoning.text', text: wire.text ?? '', ...(wire.signature != null && { signature: wire.signature }), ...common };
  if (wire.type === 'reasoning.summary') return { type: 'reasoning.summary', summary: wire.summary ?? '', ...common };
  if (wire.type === 'reasoning.encrypted' && wire.data) return { type: 'reasoning.encrypted', data: wire.data, ...common };
  return undefined;
}

/**
 * Streamed details arrive in pieces that share an index (text, then the signature): merged per
 * index, emitted whole at the end.
 */
export class ReasoningDetailMerger {
  private readonly byIndex = new Map<number, OpenAiReasoningDetail>();
  private unindexed = 0;

  add(wire: OpenAiReasoningDetail): void {
    const index = wire.index ?? 1_000_000 + this.unindexed++;
    const seen = this.byIndex.get(index);
    if (!seen || seen.type !== wire.type) {
      this.byIndex.set(index, { ...wire });
      return;
    }
    if (wire.text) seen.text = (seen.text ?? '') + wire.text;
    if (wire.summary) seen.summary = (seen.summary ?? '') + wire.summary;
    if (wire.data) seen.data = (seen.data ?? '') + wire.data;
    seen.signature = wire.signature ?? seen.signature;
    seen.format = wire.format ?? seen.format;
    seen.id = wire.id ?? seen.id;
  }

  details(): ReasoningDetail[] {
    return [...this.byIndex.entries()].sort(([a], [b]) => a - b).flatMap(([, wire]) => toReasoningDetail(wire) ?? []);
  }
}
