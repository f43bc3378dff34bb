import fc from 'fast-check';
import { computeInvoice, type EngagementToInvoice, type InvoiceInput } from './invoice-calculation';
import { InvoiceDecimal, minorUnits } from './invoice-money';

const h = (hours: number) => Math.round(hours * 3600);

describe('computeInvoice', () => {
  it('gives what a hand calculation gives: a rate change, a retainer with overage, a fix, 10 % off and a credit', () => {
    const hourly: EngagementToInvoice = {
      engagementId: 'a',
      name: 'Inbox',
      retainer: null,
      billableRounds: { count: 1, price: '60' },
      entries: [
        { date: '2026-03-03', seconds: h(2), rate: '40', fix: false },
        { date: '2026-03-10', seconds: h(1.5), rate: '40', fix: false },
        { date: '2026-03-16', seconds: h(2.25), rate: '50', fix: false },
        { date: '2026-03-20', seconds: h(1), rate: '50', fix: true },
      ],
    };
    const retainer: EngagementToInvoice = {
      engagementId: 'b',
      name: 'Bookkeeping',
      retainer: { monthlyFee: '800', includedHours: '10', months: 1 },
      billableRounds: null,
      entries: [
        { date: '2026-03-02', seconds: h(4), rate: '45', fix: false },
        { date: '2026-03-09', seconds: h(5), rate: '45', fix: false },
        { date: '2026-03-23', seconds: h(3), rate: '45', fix: false },
      ],
    };
    const result = computeInvoice({
      currency: 'EUR',
      taxRate: '20',
      reverseCharge: false,
      engagements: [hourly, retainer],
      credits: [
        { creditId: 'c1', kind: 'credit', value: '50', description: 'credit' },
        { creditId: 'c2', kind: 'discount_next_project', value: '10', description: 'discount' },
      ],
    });
    expect(result.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['time', '3.50', '40.00', '140.00'], // 2 h + 1.5 h at 40
      ['time', '2.25', '50.00', '112.50'], // from the 15th at 50
      ['fix', '1.00', '0.00', '0.00'], // fixed at no charge
      ['revision_rounds', '1.00', '60.00', '60.00'],
      ['retainer_fee', '1.00', '800.00', '800.00'],
      ['retainer_overage', '2.00', '45.00', '90.00'], // 12 h against 10 included
      ['discount', '10.00', '1202.50', '-120.25'], // 10 % of 140 + 112.50 + 60 + 800 + 90
      ['credit', '1.00', '-50.00', '-50.00'],
    ]);
    expect(result).toMatchObject({ subtotal: '1032.25', taxAmount: '206.45', total: '1238.70' });
  });

  it('charges no tax under reverse charge and rounds to the currency (JPY has no minor unit)', () => {
    const result = computeInvoice({
      currency: 'JPY',
      taxRate: '10',
      reverseCharge: true,
      engagements: [
        {
          engagementId: 'a',
          name: 'A',
          retainer: null,
          billableRounds: null,
          entries: [{ date: '2026-01-02', seconds: 1000, rate: '5000', fix: false }],
        },
      ],
      credits: [],
    });
    // 1000 s = 0.28 h (two places) x 5000 = 1400
    expect(result).toMatchObject({ subtotal: '1400', taxAmount: '0', total: '1400' });
  });

  it('never lets credits take the invoice below zero', () => {
    const result = computeInvoice({
      currency: 'EUR',
      taxRate: null,
      reverseCharge: false,
      engagements: [
        {
          engagementId: 'a',
          name: 'A',
          retainer: null,
          billableRounds: null,
          entries: [{ date: '2026-01-02', seconds: 3600, rate: '30', fix: false }],
        },
      ],
      credits: [
        { creditId: 'c', kind: 'credit', value: '100', description: 'x' },
        { creditId: 'f', kind: 'free_hours', value: '0.5', description: 'y' },
      ],
    });
    expect(result.lines.map((l) => l.amount)).toEqual(['30.00', '-15.00', '-15.00']);
    expect(result.total).toBe('0.00');
  });
});

const CURRENCIES = ['EUR', 'USD', 'JPY', 'KWD', 'CHF'];
const money = fc.integer({ min: 0, max: 5_000_00 }).map((c) => (c / 100).toFixed(2));
const entry = fc.record({
  date: fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`),
  seconds: fc.integer({ min: -3600, max: 36_000 }),
  rate: money,
  fix: fc.boolean(),
});
const engagement = fc.record({
  engagementId: fc.uuid(),
  name: fc.constant('E'),
  entries: fc.array(entry, { maxLength: 12 }),
  retainer: fc.option(
    fc.record({ monthlyFee: money, includedHours: fc.integer({ min: 1, max: 80 }).map(String), months: fc.integer({ min: 1, max: 3 }) }),
  ),
  billableRounds: fc.option(fc.record({ count: fc.integer({ min: 0, max: 5 }), price: money })),
});
const credit = fc.record({
  creditId: fc.uuid(),
  kind: fc.constantFrom('discount_next_project' as const, 'free_hours' as const, 'credit' as const, 'refund' as const),
  value: fc.integer({ min: 1, max: 100 }).map(String),
  description: fc.constant('c'),
});
const input: fc.Arbitrary<InvoiceInput> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  taxRate: fc.option(fc.integer({ min: 0, max: 2500 }).map((b) => (b / 100).toFixed(2))),
  reverseCharge: fc.boolean(),
  engagements: fc.array(engagement, { minLength: 1, maxLength: 4 }),
  credits: fc.array(credit, { maxLength: 4 }),
});

describe('computeInvoice, for any input', () => {
  it('rounds every line to the minor unit and totals exactly the sum of the rounded lines', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = computeInvoice(i);
        const places = minorUnits(i.currency);
        const printed = new RegExp(places ? `^-?\\d+\\.\\d{${places}}$` : '^-?\\d+$');
        for (const line of [...result.lines.map((l) => l.amount), result.subtotal, result.taxAmount, result.total]) {
          expect(line).toMatch(printed);
        }
        const sum = result.lines.reduce((s, l) => s.plus(l.amount), new InvoiceDecimal(0));
        expect(sum.equals(result.subtotal)).toBe(true);
        expect(new InvoiceDecimal(result.subtotal).plus(result.taxAmount).equals(result.total)).toBe(true);
        for (const line of result.lines.filter((l) => l.kind !== 'discount')) {
          expect(
            new InvoiceDecimal(line.quantity)
              .times(line.unitPrice)
              .toDecimalPlaces(places, InvoiceDecimal.ROUND_HALF_UP)
              .abs()
              .gte(new InvoiceDecimal(line.amount).abs()),
          ).toBe(true);
        }
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});

describe('minorUnits', () => {
  it('reads them from Intl', () => {
    expect([minorUnits('EUR'), minorUnits('JPY'), minorUnits('KWD')]).toEqual([2, 0, 3]);
  });
});
