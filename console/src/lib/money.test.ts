import { describe, expect, it } from 'vitest';
import { fromPico, parseAmount, perMillion, perTokenFromPerMillion, sumMoney, toPico, usd } from './money';

describe('console money: exact decimal strings through pico-dollars', () => {
  it('round-trips the schema’s Money strings exactly', () => {
    for (const value of ['0', '10', '0.0000025', '-0.8', '123.456789012345', '10000']) expect(fromPico(toPico(value))).toBe(value);
    expect(fromPico(toPico('1.50'))).toBe('1.5');
    expect(toPico('0.000000000001')).toBe(1n);
    expect(() => toPico('0.0000000000001')).toThrow(/decimals/);
    expect(() => toPico('1e-6')).toThrow();
  });

  it('sums without float error', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.3');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.000001'))).toBe('0.001');
    expect(sumMoney([])).toBe('0');
  });

  it('converts per-token prices to and from per million tokens', () => {
    expect(perMillion('0.00000059')).toBe('0.59');
    expect(perMillion('0.000015')).toBe('15');
    expect(perTokenFromPerMillion('0.59')).toBe('0.00000059');
    expect(perTokenFromPerMillion('0.0000001')).toBeNull(); // finer than 1e-12 per token
    expect(perTokenFromPerMillion('abc')).toBeNull();
  });

  it('shows every digit, at least cents, grouped; rounds only when asked', () => {
    expect(usd('1234.5')).toBe('$1,234.50');
    expect(usd('0.00004095')).toBe('$0.00004095');
    expect(usd('-0.8')).toBe('−$0.80');
    expect(usd('0.125', { maxDecimals: 2 })).toBe('$0.13');
    expect(usd('-0.125', { maxDecimals: 2 })).toBe('−$0.13');
  });

  it('accepts only plain non-negative amounts as input', () => {
    expect(parseAmount(' 12.50 ')).toBe('12.5');
    expect(parseAmount('-1')).toBeNull();
    expect(parseAmount('12,50')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});
