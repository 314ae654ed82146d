/**
 * Token counts of one generation, plain integers. Input and output keep their parts apart because
 * each part has its own price (cache reads are cheaper, cache writes dearer, reasoning is billed).
 */
export interface Usage {
  input: {
    /** Every prompt token the provider processed: uncached + cacheRead + cacheWrite. */
    total: number;
    uncached: number;
    cacheRead: number;
    cacheWrite: number;
  };
  output: {
    /** Every generated token: text + reasoning. */
    total: number;
    text: number;
    reasoning: number;
  };
}

export interface UsageCounts {
  uncached: number;
  cacheRead?: number;
  cacheWrite?: number;
  /** All generated tokens, reasoning included. */
  outputTotal: number;
  reasoning?: number;
}

/** Builds a Usage whose totals add up by construction; negative or fractional counts are clamped. */
export function makeUsage(counts: UsageCounts): Usage {
  const uncached = tokens(counts.uncached);
  const cacheRead = tokens(counts.cacheRead ?? 0);
  const cacheWrite = tokens(counts.cacheWrite ?? 0);
  const outputTotal = tokens(counts.outputTotal);
  const reasoning = Math.min(tokens(counts.reasoning ?? 0), outputTotal);
  return {
    input: { total: uncached + cacheRead + cacheWrite, uncached, cacheRead, cacheWrite },
    output: { total: outputTotal, text: outputTotal - reasoning, reasoning },
  };
}

export function emptyUsage(): Usage {
  return makeUsage({ uncached: 0, outputTotal: 0 });
}

function tokens(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
