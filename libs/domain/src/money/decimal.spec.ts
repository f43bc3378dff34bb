import { amountFor, fromCents, hoursFor, sumAmounts, toCents } from './decimal';

describe('decimal money', () => {
  it('parses and prints two-place decimals exactly', () => {
    expect(toCents('45')).toBe(4500n);
    expect(toCents('45.5')).toBe(4550n);
    expect(toCents('-0.05')).toBe(-5n);
    expect(fromCents(4550n)).toBe('45.50');
    expect(fromCents(-5n)).toBe('-0.05');
    expect(() => toCents('4.555')).toThrow(/not a decimal/);
    expect(() => toCents('abc')).toThrow(/not a decimal/);
  });

  it('prices time to the cent, half away from zero', () => {
    expect(amountFor(5400, '45.00')).toBe('67.50');
    expect(amountFor(1, '45.00')).toBe('0.01'); // 0.0125 -> 0.01
    expect(amountFor(2, '45.00')).toBe('0.03'); // 0.025 -> 0.03
    expect(amountFor(-1800, '40.00')).toBe('-20.00');
    expect(amountFor(-2, '45.00')).toBe('-0.03');
  });

  it('turns seconds into hours with two places', () => {
    expect(hoursFor(5400)).toBe('1.50');
    expect(hoursFor(60)).toBe('0.02'); // 0.01666 -> 0.02
    expect(hoursFor(0)).toBe('0.00');
  });

  it('adds amounts where floats would drift', () => {
    expect(sumAmounts(['0.10', '0.20', '0.30'])).toBe('0.60');
    expect(sumAmounts(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
  });
});
