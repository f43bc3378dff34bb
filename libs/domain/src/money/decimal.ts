/**
 * Exact money and hour arithmetic on decimal strings with two places, through BigInt cents:
 * no value ever passes through a float. Rounding is half away from zero, as PostgreSQL's round().
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "45.5" -> 4550n. Throws on anything that is not a decimal with at most two places. */
export function toCents(value: string): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a decimal amount: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -cents : cents;
}

/** 4550n -> "45.50". */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** The amount for `seconds` of work at an hourly `rate`, rounded to cents. */
export function amountFor(seconds: number, rate: string): string {
  return fromCents(divideRounded(BigInt(seconds) * toCents(rate), 3600n));
}

/** Seconds as decimal hours with two places: 5400 -> "1.50". */
export function hoursFor(seconds: number): string {
  return fromCents(divideRounded(BigInt(seconds) * 100n, 3600n));
}

/** The sum of decimal amounts, exactly. */
export function sumAmounts(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += toCents(amount);
  return fromCents(total);
}
