import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  PICO_PER_USD,
  ZERO,
  MoneyParseError,
  money,
  parseUsd,
  parseUsdRounded,
  formatUsd,
  formatUsdFixed,
  add,
  sub,
  sum,
  negate,
  compare,
  min,
  max,
  isNegative,
  isZero,
  times,
  usdPerMillionToPerToken,
  perTokenToPerMillion,
  divideRounded,
  percentOf,
  feeWithMinimum,
  parseBasisPoints,
  type Money,
  type Rounding,
} from '../../../src/core/billing/money.js';

const usd = (s: string): Money => parseUsd(s);
const WIDE = 10n ** 80n;
const anyMoney = fc.bigInt({ min: -WIDE, max: WIDE }).map(money);
const nonNegMoney = fc.bigInt({ min: 0n, max: WIDE }).map(money);
const ROUNDINGS: readonly Rounding[] = ['up', 'down', 'half-even', 'half-up'];

function parseError(fn: () => unknown): MoneyParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MoneyParseError);
    return err as MoneyParseError;
  }
  throw new Error('expected MoneyParseError');
}

describe('money / constants', () => {
  it('brands bigints and keeps the value', () => {
    expect(money(42n)).toBe(42n);
    expect(ZERO).toBe(0n);
    expect(PICO_PER_USD).toBe(10n ** 12n);
  });

  it('refuses floats smuggled past the type system', () => {
    expect(() => money(0.5 as unknown as bigint)).toThrow(TypeError);
  });
});

describe('parseUsd', () => {
  it.each([
    ['0.0000025', 2_500_000n],
    ['1', 1_000_000_000_000n],
    ['0', 0n],
    ['-0', 0n],
    ['-0.5', -500_000_000_000n],
    ['0.50', 500_000_000_000n],
    ['0.000000000001', 1n],
    ['123.456789012345', 123_456_789_012_345n],
    ['1000000', 1_000_000n * PICO_PER_USD],
    ['0.0000001833', 183_300n],
  ])('%s -> %s pico', (input, pico) => {
    expect(parseUsd(input)).toBe(pico);
  });

  it.each([
    '',
    '1e-6',
    '1E3',
    '0.0000000000001', // 13 decimals: never round silently
    '1.0000000000000', // 13 decimals even if the extra digit is zero: the rule is digit count
    ' 1',
    '1 ',
    '1.',
    '.5',
    '-.5',
    '+1',
    '-',
    '--1',
    '01',
    '00.5',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1_000',
    '1,5',
    '١', // non-ASCII digit
    '1'.repeat(101),
  ])('rejects %j', (input) => {
    const err = parseError(() => parseUsd(input));
    expect(err.input).toBe(input);
    expect(err.name).toBe('MoneyParseError');
    expect(err).toBeInstanceOf(Error);
  });

  it('rejects non-strings at runtime', () => {
    const err = parseError(() => parseUsd(0.5 as unknown as string));
    expect(err.input).toBe('0.5');
  });
});

describe('parseUsdRounded (importing prices printed with more than 12 decimals)', () => {
  it.each([
    // OpenRouter's own figures: a repeating fraction and float artefacts.
    ['0.00000008333333333333334', 'half-up', 83_333n],
    ['0.00000020000000000000002', 'half-up', 200_000n],
    ['0.0000001300000002', 'half-up', 130_000n],
    ['0.0000000290000007', 'half-up', 29_000n],
    // Exactly half a pico: half-up goes up, half-even to the even neighbour, down truncates.
    ['0.0000000000005', 'half-up', 1n],
    ['0.0000000000015', 'half-even', 2n],
    ['0.0000000000025', 'half-even', 2n],
    ['0.0000000000025', 'down', 2n],
    ['0.0000000000004999', 'half-up', 0n],
    ['0.0000000000021', 'up', 3n],
  ] as const)('%s rounds %s to %s pico', (input, rounding, pico) => {
    expect(parseUsdRounded(input, rounding)).toBe(pico);
  });

  it('is parseUsd for inputs that fit in pico-dollars', () => {
    fc.assert(fc.property(nonNegMoney, fc.constantFrom(...ROUNDINGS), (m, rounding) => parseUsdRounded(formatUsd(m), rounding) === m));
  });

  it('is never more than half a pico away from the exact value (half-up)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 13, max: 30 }), (scaled, places) => {
        const digits = scaled.toString().padStart(places + 1, '0');
        const decimal = `${digits.slice(0, -places).replace(/^0+(?=\d)/, '')}.${digits.slice(-places)}`;
        const rounded = parseUsdRounded(decimal, 'half-up');
        const error = rounded * 10n ** BigInt(places - 12) - scaled; // in units of 10^-places USD
        const half = 5n * 10n ** BigInt(places - 13);
        return error > -half && error <= half;
      }),
    );
  });

  it('rejects what parseUsd rejects', () => {
    for (const bad of ['1e-7', '.5', 'abc', '0.'.padEnd(120, '1')]) expect(() => parseUsdRounded(bad, 'half-up')).toThrow(MoneyParseError);
  });
});

describe('formatUsd', () => {
  it.each([
    [2_500_000n, '0.0000025'],
    [1_000_000_000_000n, '1'],
    [0n, '0'],
    [-500_000_000_000n, '-0.5'],
    [1n, '0.000000000001'],
    [-1n, '-0.000000000001'],
    [123_456_789_012_345n, '123.456789012345'],
    [10n ** 40n, '1' + '0'.repeat(28)],
  ])('%s pico -> %s', (pico, expected) => {
    expect(formatUsd(money(pico))).toBe(expected);
  });
});

describe('formatUsdFixed', () => {
  it.each([
    ['1.005', 2, '1.01'], // half rounds away from zero
    ['1.0049', 2, '1.00'],
    ['-1.005', 2, '-1.01'], // symmetric for negatives
    ['-0.004', 2, '0.00'], // no '-0.00'
    ['0', 2, '0.00'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['0.0000025', 6, '0.000003'],
    ['0.0000025', 12, '0.000002500000'],
    ['1234.5', 4, '1234.5000'],
    ['0.999', 2, '1.00'],
  ] as const)('%s at %d decimals -> %s', (input, decimals, expected) => {
    expect(formatUsdFixed(usd(input), decimals)).toBe(expected);
  });

  it.each([-1, 13, 1.5, Number.NaN])('rejects decimals=%s', (decimals) => {
    expect(() => formatUsdFixed(ZERO, decimals)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('add, sub, sum, negate', () => {
    expect(add(usd('0.1'), usd('0.2'))).toBe(usd('0.3')); // the classic float failure, exact here
    expect(sub(usd('1'), usd('1.5'))).toBe(usd('-0.5'));
    expect(sum([usd('0.1'), usd('0.2'), usd('-0.05')])).toBe(usd('0.25'));
    expect(sum([])).toBe(ZERO);
    expect(negate(usd('0.5'))).toBe(usd('-0.5'));
    expect(negate(ZERO)).toBe(ZERO);
  });

  it('compare, min, max', () => {
    expect(compare(usd('1'), usd('2'))).toBe(-1);
    expect(compare(usd('2'), usd('1'))).toBe(1);
    expect(compare(usd('1'), usd('1.0'))).toBe(0);
    expect(min(usd('1'), usd('-1'))).toBe(usd('-1'));
    expect(max(usd('1'), usd('-1'))).toBe(usd('1'));
  });

  it('isNegative, isZero', () => {
    expect(isNegative(usd('-0.000000000001'))).toBe(true);
    expect(isNegative(ZERO)).toBe(false);
    expect(isNegative(usd('1'))).toBe(false);
    expect(isZero(usd('-0'))).toBe(true);
    expect(isZero(money(1n))).toBe(false);
  });
});

describe('times', () => {
  it('price × tokens is exact', () => {
    expect(times(usd('0.0000025'), 1_000_000)).toBe(usd('2.5'));
    expect(times(usd('0.0000001833'), 3n)).toBe(usd('0.0000005499'));
    expect(times(usd('0.000015'), 0)).toBe(ZERO);
    expect(times(usd('-0.5'), 2)).toBe(usd('-1')); // a negative price is the caller's business; units are counts
    expect(times(money(1n), 2n ** 100n)).toBe(2n ** 100n);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'rejects units=%s',
    (units) => {
      expect(() => times(usd('1'), units)).toThrow(RangeError);
    },
  );

  it('rejects negative bigint units', () => {
    expect(() => times(usd('1'), -1n)).toThrow(RangeError);
  });
});

describe('per-million-token prices', () => {
  it.each([
    ['0.15', 150_000n], // $0.15/M = 1.5e-7 USD/token
    ['3', 3_000_000n],
    ['0', 0n],
    ['2.5', 2_500_000n],
    ['0.0000025', 2n], // 2.5 pico/token: a cap rounds down
    ['0.000000999999999999', 0n], // 18 decimals accepted, below one pico per token
    ['0.000001', 1n],
  ])('%s USD/M -> %s pico/token', (input, pico) => {
    expect(usdPerMillionToPerToken(input)).toBe(pico);
  });

  it.each(['-1', '0.0000000000000000001', '1e-6', '', '.5'])('rejects %j', (input) => {
    expect(parseError(() => usdPerMillionToPerToken(input)).input).toBe(input);
  });

  it('perTokenToPerMillion is exact', () => {
    expect(formatUsd(perTokenToPerMillion(usd('0.0000025')))).toBe('2.5');
    expect(perTokenToPerMillion(ZERO)).toBe(ZERO);
  });
});

describe('divideRounded', () => {
  it.each([
    // n, d, down, up, half-up, half-even
    [7n, 2n, 3n, 4n, 4n, 4n],
    [5n, 2n, 2n, 3n, 3n, 2n],
    [-5n, 2n, -3n, -2n, -2n, -2n], // ties: half-up toward +∞, half-even to even
    [-7n, 2n, -4n, -3n, -3n, -4n],
    [7n, -2n, -4n, -3n, -3n, -4n],
    [-7n, -2n, 3n, 4n, 4n, 4n],
    [10n, 5n, 2n, 2n, 2n, 2n],
    [-10n, 5n, -2n, -2n, -2n, -2n],
    [1n, 3n, 0n, 1n, 0n, 0n],
    [2n, 3n, 0n, 1n, 1n, 1n],
    [-1n, 3n, -1n, 0n, 0n, 0n],
    [-2n, 3n, -1n, 0n, -1n, -1n],
    [0n, 7n, 0n, 0n, 0n, 0n],
  ])('%s / %s', (n, d, down, up, halfUp, halfEven) => {
    expect(divideRounded(n, d, 'down')).toBe(down);
    expect(divideRounded(n, d, 'up')).toBe(up);
    expect(divideRounded(n, d, 'half-up')).toBe(halfUp);
    expect(divideRounded(n, d, 'half-even')).toBe(halfEven);
  });

  it('rejects division by zero', () => {
    expect(() => divideRounded(1n, 0n, 'down')).toThrow(RangeError);
  });

  it('rejects unknown rounding modes at runtime', () => {
    expect(() => divideRounded(1n, 2n, 'sideways' as Rounding)).toThrow(RangeError);
  });
});

describe('percentages and fees', () => {
  it('parseBasisPoints', () => {
    expect(parseBasisPoints('5.5')).toBe(550n);
    expect(parseBasisPoints('5')).toBe(500n);
    expect(parseBasisPoints('0.01')).toBe(1n);
    expect(parseBasisPoints('100')).toBe(10_000n);
    expect(parseBasisPoints('0')).toBe(0n);
  });

  it.each(['5.555', '-1', '', '5%', '.5', '5.', '+5', '1e2'])('parseBasisPoints rejects %j', (input) => {
    expect(parseError(() => parseBasisPoints(input)).input).toBe(input);
  });

  it('percentOf rounds as asked', () => {
    expect(percentOf(usd('100'), 550n, 'up')).toBe(usd('5.5'));
    // 5.5% of 1 pico = 0.055 pico
    expect(percentOf(money(1n), 550n, 'down')).toBe(0n);
    expect(percentOf(money(1n), 550n, 'up')).toBe(1n);
    expect(percentOf(money(1n), 550n, 'half-up')).toBe(0n);
    // 50% of 3 pico = 1.5 pico
    expect(percentOf(money(3n), 5_000n, 'half-even')).toBe(2n);
    expect(percentOf(money(5n), 5_000n, 'half-even')).toBe(2n);
    expect(percentOf(money(-3n), 5_000n, 'half-up')).toBe(-1n);
  });

  it('feeWithMinimum: percentage rounded up, floored at the minimum', () => {
    const bps = parseBasisPoints('5.5');
    const minimum = usd('0.80');
    expect(feeWithMinimum(usd('10'), bps, minimum)).toBe(usd('0.8'));
    expect(feeWithMinimum(usd('100'), bps, minimum)).toBe(usd('5.5'));
    expect(feeWithMinimum(usd('14.545454545454'), bps, minimum)).toBe(usd('0.8')); // 0.79999999999997 < min
    expect(feeWithMinimum(usd('20.000000000001'), bps, ZERO)).toBe(usd('1.100000000001')); // 1.10000000000005... -> ceiling
    expect(feeWithMinimum(ZERO, bps, ZERO)).toBe(ZERO);
  });

  it('feeWithMinimum rejects negative inputs', () => {
    expect(() => feeWithMinimum(usd('-1'), 550n, ZERO)).toThrow(RangeError);
    expect(() => feeWithMinimum(usd('1'), -550n, ZERO)).toThrow(RangeError);
    expect(() => feeWithMinimum(usd('1'), 550n, usd('-1'))).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/** Independent reference for canonical form: strip trailing fraction zeros, drop a bare '.', no '-0'. */
function canonical(s: string): string {
  let out = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  if (/^-0$/.test(out)) out = '0';
  return out;
}

const decimalString = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,25}$/)),
    fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
  )
  .map(([neg, whole, fraction]) => `${neg ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

describe('properties', () => {
  it('parseUsd(formatUsd(x)) === x', () => {
    fc.assert(fc.property(anyMoney, (m) => parseUsd(formatUsd(m)) === m));
  });

  it('formatUsd(parseUsd(s)) is the canonical form of s', () => {
    fc.assert(
      fc.property(decimalString, (s) => {
        expect(formatUsd(parseUsd(s))).toBe(canonical(s));
      }),
    );
  });

  it('formatUsdFixed(…, 12) agrees with formatUsd up to padding', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(canonical(formatUsdFixed(m, 12))).toBe(formatUsd(m));
      }),
    );
  });

  it('formatUsdFixed is within half a display unit of the exact value', () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 0, max: 12 }), (m, decimals) => {
        const shown = parseUsd(formatUsdFixed(m, decimals));
        const unit = 10n ** BigInt(12 - decimals);
        const diff = shown - m;
        expect(2n * (diff < 0n ? -diff : diff) <= unit).toBe(true);
      }),
    );
  });

  it('add is commutative and associative', () => {
    fc.assert(
      fc.property(anyMoney, anyMoney, anyMoney, (a, b, c) => {
        expect(add(a, b)).toBe(add(b, a));
        expect(add(add(a, b), c)).toBe(add(a, add(b, c)));
        expect(sub(add(a, b), b)).toBe(a);
        expect(sum([a, b, c])).toBe(add(add(a, b), c));
      }),
    );
  });

  it('times distributes over add', () => {
    const units = fc.bigInt({ min: 0n, max: 10n ** 30n });
    fc.assert(
      fc.property(anyMoney, units, units, (price, a, b) => {
        expect(times(price, a + b)).toBe(add(times(price, a), times(price, b)));
      }),
    );
  });

  it('times accepts numbers and bigints alike', () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (price, n) => {
        expect(times(price, n)).toBe(times(price, BigInt(n)));
      }),
    );
  });

  it('compare/min/max are consistent', () => {
    fc.assert(
      fc.property(anyMoney, anyMoney, (a, b) => {
        const c = compare(a, b);
        expect(c).toBe(-compare(b, a) || 0);
        expect(min(a, b)).toBe(c <= 0 ? a : b);
        expect(max(a, b)).toBe(c >= 0 ? a : b);
      }),
    );
  });

  const numerators = fc.bigInt({ min: -WIDE, max: WIDE });
  const denominators = fc.oneof(
    fc.bigInt({ min: -1000n, max: 1000n }),
    fc.bigInt({ min: -WIDE, max: WIDE }),
  ).filter((d) => d !== 0n);

  it('divideRounded: floor ≤ n/d ≤ ceil, ceil - floor ≤ 1, nearest modes pick a nearest neighbour', () => {
    fc.assert(
      fc.property(numerators, denominators, (n, d) => {
        // Normalise so d > 0 and inequalities read naturally.
        const nn = d < 0n ? -n : n;
        const dd = d < 0n ? -d : d;
        const floor = divideRounded(n, d, 'down');
        const ceil = divideRounded(n, d, 'up');
        expect(floor * dd <= nn).toBe(true);
        expect(nn < (floor + 1n) * dd).toBe(true);
        expect(ceil * dd >= nn).toBe(true);
        expect(nn > (ceil - 1n) * dd).toBe(true);
        expect(ceil - floor).toBe(nn % dd === 0n ? 0n : 1n);
        for (const mode of ['half-up', 'half-even'] as const) {
          const q = divideRounded(n, d, mode);
          expect(q === floor || q === ceil).toBe(true);
          const err = nn - q * dd; // distance to the exact value, in units of 1/dd
          expect(2n * (err < 0n ? -err : err) <= dd).toBe(true);
        }
      }),
    );
  });

  it('divideRounded: exact ties go to +∞ (half-up) and to even (half-even)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -WIDE, max: WIDE }), fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.boolean(), (k, half, flip) => {
        // n/d = k + 1/2 exactly, with the sign of d varied.
        const d = 2n * half;
        const n = k * d + half;
        const [num, den] = flip ? [-n, -d] : [n, d];
        expect(divideRounded(num, den, 'half-up')).toBe(k + 1n);
        const even = k % 2n === 0n ? k : k + 1n;
        expect(divideRounded(num, den, 'half-even')).toBe(even);
        expect(divideRounded(num, den, 'half-even') % 2n).toBe(0n);
      }),
    );
  });

  it('divideRounded: every mode is exact on exact quotients', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -WIDE, max: WIDE }), denominators, fc.constantFrom(...ROUNDINGS), (q, d, mode) => {
        expect(divideRounded(q * d, d, mode)).toBe(q);
      }),
    );
  });

  it("percentOf(…, 'down') ≤ percentOf(…, 'up') ≤ down + 1", () => {
    fc.assert(
      fc.property(anyMoney, fc.bigInt({ min: 0n, max: 100_000n }), (amount, bps) => {
        const down = percentOf(amount, bps, 'down');
        const up = percentOf(amount, bps, 'up');
        expect(down <= up).toBe(true);
        expect(up <= down + 1n).toBe(true);
      }),
    );
  });

  it('feeWithMinimum ≥ minimum and ≥ the exact percentage', () => {
    fc.assert(
      fc.property(nonNegMoney, fc.bigInt({ min: 0n, max: 10_000n }), nonNegMoney, (amount, bps, minimum) => {
        const fee = feeWithMinimum(amount, bps, minimum);
        expect(fee >= minimum).toBe(true);
        expect(fee * 10_000n >= amount * bps).toBe(true); // never below the exact fee: the house never loses the rounding
        expect(fee === minimum || (fee - 1n) * 10_000n < amount * bps).toBe(true); // and at most one pico above it
      }),
    );
  });

  it('parseBasisPoints is exact for generated percentages', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (bps) => {
        const s = `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, '0')}`;
        expect(parseBasisPoints(s)).toBe(BigInt(bps));
      }),
    );
  });

  it('per-million caps round down and round-trip exact per-token prices', () => {
    fc.assert(
      fc.property(nonNegMoney, (perToken) => {
        expect(usdPerMillionToPerToken(formatUsd(perTokenToPerMillion(perToken)))).toBe(perToken);
      }),
    );
    fc.assert(
      // Arbitrary 18-decimal caps: result × 1e6 never exceeds the cap, and one more pico would.
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (atto) => {
        const whole = atto / 10n ** 18n;
        const frac = (atto % 10n ** 18n).toString().padStart(18, '0');
        const perToken = usdPerMillionToPerToken(`${whole}.${frac}`);
        expect(perToken * 10n ** 12n <= atto).toBe(true);
        expect((perToken + 1n) * 10n ** 12n > atto).toBe(true);
      }),
    );
  });
});
