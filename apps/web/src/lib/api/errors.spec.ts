import {
  ApiError,
  errorMessages,
  NETWORK_ERROR_MESSAGE,
  RATE_LIMIT_MESSAGE,
  SERVER_ERROR_MESSAGE,
  toErrorMessages,
} from './errors';

describe('toErrorMessages', () => {
  it('uses a string message', () => {
    expect(toErrorMessages({ statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' }, 401)).toEqual([
      'Invalid email or password',
    ]);
  });

  it('uses every validation message, capitalised, trimmed and without duplicates', () => {
    const body = {
      statusCode: 400,
      message: ['email must be an email', ' password should not be empty ', 'email must be an email', '', 42],
      error: 'Bad Request',
    };
    expect(toErrorMessages(body, 400)).toEqual(['Email must be an email', 'Password should not be empty']);
  });

  it('falls back to a generic message when the body has no usable message', () => {
    expect(toErrorMessages({ statusCode: 404, message: [] }, 404)).toEqual([
      'The request failed (status 404). Please try again.',
    ]);
    expect(toErrorMessages(undefined, 403)).toEqual(['The request failed (status 403). Please try again.']);
    expect(toErrorMessages(null, 410)).toEqual(['The request failed (status 410). Please try again.']);
  });

  it('accepts a short plain-text body but not an HTML error page', () => {
    expect(toErrorMessages('invitation expired', 410)).toEqual(['Invitation expired']);
    expect(toErrorMessages('<html><body>Bad</body></html>', 400)).toEqual([
      'The request failed (status 400). Please try again.',
    ]);
  });

  it('hides server-side details behind a friendly message', () => {
    expect(toErrorMessages({ statusCode: 500, message: 'QueryFailedError: relation "x" does not exist' }, 500)).toEqual([
      SERVER_ERROR_MESSAGE,
    ]);
    expect(toErrorMessages('', 502)).toEqual([SERVER_ERROR_MESSAGE]);
  });

  it('explains rate limiting and lost connections', () => {
    expect(toErrorMessages({ statusCode: 429 }, 429)).toEqual([RATE_LIMIT_MESSAGE]);
    expect(toErrorMessages(undefined, 0)).toEqual([NETWORK_ERROR_MESSAGE]);
  });
});

describe('ApiError / errorMessages', () => {
  it('carries status and messages', () => {
    const error = ApiError.fromResponse(410, { statusCode: 410, message: 'This invitation has expired' });
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(410);
    expect(error.messages).toEqual(['This invitation has expired']);
    expect(errorMessages(error)).toEqual(['This invitation has expired']);
  });

  it('treats anything else thrown as a connection problem', () => {
    expect(errorMessages(new TypeError('Failed to fetch'))).toEqual([NETWORK_ERROR_MESSAGE]);
  });
});
