import { ApiError, detailsByField, errorDetails, errorKind, isPlainSentence } from './errors';

describe('errorDetails', () => {
  it('uses a string message', () => {
    expect(errorDetails({ statusCode: 409, message: 'A client account with this name already exists' }, 409)).toEqual([
      'A client account with this name already exists',
    ]);
  });

  it('uses every validation message, capitalised, trimmed and without duplicates', () => {
    const body = {
      statusCode: 400,
      message: ['email must be an email', ' password should not be empty ', 'email must be an email', '', 42],
      error: 'Bad Request',
    };
    expect(errorDetails(body, 400)).toEqual(['Email must be an email', 'Password should not be empty']);
  });

  it('has nothing to say for a body without a usable message', () => {
    expect(errorDetails({ statusCode: 404, message: [] }, 404)).toEqual([]);
    expect(errorDetails(undefined, 403)).toEqual([]);
  });

  it('accepts a short plain-text body but not an HTML error page', () => {
    expect(errorDetails('invitation expired', 410)).toEqual(['Invitation expired']);
    expect(errorDetails('<html><body>Bad</body></html>', 400)).toEqual([]);
  });

  it('never passes on what a server error says', () => {
    expect(errorDetails({ statusCode: 500, message: 'QueryFailedError: relation "x" does not exist' }, 500)).toEqual([]);
  });
});

describe('errorKind / ApiError', () => {
  it.each([
    [0, 'network'],
    [429, 'rate-limited'],
    [502, 'server'],
    [401, 'rejected'],
    [410, 'rejected'],
  ])('status %p is %p', (status, kind) => {
    expect(errorKind(status)).toBe(kind);
  });

  it('carries status, kind and details', () => {
    const error = ApiError.fromResponse(410, { statusCode: 410, message: 'This invitation has expired' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 410, kind: 'rejected', details: ['This invitation has expired'] });
  });
});

describe('detailsByField', () => {
  const fields = ['name', 'hourlyRate', 'hourly', 'workingAgreement', 'assistantIds'] as const;

  it('puts each validation message at the field it names, whatever its case', () => {
    const { byField, rest } = detailsByField(
      [
        'HourlyRate must be a non-negative amount',
        'WorkingAgreement.expectations must be shorter',
        'AssistantIds must be team members of this workspace; unknown: x',
      ],
      fields,
    );
    expect(byField).toEqual({
      hourlyRate: 'HourlyRate must be a non-negative amount',
      workingAgreement: 'WorkingAgreement.expectations must be shorter',
      assistantIds: 'AssistantIds must be team members of this workspace; unknown: x',
    });
    expect(rest).toEqual([]);
  });

  it('keeps what names no field for the alert', () => {
    expect(detailsByField(['A rate already starts on 2027-01-01', 'Name must be shorter'], fields)).toEqual({
      byField: { name: 'Name must be shorter' },
      rest: ['A rate already starts on 2027-01-01'],
    });
  });
});

describe('coded problems', () => {
  it('keeps each problem of a refusal with its code and field', () => {
    const body = {
      statusCode: 400,
      message: ['whatHappened must not be empty', 'x'],
      errors: [
        { code: 'blank', field: 'whatHappened', message: 'whatHappened must not be only spaces' },
        { code: 'unknown_field', field: 'surprise', message: 'x' },
        { nope: 1 },
      ],
    };
    expect(ApiError.fromResponse(400, body).problems).toEqual([
      { code: 'blank', field: 'whatHappened', message: 'whatHappened must not be only spaces' },
      { code: 'unknown_field', field: 'surprise', message: 'x' },
    ]);
    expect(ApiError.fromResponse(500, body).problems).toEqual([]);
  });

  it('tells a plain sentence from one carrying identifiers', () => {
    expect(isPlainSentence('An account with this email already exists')).toBe(true);
    expect(isPlainSentence('whatHappened must not be empty')).toBe(false);
    expect(isPlainSentence('Your role (client_member) may not read Tenant')).toBe(false);
  });
});
