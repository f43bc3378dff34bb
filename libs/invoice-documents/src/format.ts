import type { InvoiceLine, InvoiceLocale } from './invoice-document';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Intl reads a decimal string exactly (no binary rounding); anything else is refused loudly. */
export function decimal(value: string): Intl.StringNumericLiteral {
  if (!DECIMAL.test(value)) throw new Error(`Not a decimal amount: "${value}"`);
  return value as Intl.StringNumericLiteral;
}

/** The formatters of one document: money in its currency, days and quantities, all in the client's language. */
export class Formats {
  private readonly money: Intl.NumberFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly units: Record<'hour' | 'month', Intl.NumberFormat>;

  constructor(locale: InvoiceLocale, currency: string) {
    this.money = new Intl.NumberFormat(locale, { style: 'currency', currency });
    this.day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
    const unit = (name: string) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 4 });
    this.units = { hour: unit('hour'), month: unit('month') };
  }

  /** "€1,234.50", "1.234,50 €", "￥120,000", "‏١٬٢٣٤٫٥٠ US$" */
  amount(value: string): string {
    return this.money.format(decimal(value));
  }

  /** A calendar day (YYYY-MM-DD, no zone) written out: "30 November 2026", "2026年11月30日". */
  date(value: string): string {
    return this.day.format(new Date(`${value}T00:00:00Z`));
  }

  /** A tax rate given in percent ("19" or "7.5"). */
  rate(value: string): string {
    return this.percent.format(Number(decimal(value)) / 100);
  }

  /** A line's quantity with its unit: "12.5 hr", "3 Std.", "2 か月"; a percent line as a percentage; items bare. */
  quantity(line: Pick<InvoiceLine, 'quantity' | 'unit'>): string {
    const value = decimal(line.quantity);
    switch (line.unit) {
      case 'hour':
      case 'month':
        return this.units[line.unit].format(value);
      case 'percent':
        return this.rate(line.quantity);
      case 'item':
        return this.number.format(value);
    }
  }
}
