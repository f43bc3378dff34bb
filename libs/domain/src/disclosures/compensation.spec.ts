import { offerProblemMessage, offerValueProblem } from './compensation';

describe('offerValueProblem', () => {
  it.each([
    ['discount_next_project', '10', null],
    ['discount_next_project', '100', null],
    ['free_hours', '1.5', null],
    ['deadline_extension', '3', null],
    ['credit', '25.00', 'EUR'],
    ['refund', '0.01', 'USD'],
    ['free_revision', null, null],
  ] as const)('accepts %s %s %s', (kind, value, currency) => {
    expect(offerValueProblem(kind, value, currency)).toBeNull();
  });

  it.each([
    ['discount_next_project', '0', null, 'offerPercent', 'whole percent from 1 to 100'],
    ['discount_next_project', '101', null, 'offerPercent', 'whole percent from 1 to 100'],
    ['discount_next_project', '10.5', null, 'offerPercent', 'whole percent'],
    ['discount_next_project', '10', 'EUR', 'offerNoCurrency', 'takes no currency'],
    ['free_hours', '-2', null, 'offerHours', 'more than 0'],
    ['free_hours', '0', null, 'offerHours', 'more than 0'],
    ['deadline_extension', '0', null, 'offerDays', 'at least 1'],
    ['credit', '10.005', 'EUR', 'offerMoney', 'at most 2 decimals'],
    ['credit', '10.00', null, 'offerCurrency', 'currency'],
    ['refund', '1e3', 'EUR', 'offerMoney', 'amount of money'],
    ['free_revision', '1', null, 'offerNoValue', 'no value'],
  ] as const)('refuses %s %s %s', (kind, value, currency, code, message) => {
    expect(offerValueProblem(kind, value, currency)).toBe(code);
    expect(offerProblemMessage(code, kind)).toContain(message);
  });
});
