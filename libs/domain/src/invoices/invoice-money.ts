import Decimal from 'decimal.js';

/** Exact decimals for invoices: decimal.js with enough digits that no sum or product of money ever rounds on its own. */
export const InvoiceDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type InvoiceDecimal = Decimal;

const minorUnitCache = new Map<string, number>();

/** Digits after the decimal point of an ISO 4217 currency, as Intl knows them: JPY 0, EUR 2, KWD 3. */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = minorUnitCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnitCache.set(code, digits);
  }
  return digits;
}

/** Rounds half away from zero to the currency's minor unit and prints it with exactly that many places ("12.30", "1200"). */
export function roundMoney(value: Decimal.Value, currency: string): string {
  return new InvoiceDecimal(value).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP).toFixed(minorUnits(currency));
}

/** Sums decimal strings exactly, printed at the currency's minor unit (the inputs are already rounded to it). */
export function sumMoney(values: Iterable<string>, currency: string): string {
  let total = new InvoiceDecimal(0);
  for (const value of values) total = total.plus(value);
  return roundMoney(total, currency);
}

/** A quantity (hours, items, months, percent) printed with two places. */
export function roundQuantity(value: Decimal.Value): string {
  return new InvoiceDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** quantity x unit price, rounded to the currency's minor unit: the one rule for a line's amount. */
export function lineAmount(quantity: string, unitPrice: string, currency: string): string {
  return roundMoney(new InvoiceDecimal(quantity).times(unitPrice), currency);
}

export const isNegative = (value: string): boolean => new InvoiceDecimal(value).isNegative() && !new InvoiceDecimal(value).isZero();
export const compareMoney = (a: string, b: string): number => new InvoiceDecimal(a).comparedTo(b);
export const moneyMinus = (a: string, b: string, currency: string): string => roundMoney(new InvoiceDecimal(a).minus(b), currency);
