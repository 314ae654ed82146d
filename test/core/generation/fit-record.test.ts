import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitRecord, RECORD_LIMITS, storable } from '../../../src/core/generation/fit-record.js';
import type { GenerationRecord } from '../../../src/core/generation/record.js';
import type { Money } from '../../../src/core/billing/money.js';

const base: GenerationRecord = {
  id: 'gen-1', accountId: 'a', apiKeyId: null, requestedModels: ['m'], model: 'm', provider: 'p', status: 'succeeded', streamed: false,
  tokens: { prompt: 1, completion: 1, reasoning: 0, cached: 0, cacheWrite: 0 }, cost: 1n as Money, held: 1n as Money, byok: null, keyPeriodStart: new Date(0),
  ttftMs: 1, generationTimeMs: 2, finishReason: 'stop', nativeFinishReason: 'end_turn', stickyKey: null, createdAt: new Date(0), finishedAt: new Date(0), attempts: [],
};

describe('fitRecord', () => {
  it('makes whatever an upstream sent fit the columns: no NUL, within each width, no split surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 3000 }), (native, message) => {
        const fitted = fitRecord({
          ...base,
          nativeFinishReason: `${native}\u0000`,
          finishReason: native,
          attempts: [{ provider: native, model: native, endpointId: 'e', byok: false, status: 'failed', errorCode: 'internal', errorMessage: `\u0000${message}`, httpStatus: 500, durationMs: 1, ttftMs: null }],
        });
        for (const [value, max] of [
          [fitted.nativeFinishReason, RECORD_LIMITS.nativeFinishReason],
          [fitted.finishReason, RECORD_LIMITS.finishReason],
          [fitted.attempts[0]!.provider, RECORD_LIMITS.provider],
          [fitted.attempts[0]!.errorMessage, RECORD_LIMITS.errorMessage],
        ] as const) {
          expect(value!.includes('\u0000')).toBe(false);
          expect(value!.length).toBeLessThanOrEqual(max);
          expect(Buffer.from(value!, 'utf8').toString('utf8')).toBe(value); // valid UTF-16: no lone surrogate from the cut
        }
      }),
    );
  });

  it('keeps values that fit exactly as they are', () => {
    expect(fitRecord(base)).toEqual(base);
    expect(storable('😀😀', 3)).toBe('😀');
  });
});
