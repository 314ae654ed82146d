// Money arrives as exact decimal strings of USD (the schema's `Money` scalar). Arithmetic happens on
// integer pico-dollars (bigint), as on the server; a float is made only to draw a chart.

const SCALE = 12;
const PICO = 10n ** BigInt(SCALE);
const MONEY = /^(-)?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {}

/** "0.0000025" → 2_500_000n pico-dollars. Throws on anything but a plain decimal within 1e-12. */
export function toPico(value: string): bigint {
  const match = MONEY.exec(value.trim());
  if (!match) throw new MoneyFormatError(`not an amount: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > SCALE) throw new MoneyFormatError(`more than ${SCALE} decimals: ${value}`);
  const pico = BigInt(whole!) * PICO + BigInt(fraction.padEnd(SCALE, '0'));
  return sign ? -pico : pico;
}

/** 2_500_000n → "0.0000025": the shortest exact decimal. */
export function fromPico(pico: bigint): string {
  const negative = pico < 0n;
  const abs = negative ? -pico : pico;
  const whole = abs / PICO;
  const fraction = (abs % PICO).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const sumMoney = (values: readonly string[]): string => fromPico(values.reduce((total, v) => total + toPico(v), 0n));
export const isZero = (value: string): boolean => toPico(value) === 0n;

/** A per-token price as USD per million tokens, exactly. */
export const perMillion = (perToken: string): string => fromPico(toPico(perToken) * 1_000_000n);

/** USD per million tokens → per token; null when it is not exact at 1e-12 per token. */
export function perTokenFromPerMillion(perMillionUsd: string): string | null {
  try {
    const pico = toPico(perMillionUsd);
    return pico % 1_000_000n === 0n ? fromPico(pico / 1_000_000n) : null;
  } catch {
    return null;
  }
}

/** Whether a typed amount is a valid non-negative decimal (≤ 12 decimals). */
export function parseAmount(input: string): string | null {
  try {
    const pico = toPico(input);
    return pico < 0n ? null : fromPico(pico);
  } catch {
    return null;
  }
}

/**
 * "$1,234.50", "$0.0000025", "−$0.80": every digit the server sent (at least cents), grouped.
 * `maxDecimals` rounds half away from zero for compact displays (totals in charts).
 */
export function usd(value: string, { maxDecimals }: { maxDecimals?: number } = {}): string {
  let pico = toPico(value);
  if (maxDecimals !== undefined && maxDecimals < SCALE) {
    const unit = 10n ** BigInt(SCALE - maxDecimals);
    const half = unit / 2n;
    pico = pico < 0n ? -(((-pico + half) / unit) * unit) : ((pico + half) / unit) * unit;
  }
  const exact = fromPico(pico < 0n ? -pico : pico);
  const [whole, fraction = ''] = exact.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pico < 0n ? '−' : ''}$${grouped}.${fraction.padEnd(2, '0')}`;
}

/** For chart geometry only: never for sums, comparisons or display of exact amounts. */
export const chartNumber = (value: string): number => Number(value);
