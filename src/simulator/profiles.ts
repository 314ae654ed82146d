/** Probability per request (0..1) of each fault kind; they are exclusive, so their sum must stay ≤ 1. */
export interface FaultRates {
  rateLimited429: number;
  error500: number;
  error502: number;
  error503: number;
  /** Anthropic's "overloaded" HTTP 529. */
  overloaded529: number;
  connectionReset: number;
  stallBeforeFirstToken: number;
  dropMidStream: number;
  malformedChunk: number;
  /** An error event after output started (Anthropic `event: error`, OpenAI-style `{error}` chunk). */
  errorMidStream: number;
}

/** How one simulated provider behaves. */
export interface SimProfile {
  /** Time to first output token. */
  ttftMs: number;
  /** Output pacing after the first token; Infinity disables pacing. */
  tokensPerSecond: number;
  /** ± fraction of random variation applied to ttftMs (0 = exact). */
  jitter: number;
  /** How long a `stall` fault holds the response before its first byte. */
  stallMs: number;
  /** `retry-after` seconds sent with a 429. */
  retryAfterSeconds: number;
  faultRates: FaultRates;
  /** Every answer is exactly this many tokens long (before max_tokens), instead of 20–120; for soak tests. */
  completionTokens?: number;
}

export const NO_FAULTS: FaultRates = {
  rateLimited429: 0,
  error500: 0,
  error502: 0,
  error503: 0,
  overloaded529: 0,
  connectionReset: 0,
  stallBeforeFirstToken: 0,
  dropMidStream: 0,
  malformedChunk: 0,
  errorMidStream: 0,
};

/**
 * `rate` of requests failing before the first token, spread the way real outages mix: mostly rate
 * limits and 5xx, some resets and stalls (the stall is caught by the caller's first-byte timeout).
 */
export function mixedFaults(rate: number): FaultRates {
  const share = Math.min(1, Math.max(0, rate));
  return {
    ...NO_FAULTS,
    rateLimited429: share * 0.3,
    error500: share * 0.15,
    error502: share * 0.1,
    error503: share * 0.15,
    overloaded529: share * 0.05,
    connectionReset: share * 0.15,
    stallBeforeFirstToken: share * 0.1,
  };
}

/** A profile with its faults replaced by `mixedFaults(rate)`. */
export function withFaultRate(profile: SimProfile, rate: number): SimProfile {
  return { ...profile, faultRates: mixedFaults(rate) };
}

/** For tests and benchmarks: no latency, no pacing, no faults. */
export const fastProfile: SimProfile = {
  ttftMs: 0,
  tokensPerSecond: Number.POSITIVE_INFINITY,
  jitter: 0,
  stallMs: 30_000,
  retryAfterSeconds: 1,
  faultRates: NO_FAULTS,
};

// Rare infrastructure faults every provider shows now and then (≈ 0.3 % of requests).
const BACKGROUND_FAULTS: FaultRates = {
  ...NO_FAULTS,
  error500: 0.001,
  error502: 0.0005,
  connectionReset: 0.0005,
  stallBeforeFirstToken: 0.0005,
  dropMidStream: 0.0005,
  malformedChunk: 0.0002,
  errorMidStream: 0.0003,
};

function profile(ttftMs: number, tokensPerSecond: number, faults: Partial<FaultRates>): SimProfile {
  return { ttftMs, tokensPerSecond, jitter: 0.25, stallMs: 30_000, retryAfterSeconds: 2, faultRates: { ...BACKGROUND_FAULTS, ...faults } };
}

/**
 * Realistic defaults for the seeded providers (slugs of src/persistence/seed/catalog-data.ts): typical
 * public time-to-first-token and decode speed for their mid-size models, and how often each tends to
 * rate-limit or shed load.
 */
export const defaultProfiles: Readonly<Record<string, SimProfile>> = {
  openai: profile(450, 80, { rateLimited429: 0.01, error503: 0.002 }),
  anthropic: profile(700, 60, { rateLimited429: 0.008, overloaded529: 0.01 }),
  google: profile(500, 150, { rateLimited429: 0.01, error503: 0.004 }),
  together: profile(350, 90, { rateLimited429: 0.006, error503: 0.003 }),
  fireworks: profile(250, 120, { rateLimited429: 0.006, error503: 0.002 }),
  deepinfra: profile(400, 60, { rateLimited429: 0.005, error503: 0.004 }),
  groq: profile(120, 600, { rateLimited429: 0.02, error503: 0.002 }),
  mistral: profile(350, 90, { rateLimited429: 0.008, error503: 0.002 }),
  deepseek: profile(1200, 30, { rateLimited429: 0.004, error503: 0.02 }),
  novita: profile(600, 45, { rateLimited429: 0.005, error503: 0.005 }),
  lambda: profile(450, 70, { rateLimited429: 0.004, error503: 0.004 }),
  meta: profile(400, 100, { rateLimited429: 0.006, error503: 0.003 }),
  alibaba: profile(600, 70, { rateLimited429: 0.006, error503: 0.004 }),
  xai: profile(500, 90, { rateLimited429: 0.008, error503: 0.003 }),
  minimax: profile(900, 50, { rateLimited429: 0.005, error503: 0.006 }),
};

/**
 * `groq=0.3,together=0.1,*=0.05` → rates per provider slug (`*`: every other provider). Throws a
 * readable Error on anything else, for the CLI and the configuration to report.
 */
export function parseFaultRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([a-z0-9*][a-z0-9._-]*|\*)=(\d+(?:\.\d+)?)$/i.exec(entry);
    const rate = Number(match?.[2]);
    if (!match || !(rate >= 0 && rate <= 1)) throw new Error(`expected <provider>=<rate 0..1>[,…] (e.g. groq=0.3,*=0.05), got ${JSON.stringify(entry)}`);
    rates[match[1]!.toLowerCase()] = rate;
  }
  return rates;
}
