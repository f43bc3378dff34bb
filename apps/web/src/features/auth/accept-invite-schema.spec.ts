import { acceptInviteSchema } from './accept-invite-schema';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('acceptInviteSchema', () => {
  const good = { displayName: ' Sam ', password: 'a long enough secret', confirmPassword: 'a long enough secret' };

  it('accepts a new account and trims the name', () => {
    const result = acceptInviteSchema(false).safeParse(good);
    expect(result.success).toBe(true);
    expect(result.data?.displayName).toBe('Sam');
  });

  it('asks a new account for a name, a long password and the same password twice', () => {
    const result = acceptInviteSchema(false).safeParse({ displayName: '  ', password: 'short', confirmPassword: 'other' });
    expect(messages(result)).toEqual({
      displayName: 'validation.nameRequired',
      password: 'validation.passwordTooShort',
      confirmPassword: 'validation.passwordsDiffer',
    });
    const mismatch = acceptInviteSchema(false).safeParse({ ...good, confirmPassword: 'something else entirely' });
    expect(messages(mismatch)).toEqual({ confirmPassword: 'validation.passwordsDiffer' });
  });

  it('asks an existing account only for its current password, whatever its length', () => {
    expect(acceptInviteSchema(true).safeParse({ displayName: 'Sam', password: 'old', confirmPassword: '' }).success).toBe(true);
    const result = acceptInviteSchema(true).safeParse({ displayName: 'Sam', password: '', confirmPassword: '' });
    expect(messages(result)).toEqual({ password: 'validation.passwordRequired' });
  });
});
