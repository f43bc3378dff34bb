import { disclosureSchema, fieldProblems, newDisclosureValues, offerValueProblem, toOfferInput } from './disclosure-schema';

describe('fieldProblems', () => {
  it('points the blameless refusal at the fields and words it names', () => {
    const problems = [
      { code: 'names_involved_person', field: 'whatHappened', message: 'This names a person involved: "Ada".' },
      { code: 'names_involved_person', field: 'impact', message: 'This names a person involved: "ada@demo.test".' },
    ];
    expect(fieldProblems(problems)).toEqual([
      { field: 'whatHappened', words: 'Ada' },
      { field: 'impact', words: 'ada@demo.test' },
    ]);
  });

  it('points a missing impact and apology at their fields', () => {
    const missing = (field: string) => ({
      code: 'required_to_disclose',
      field,
      message: 'The client needs this before the disclosure is sent.',
    });
    expect(fieldProblems([missing('impact'), missing('apology')])).toEqual([{ field: 'impact' }, { field: 'apology' }]);
  });

  it('ignores other refusals and fields the client never reads', () => {
    expect(fieldProblems([{ code: 'bad_request', message: 'Discovered at cannot be in the future' }])).toEqual([]);
    expect(fieldProblems([{ code: 'names_involved_person', field: 'rootCause', message: 'This names a person involved: "Ada".' }])).toEqual(
      [],
    );
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
