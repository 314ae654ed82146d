import type { Money } from '../billing/money.js';
import type { ErrorCode } from '../errors.js';

/**
 * One dispatch target the attempt loop reached, in plan order — the same list in the stored record,
 * the routing-decision feed and the completion stream. `skipped`: not sent (circuit breaker open).
 */
export interface AttemptRecord {
  provider: string;
  model: string;
  endpointId: string;
  /** Sent with the account's own provider key. */
  byok: boolean;
  status: 'succeeded' | 'failed' | 'cancelled' | 'skipped';
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  /** The status the provider answered with, when it answered with an error. */
  httpStatus: number | null;
  /** From sending the request to the end of the call (or its failure); null when nothing was sent. */
  durationMs: number | null;
  /** From sending the request to its first output part; null without output. */
  ttftMs: number | null;
}

export type GenerationStatus = 'succeeded' | 'failed' | 'cancelled';

/** Token counts as billed (the provider's report, or an estimate when none arrived). */
export interface GenerationTokens {
  prompt: number;
  completion: number;
  reasoning: number;
  cached: number;
  cacheWrite: number;
}

/** Everything a settlement writes for one generation: its row, its attempts, and the charge. */
export interface GenerationRecord {
  id: string;
  accountId: string;
  apiKeyId: string | null;
  requestedModels: string[];
  model: string | null;
  provider: string | null;
  status: GenerationStatus;
  streamed: boolean;
  tokens: GenerationTokens;
  /** Charged on credits (for a BYOK request: the BYOK fee). Never above `held`. */
  cost: Money;
  /** What the admission held for this generation. */
  held: Money;
  /** Set when the provider was paid with the account's own key: that usage at list price. */
  byok: { usage: Money; countedInKeyLimit: boolean } | null;
  /** The start of the key's limit period the charge counts in. */
  keyPeriodStart: Date;
  /** Time to the first output part of the attempt that served (OpenRouter's `latency`). */
  ttftMs: number | null;
  /** From sending the serving attempt to its end (OpenRouter's `generation_time`). */
  generationTimeMs: number | null;
  finishReason: string | null;
  nativeFinishReason: string | null;
  stickyKey: string | null;
  createdAt: Date;
  finishedAt: Date;
  attempts: AttemptRecord[];
}
