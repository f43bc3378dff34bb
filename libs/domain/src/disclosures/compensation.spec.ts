import { offerValueProblem } from './compensation';

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
    ['discount_next_project', '0', null, 'whole percent from 1 to 100'],
    ['discount_next_project', '101', null, 'whole percent from 1 to 100'],
    ['discount_next_project', '10.5', null, 'whole percent'],
    ['free_hours', '-2', null, 'more than 0'],
    ['free_hours', '0', null, 'more than 0'],
    ['deadline_extension', '0', null, 'at least 1'],
    ['credit', '10.005', 'EUR', 'at most 2 decimals'],
    ['credit', '10.00', null, 'currency'],
    ['refund', '1e3', 'EUR', 'amount of money'],
    ['free_revision', '1', null, 'no value'],
  ] as const)('refuses %s %s %s', (kind, value, currency, message) => {
    expect(offerValueProblem(kind, value, currency)).toContain(message);
  });
});
