import { disclosureSchema, fieldProblems, newDisclosureValues, offerValueProblem, toOfferInput } from './disclosure-schema';

describe('fieldProblems', () => {
  it('points the blameless refusal at the fields and words it names', () => {
    const message =
      'Client-facing text names a person involved: "Ada" in whatHappened, "ada@demo.test" in impact. Describe what happened as the team ("we"), without names.';
    expect(fieldProblems([message])).toEqual([
      { field: 'whatHappened', words: 'Ada' },
      { field: 'impact', words: 'ada@demo.test' },
    ]);
  });

  it('points a missing impact and apology at their fields', () => {
    expect(fieldProblems(['Before disclosing, write the impact and the apology: the client needs both'])).toEqual([
      { field: 'impact' },
      { field: 'apology' },
    ]);
  });

  it('ignores other refusals', () => {
    expect(fieldProblems(['discoveredAt cannot be in the future'])).toEqual([]);
  });
});

describe('offers', () => {
  it('checks the value the way the API does', () => {
    expect(offerValueProblem('discount_next_project', '0', '')).toBe('validation.offerPercent');
    expect(offerValueProblem('discount_next_project', '101', '')).toBe('validation.offerPercent');
    expect(offerValueProblem('discount_next_project', '10', '')).toBeNull();
    expect(offerValueProblem('free_hours', '-1', '')).toBe('validation.offerHours');
    expect(offerValueProblem('free_hours', '1.5', '')).toBeNull();
    expect(offerValueProblem('deadline_extension', '2.5', '')).toBe('validation.offerDays');
    expect(offerValueProblem('credit', '25.005', 'EUR')).toBe('validation.offerMoney');
    expect(offerValueProblem('credit', '25.00', 'eu')).toBe('validation.offerCurrency');
    expect(offerValueProblem('refund', '25.00', 'EUR')).toBeNull();
    expect(offerValueProblem('free_revision', '', '')).toBeNull();
  });

  it('sends only what the kind takes', () => {
    expect(toOfferInput({ kind: 'free_revision', value: '3', currency: 'EUR', note: '' })).toEqual({ kind: 'free_revision' });
    expect(toOfferInput({ kind: 'credit', value: '25.00', currency: 'EUR', note: 'Next invoice' })).toEqual({
      kind: 'credit',
      value: '25.00',
      currency: 'EUR',
      note: 'Next invoice',
    });
    expect(toOfferInput({ kind: '', value: '', currency: '', note: '' })).toBeNull();
  });
});

describe('disclosureSchema', () => {
  it('needs the facts, and a discovery after the error', () => {
    const values = {
      ...newDisclosureValues(new Date('2026-11-20T10:00:00Z')),
      discoveredAt: '2026-11-19T08:00',
      occurredAt: '2026-11-20T08:00',
    };
    const result = disclosureSchema.safeParse(values);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(['whatHappened: validation.whatHappenedRequired', 'discoveredAt: validation.discoveredBeforeOccurred']),
    );
  });

  it('checks an offer only when one is chosen', () => {
    const values = { ...newDisclosureValues(), whatHappened: 'We sent the wrong file.' };
    expect(disclosureSchema.safeParse(values).success).toBe(true);
    const withOffer = { ...values, offer: { kind: 'credit', value: '25', currency: '', note: '' } };
    const result = disclosureSchema.safeParse(withOffer);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['offer.currency']);
  });
});
