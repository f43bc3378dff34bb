import type { Engagement } from './engagement-endpoints';
import { engagementFormValues, engagementSchema, toEngagementInput, toEngagementPatch, toRateInput } from './engagement-schema';

const engagement = {
  id: 'g1',
  clientAccountId: 'c1',
  clientName: 'Acme Bakery',
  name: 'Inbox',
  description: null,
  status: 'active',
  currency: 'EUR',
  currentRate: { id: 'r1', hourlyRate: '45.00', effectiveFrom: '2027-01-01', createdAt: '2027-01-01T00:00:00Z' },
  includedRevisionRounds: 2,
  deadline: null,
  retainer: null,
  workingAgreement: { expectations: 'Daily triage' },
  confidentiality: { terms: null, acceptedAt: null, acceptedBy: null },
  assistants: [{ id: 'a1', displayName: 'Ada' }],
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
} as unknown as Engagement;

describe('the engagement form', () => {
  it('creates with empty optional fields left out and a comma decimal read as a point', () => {
    const form = { ...engagementFormValues(), clientAccountId: 'c1', name: 'Inbox', hourlyRate: '45,5', assistantIds: ['a1'] };
    expect(toEngagementInput(form)).toEqual({
      clientAccountId: 'c1',
      name: 'Inbox',
      status: 'active',
      currency: 'EUR',
      hourlyRate: '45.5',
      includedRevisionRounds: 2,
      assistantIds: ['a1'],
    });
  });

  it('refuses a bad currency, rate and rounds at their fields', () => {
    const result = engagementSchema.safeParse({
      ...engagementFormValues(),
      clientAccountId: 'c1',
      name: 'x',
      currency: 'EURO',
      hourlyRate: '4.555',
      includedRevisionRounds: '101',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['currency', 'hourlyRate', 'includedRevisionRounds']);
  });

  it('patches only what changed (status and rounds always), assistants as a set', () => {
    const form = { ...engagementFormValues(engagement), status: 'paused' as const, communication: 'Slack', assistantIds: ['a1', 'a2'] };
    expect(toEngagementPatch(engagement, form)).toEqual({
      status: 'paused',
      includedRevisionRounds: 2,
      workingAgreement: { expectations: 'Daily triage', communication: 'Slack' },
      assistantIds: ['a1', 'a2'],
    });
    expect(toEngagementPatch(engagement, engagementFormValues(engagement))).toEqual({ status: 'active', includedRevisionRounds: 2 });
  });

  it('sends a new rate from its date', () => {
    expect(toRateInput({ hourlyRate: ' 50,00 ', effectiveFrom: '2027-04-01' })).toEqual({
      hourlyRate: '50.00',
      effectiveFrom: '2027-04-01',
    });
  });
});
