import { describe, expect, it } from 'vitest';
import { parseUsd } from '../../src/core/billing/money.js';
import { providerPreferencesSchema } from '../../src/gateway/routing/provider-preferences.js';

describe('providerPreferencesSchema', () => {
  it('maps OpenRouter’s snake_case provider object, reading prices exactly', () => {
    expect(
      providerPreferencesSchema.parse({
        order: ['groq', 'together'],
        allow_fallbacks: false,
        quantizations: ['fp8'],
        sort: 'throughput',
        max_price: { prompt: 0.3, completion: '1.2' },
        preferred_max_latency: { p90: 2 },
      }),
    ).toEqual({
      order: ['groq', 'together'],
      allowFallbacks: false,
      quantizations: ['fp8'],
      sort: { by: 'throughput', partition: 'model' },
      maxPrice: { prompt: parseUsd('0.3'), completion: parseUsd('1.2') },
      preferredMaxLatency: { p90: 2 },
    });
  });

  it('rejects unknown fields, bad quantizations and negative prices with a path', () => {
    for (const bad of [{ orderr: [] }, { quantizations: ['fp9'] }, { max_price: { prompt: -1 } }, { sort: 'random' }]) {
      const result = providerPreferencesSchema.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
    }
  });
});
