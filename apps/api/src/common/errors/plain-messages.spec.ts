import { plainSentence, summaryOf, validationSentences } from './plain-messages';

describe('plain messages', () => {
  it('turns a validator text about a property into a sentence about "this field", and one naming it in words', () => {
    expect(
      validationSentences('invalid_format', 'whatHappened', 'whatHappened must not be empty: say in plain words what went wrong'),
    ).toEqual({
      item: 'This field must not be empty: say in plain words what went wrong.',
      summary: 'What happened must not be empty: say in plain words what went wrong.',
    });
    expect(validationSentences('too_long', 'name', 'name must be shorter than or equal to 200 characters').item).toBe(
      'This field must be shorter than or equal to 200 characters.',
    );
    expect(validationSentences('invalid_id', 'assistantIds', 'each value in assistantIds must be a UUID')).toEqual({
      item: 'Each value in this field must be a UUID.',
      summary: 'Each value in assistants must be a UUID.',
    });
  });

  it('keeps a validator text that is a sentence of its own', () => {
    expect(validationSentences('is_valid_offer', 'value', 'A discount is a whole percent from 1 to 100')).toEqual({
      item: 'A discount is a whole percent from 1 to 100.',
      summary: 'A discount is a whole percent from 1 to 100.',
    });
  });

  it('never lists identifiers: unknown fields and allowed values have their own sentence', () => {
    expect(validationSentences('unknown_field', 'surprise', 'property surprise should not exist')).toEqual({
      item: 'This field is not expected here.',
      summary: 'Surprise: this field is not expected here.',
    });
    expect(
      validationSentences('not_allowed_value', 'role', 'role must be one of the following values: owner, client_admin, client_member'),
    ).toEqual({
      item: 'This value is not one of the allowed choices.',
      summary: 'Role: this value is not one of the allowed choices.',
    });
  });

  it('rewrites identifiers left in any sentence into words', () => {
    expect(plainSentence('remedyDueAt must be in the future')).toBe('The remedy due date must be in the future');
    expect(plainSentence('discoveredAt cannot be before occurredAt')).toBe(
      'The time the error was found cannot be before the time the error happened',
    );
    expect(plainSentence('involvedUserIds must be team members; send changeSummary and disclosureId')).toBe(
      'Involved users must be team members; send change summary and disclosure',
    );
    expect(plainSentence('Cannot resolve a disclosure that is remedy_accepted; allowed next: in_remediation')).toBe(
      'Cannot resolve a disclosure that is remedy accepted; allowed next: in remediation',
    );
    expect(summaryOf({ field: 'settings.timerLimitHours', message: 'This field must not be empty: it holds only spaces.' })).toBe(
      'Timer limit hours must not be empty: it holds only spaces.',
    );
    expect(plainSentence('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"')).toBe(
      'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"',
    );
  });
});
