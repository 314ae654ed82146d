/**
 * Money: integer pico-dollars (1e-12 USD) as a branded bigint. No JS float ever touches an amount.
 *
 * Rounding rules:
 * - Usage cost = unit price × units is exact (integer × integer); it never rounds.
 * - Fees round UP (ceiling) to the pico, in the house's favour; see feeWithMinimum.
 * - Price caps (max_price) round DOWN, so a cap never admits a more expensive endpoint.
 * - Display (formatUsdFixed) rounds half away from zero; it is for humans, never for ledgers.
 * - Imported list prices with more than 12 decimals (parseUsdRounded, e.g. OpenRouter's
 *   '0.00000008333333333333334') round half up to the pico, once, when the catalog is loaded.
 */

export type Money = bigint & { readonly __brand: 'Money' }; // pico-dollars

export const PICO_PER_USD = 1_000_000_000_000n;

/** Decimal places of a USD amount that fit in pico-dollars. */
const USD_DECIMALS = 12;

/** Longer inputs are rejected before BigInt() sees them: user-supplied strings must not cost quadratic time. */
const MAX_INPUT_LENGTH = 100;

export const ZERO = 0n as Money;

/** Thrown by every string parser in this module; `input` is the offending value, verbatim. */
export class MoneyParseError extends Error {
  readonly input: string;

  constructor(input: string, reason: string) {
    super(`${reason}: ${JSON.stringify(input)}`);
    this.name = 'MoneyParseError';
    this.input = input;
  }
}

/** Brands a pico-dollar bigint. Checks at runtime too, because a number arriving from JSON is exactly the float we forbid. */
export function money(pico: bigint): Money {
  if (typeof pico !== 'bigint') throw new TypeError(`Money must be a bigint of pico-dollars, got ${typeof pico}`);
  return pico as Money;
}

// ---------------------------------------------------------------------------
// Parsing and formatting
// ---------------------------------------------------------------------------

/**
 * Strict decimal grammar: optional '-', an integer part without leading zeros ('0' alone is fine),
 * and optionally '.' followed by at least one digit. So '1.', '.5', '+1', ' 1', '01', '1e-6' are all
 * rejected: anything we accept has exactly one obvious meaning.
 */
const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** Parses a decimal string into an integer scaled by 10^scale; more than `scale` decimals throws rather than rounds. */
function parseScaled(input: unknown, scale: number, what: string): bigint {
  if (typeof input !== 'string') throw new MoneyParseError(String(input), `${what} must be a decimal string`);
  if (input.length > MAX_INPUT_LENGTH) throw new MoneyParseError(input, `${what} is longer than ${MAX_INPUT_LENGTH} characters`);
  const match = DECIMAL.exec(input);
  if (!match) throw new MoneyParseError(input, `${what} is not a plain decimal number`);
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > scale) {
    throw new MoneyParseError(input, `${what} has more than ${scale} decimal places (would need rounding)`);
  }
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

/** Exact: '0.0000025' -> 2_500_000n pico. Up to 12 decimals; negatives allowed (refunds, adjustments). */
export function parseUsd(decimal: string): Money {
  return money(parseScaled(decimal, USD_DECIMALS, 'USD amount'));
}

/**
 * A USD decimal with any number of decimal places, rounded to the pico as asked. Only for importing
 * prices printed by others (float artefacts such as '0.00000020000000000000002', or repeating
 * fractions such as 1/12 of a micro-dollar): amounts we compute ourselves never need it.
 */
export function parseUsdRounded(decimal: string, rounding: Rounding): Money {
  const places = DECIMAL.exec(typeof decimal === 'string' && decimal.length <= MAX_INPUT_LENGTH ? decimal : '')?.[3]?.length ?? 0;
  if (places <= USD_DECIMALS) return parseUsd(decimal);
  const scaled = parseScaled(decimal, places, 'USD amount');
  return money(divideRounded(scaled, 10n ** BigInt(places - USD_DECIMALS), rounding));
}

/** Canonical exact decimal: no exponent, no trailing zeros, no '-0'. Inverse of parseUsd. */
export function formatUsd(m: Money): string {
  const sign = m < 0n ? '-' : '';
  const abs = m < 0n ? -m : m;
  const whole = abs / PICO_PER_USD;
  const fraction = (abs % PICO_PER_USD).toString().padStart(USD_DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Fixed decimals for display, rounding half away from zero (so -0.005 -> '-0.01', symmetric with
 * positives). A result that rounds to zero prints without a sign. decimals must be an integer 0..12.
 */
export function formatUsdFixed(m: Money, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > USD_DECIMALS) {
    throw new RangeError(`decimals must be an integer between 0 and ${USD_DECIMALS}, got ${decimals}`);
  }
  const abs = m < 0n ? -m : m;
  const unit = 10n ** BigInt(USD_DECIMALS - decimals);
  const rounded = divideRounded(abs, unit, 'half-up'); // abs >= 0, so half-up is half away from zero
  const scale = 10n ** BigInt(decimals);
  const whole = rounded / scale;
  const fraction = decimals > 0 ? `.${(rounded % scale).toString().padStart(decimals, '0')}` : '';
  const sign = m < 0n && rounded !== 0n ? '-' : '';
  return `${sign}${whole}${fraction}`;
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

export function add(a: Money, b: Money): Money {
  return (a + b) as Money;
}

export function sub(a: Money, b: Money): Money {
  return (a - b) as Money;
}

export function sum(list: readonly Money[]): Money {
  let total = 0n;
  for (const m of list) total += m;
  return total as Money;
}

export function negate(m: Money): Money {
  return -m as Money;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function min(a: Money, b: Money): Money {
  return a <= b ? a : b;
}

export function max(a: Money, b: Money): Money {
  return a >= b ? a : b;
}

export function isNegative(m: Money): boolean {
  return m < 0n;
}

export function isZero(m: Money): boolean {
  return m === 0n;
}

/**
 * Usage cost: unit price × units (tokens, requests, images). Exact, never rounded.
 * Units are a count, so they must be a non-negative integer; a number must also be safe,
 * since beyond 2^53 it may already have been rounded before it got here.
 */
export function times(unitPrice: Money, units: bigint | number): Money {
  let count: bigint;
  if (typeof units === 'number') {
    if (!Number.isSafeInteger(units) || units < 0) {
      throw new RangeError(`units must be a non-negative safe integer, got ${units}`);
    }
    count = BigInt(units);
  } else {
    if (units < 0n) throw new RangeError(`units must be non-negative, got ${units}`);
    count = units;
  }
  return (unitPrice * count) as Money;
}

// ---------------------------------------------------------------------------
// Per-million-token prices (OpenRouter's max_price unit)
// ---------------------------------------------------------------------------

const TOKENS_PER_MILLION = 1_000_000n;

/**
 * USD per million tokens (e.g. max_price.prompt = '0.15') -> per-token Money.
 * Accepts up to 18 decimals (12 for pico + 6 for the million), then divides rounding DOWN:
 * a price cap must never admit an endpoint more expensive than the user asked for.
 * Negative caps are meaningless and rejected.
 */
export function usdPerMillionToPerToken(decimal: string): Money {
  const scaled = parseScaled(decimal, USD_DECIMALS + 6, 'USD per million tokens'); // units of 1e-18 USD per million tokens
  if (scaled < 0n) throw new MoneyParseError(decimal, 'USD per million tokens must not be negative');
  return money(divideRounded(scaled, PICO_PER_USD, 'down'));
}

/** Per-token price -> price of a million tokens (exact). formatUsd() of it is the '$/M' figure. */
export function perTokenToPerMillion(perToken: Money): Money {
  return times(perToken, TOKENS_PER_MILLION);
}

// ---------------------------------------------------------------------------
// Rounding, percentages and fees
// ---------------------------------------------------------------------------

/**
 * Every direction is toward ±infinity, so for signed amounts "up" always means "more money":
 * - 'up'        ceiling (toward +∞)
 * - 'down'      floor (toward −∞)
 * - 'half-up'   nearest; ties toward +∞
 * - 'half-even' nearest; ties to the even neighbour (banker's rounding, unbiased over many sums)
 */
export type Rounding = 'up' | 'down' | 'half-even' | 'half-up';

/** numerator / denominator as an integer, rounded explicitly (bigint `/` truncates toward zero, which is none of these). */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  // Normalise to a positive denominator so floor and the remainder are easy to reason about.
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let floor = n / d;
  let remainder = n % d;
  if (remainder < 0n) {
    floor -= 1n;
    remainder += d;
  }
  if (remainder === 0n) return floor; // exact: every mode agrees
  const twice = 2n * remainder; // compare remainder with d/2 without dividing
  switch (rounding) {
    case 'down':
      return floor;
    case 'up':
      return floor + 1n;
    case 'half-up':
      return twice < d ? floor : floor + 1n;
    case 'half-even':
      if (twice < d) return floor;
      if (twice > d) return floor + 1n;
      return floor % 2n === 0n ? floor : floor + 1n;
    default: {
      const unknown: never = rounding;
      throw new RangeError(`unknown rounding mode ${String(unknown)}`);
    }
  }
}

const BASIS_POINTS_PER_WHOLE = 10_000n;

/** amount × basisPoints / 10000, rounded as asked (550n bps = 5.5%). */
export function percentOf(amount: Money, basisPoints: bigint, rounding: Rounding): Money {
  return money(divideRounded(amount * basisPoints, BASIS_POINTS_PER_WHOLE, rounding));
}

/**
 * Fee on a purchase: the percentage rounded UP to the pico (in the house's favour, so rounding
 * never loses money across many purchases), but never less than `minimum`.
 * e.g. 5.5% min $0.80: $10 -> $0.80, $100 -> $5.50. All inputs must be non-negative.
 */
export function feeWithMinimum(amount: Money, basisPoints: bigint, minimum: Money): Money {
  if (amount < 0n) throw new RangeError(`fee amount must not be negative, got ${formatUsd(amount)}`);
  if (basisPoints < 0n) throw new RangeError(`fee basis points must not be negative, got ${basisPoints}`);
  if (minimum < 0n) throw new RangeError(`fee minimum must not be negative, got ${formatUsd(minimum)}`);
  return max(percentOf(amount, basisPoints, 'up'), minimum);
}

/** Percent string -> basis points, exactly: '5.5' -> 550n, '5' -> 500n. At most 2 decimals; negatives rejected. */
export function parseBasisPoints(percent: string): bigint {
  const bps = parseScaled(percent, 2, 'percentage');
  if (bps < 0n) throw new MoneyParseError(percent, 'percentage must not be negative');
  return bps;
}
