/**
 * A provider's reasoning as a typed block, in OpenRouter's `reasoning_details` vocabulary. Signed
 * blocks (Anthropic thinking signatures, Gemini thought signatures) must come back unchanged in the
 * assistant turn that produced them, or the provider refuses the next turn of a tool loop.
 */
export type ReasoningFormat = 'anthropic-claude-v1' | 'google-gemini-v1' | 'openai-responses-v1' | 'unknown';

interface DetailBase {
  format: ReasoningFormat;
  /** Position among the turn's reasoning blocks. */
  index?: number;
  /** For Gemini: the tool call id whose function-call part carried the signature. */
  id?: string | null;
}

export type ReasoningDetail =
  | (DetailBase & { type: 'reasoning.text'; text: string; signature?: string | null })
  | (DetailBase & { type: 'reasoning.summary'; summary: string })
  /** Opaque: Anthropic's redacted_thinking data, Gemini's thought signature, OpenAI's encrypted content. */
  | (DetailBase & { type: 'reasoning.encrypted'; data: string });

export const REASONING_FORMATS: readonly ReasoningFormat[] = ['anthropic-claude-v1', 'google-gemini-v1', 'openai-responses-v1', 'unknown'];

/** The details of one format, in their original order (a provider only takes back its own). */
export function detailsOfFormat(details: readonly ReasoningDetail[] | undefined, format: ReasoningFormat): ReasoningDetail[] {
  return (details ?? []).filter((detail) => detail.format === format);
}
