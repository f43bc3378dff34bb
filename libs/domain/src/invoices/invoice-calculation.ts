import { InvoiceDecimal, compareMoney, lineAmount, roundMoney, roundQuantity, sumMoney } from './invoice-money';

export type InvoiceLineUnit = 'hour' | 'item' | 'month' | 'percent';
export type InvoiceLineKind =
  'time' | 'retainer_fee' | 'retainer_overage' | 'fix' | 'revision_rounds' | 'discount' | 'free_hours' | 'credit' | 'manual';

/** One approved entry: its day (YYYY-MM-DD, the tenant's zone), signed seconds (an adjustment may be negative) and the rate it was logged at. */
export interface BillableEntry {
  date: string;
  seconds: number;
  rate: string;
  /** Time spent putting a disclosed error right: shown, never charged. */
  fix: boolean;
}

export interface EngagementToInvoice {
  engagementId: string;
  name: string;
  entries: BillableEntry[];
  /** A retainer: the fee per month and the hours it includes; hours beyond are overage at the entries' rates. */
  retainer: { monthlyFee: string; includedHours: string; months: number } | null;
  /** Billable revision rounds accepted in the period and the price of one. */
  billableRounds: { count: number; price: string } | null;
}

/** An accepted compensation offer from the client's credit ledger. */
export interface CreditToApply {
  creditId: string;
  kind: 'discount_next_project' | 'free_hours' | 'credit' | 'refund';
  /** Percent, hours, or money in the invoice's currency. */
  value: string;
  description: string;
}

export interface InvoiceInput {
  currency: string;
  /** Percent, e.g. "20"; null when the client pays no tax. */
  taxRate: string | null;
  reverseCharge: boolean;
  engagements: EngagementToInvoice[];
  credits: CreditToApply[];
}

export interface ComputedLine {
  kind: InvoiceLineKind;
  engagementId: string | null;
  creditId: string | null;
  description: string;
  quantity: string;
  unit: InvoiceLineUnit;
  unitPrice: string;
  amount: string;
  note: string | null;
}

export interface InvoiceTotals {
  subtotal: string;
  taxAmount: string;
  total: string;
}

const hours = (seconds: number) => roundQuantity(new InvoiceDecimal(seconds).dividedBy(3600));

/** Entries grouped by rate in the order the rates first appear (by date): one line per rate period. */
function byRate(entries: BillableEntry[]): { rate: string; seconds: number; from: string; to: string }[] {
  const groups = new Map<string, { rate: string; seconds: number; from: string; to: string }>();
  for (const e of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = new InvoiceDecimal(e.rate).toFixed(4);
    const group = groups.get(key);
    if (group) {
      group.seconds += e.seconds;
      group.to = e.date;
    } else groups.set(key, { rate: e.rate, seconds: e.seconds, from: e.date, to: e.date });
  }
  return [...groups.values()].filter((g) => g.seconds !== 0);
}

function timeLines(e: EngagementToInvoice, entries: BillableEntry[], kind: 'time' | 'retainer_overage', currency: string): ComputedLine[] {
  return byRate(entries).map((g) => {
    const quantity = hours(g.seconds);
    const unitPrice = roundMoney(g.rate, currency);
    const what = kind === 'time' ? 'hours' : 'hours beyond the retainer';
    return {
      kind,
      engagementId: e.engagementId,
      creditId: null,
      description: `${e.name}: ${what}, ${g.from} to ${g.to}`,
      quantity,
      unit: 'hour',
      unitPrice,
      amount: lineAmount(quantity, unitPrice, currency),
      note: null,
    };
  });
}

/** The entries beyond the retainer's hours, taken in date order: the earliest hours use up the allowance. */
function overage(entries: BillableEntry[], includedHours: string, months: number): BillableEntry[] {
  let allowance = new InvoiceDecimal(includedHours).times(months).times(3600).toNumber();
  const beyond: BillableEntry[] = [];
  for (const e of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    if (e.seconds <= allowance) {
      allowance -= e.seconds;
      continue;
    }
    beyond.push({ ...e, seconds: e.seconds - Math.max(allowance, 0) });
    allowance = 0;
  }
  return beyond;
}

function engagementLines(e: EngagementToInvoice, currency: string): ComputedLine[] {
  const charged = e.entries.filter((x) => !x.fix);
  const lines: ComputedLine[] = [];
  if (e.retainer) {
    const unitPrice = roundMoney(e.retainer.monthlyFee, currency);
    const quantity = roundQuantity(e.retainer.months);
    lines.push({
      kind: 'retainer_fee',
      engagementId: e.engagementId,
      creditId: null,
      description: `${e.name}: monthly retainer (${new InvoiceDecimal(e.retainer.includedHours).toString()} hours a month included)`,
      quantity,
      unit: 'month',
      unitPrice,
      amount: lineAmount(quantity, unitPrice, currency),
      note: null,
    });
    lines.push(...timeLines(e, overage(charged, e.retainer.includedHours, e.retainer.months), 'retainer_overage', currency));
  } else lines.push(...timeLines(e, charged, 'time', currency));
  const fixSeconds = e.entries.filter((x) => x.fix).reduce((sum, x) => sum + x.seconds, 0);
  if (fixSeconds > 0) {
    lines.push({
      kind: 'fix',
      engagementId: e.engagementId,
      creditId: null,
      description: `${e.name}: putting a disclosed error right`,
      quantity: hours(fixSeconds),
      unit: 'hour',
      unitPrice: roundMoney(0, currency),
      amount: roundMoney(0, currency),
      note: 'fixed at no charge',
    });
  }
  if (e.billableRounds && e.billableRounds.count > 0) {
    const quantity = roundQuantity(e.billableRounds.count);
    const unitPrice = roundMoney(e.billableRounds.price, currency);
    lines.push({
      kind: 'revision_rounds',
      engagementId: e.engagementId,
      creditId: null,
      description: `${e.name}: revision rounds beyond the included ones`,
      quantity,
      unit: 'item',
      unitPrice,
      amount: lineAmount(quantity, unitPrice, currency),
      note: null,
    });
  }
  return lines;
}

/** The latest rate billed: free hours are worth what the last hour cost. */
function latestRate(input: InvoiceInput): string | null {
  const entries = input.engagements.flatMap((e) => e.entries.filter((x) => !x.fix && x.seconds > 0));
  const last = entries.sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return last ? last.rate : null;
}

/**
 * Credits in a fixed order (free hours, then a percent discount on what is left, then money), each
 * capped so the invoice never goes below zero. A credit that cannot apply (no hours billed) is left out.
 */
function creditLines(input: InvoiceInput, charges: ComputedLine[]): ComputedLine[] {
  const { currency } = input;
  const lines: ComputedLine[] = [];
  const running = () =>
    sumMoney(
      [...charges, ...lines].map((l) => l.amount),
      currency,
    );
  const capped = (amount: string) => (compareMoney(amount, running()) > 0 ? running() : amount);
  const order = ['free_hours', 'discount_next_project', 'credit', 'refund'];
  for (const credit of [...input.credits].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
    const base = { engagementId: null, creditId: credit.creditId, note: credit.description };
    if (credit.kind === 'free_hours') {
      const rate = latestRate(input);
      if (!rate) continue;
      const quantity = roundQuantity(credit.value);
      const unitPrice = roundMoney(new InvoiceDecimal(rate).negated(), currency);
      const amount = capped(lineAmount(quantity, roundMoney(rate, currency), currency));
      lines.push({
        ...base,
        kind: 'free_hours',
        description: 'Free hours',
        quantity,
        unit: 'hour',
        unitPrice,
        amount: neg(amount, currency),
      });
    } else if (credit.kind === 'discount_next_project') {
      const unitPrice = running();
      const quantity = roundQuantity(credit.value);
      const amount = roundMoney(new InvoiceDecimal(unitPrice).times(quantity).dividedBy(100), currency);
      lines.push({
        ...base,
        kind: 'discount',
        description: `Discount ${new InvoiceDecimal(credit.value).toString()} %`,
        quantity,
        unit: 'percent',
        unitPrice,
        amount: neg(amount, currency),
      });
    } else {
      const amount = capped(roundMoney(credit.value, currency));
      lines.push({
        ...base,
        kind: 'credit',
        description: 'Credit',
        quantity: roundQuantity(1),
        unit: 'item',
        unitPrice: neg(amount, currency),
        amount: neg(amount, currency),
      });
    }
  }
  return lines;
}

const neg = (amount: string, currency: string) => roundMoney(new InvoiceDecimal(amount).negated(), currency);

/** Subtotal (the sum of the lines, exactly), tax at the client's rate unless reverse charge, and the total. */
export function invoiceTotals(
  lines: readonly Pick<ComputedLine, 'amount'>[],
  currency: string,
  taxRate: string | null,
  reverseCharge: boolean,
): InvoiceTotals {
  const subtotal = sumMoney(
    lines.map((l) => l.amount),
    currency,
  );
  const taxAmount =
    reverseCharge || taxRate === null
      ? roundMoney(0, currency)
      : roundMoney(new InvoiceDecimal(subtotal).times(taxRate).dividedBy(100), currency);
  return { subtotal, taxAmount, total: sumMoney([subtotal, taxAmount], currency) };
}

/**
 * An invoice's lines from approved time, retainers, billable revision rounds and accepted credits:
 * every amount rounded to the currency's minor unit on its line, totals summed from the lines.
 */
export function computeInvoice(input: InvoiceInput): { lines: ComputedLine[] } & InvoiceTotals {
  const charges = input.engagements.flatMap((e) => engagementLines(e, input.currency));
  const lines = [...charges, ...creditLines(input, charges)];
  return { lines, ...invoiceTotals(lines, input.currency, input.taxRate, input.reverseCharge) };
}
