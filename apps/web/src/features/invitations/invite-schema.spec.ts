import { inviteSchema, toInvitationInput } from './invite-schema';

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('inviteSchema', () => {
  const owner = inviteSchema(['manager', 'assistant', 'client_admin', 'client_member']);

  it('accepts a staff invitation and trims the email', () => {
    const result = owner.safeParse({ email: ' sam@va.example ', role: 'assistant', clientAccountId: '', locale: '' });
    expect(result.success).toBe(true);
    expect(result.data?.email).toBe('sam@va.example');
  });

  it('explains a missing or malformed email', () => {
    const base = { role: 'assistant', clientAccountId: '', locale: '' };
    expect(issues(owner.safeParse({ ...base, email: '' }))).toEqual({ email: 'validation.emailRequired' });
    expect(issues(owner.safeParse({ ...base, email: 'sam@' }))).toEqual({ email: 'validation.emailInvalid' });
  });

  it('asks for the client account of a client invitation', () => {
    const result = owner.safeParse({ email: 'c@acme.example', role: 'client_admin', clientAccountId: '', locale: '' });
    expect(issues(result)).toEqual({ clientAccountId: 'validation.clientRequired' });
  });

  it('refuses a role the inviter may not give', () => {
    const clientAdmin = inviteSchema(['client_admin', 'client_member']);
    const result = clientAdmin.safeParse({ email: 'x@acme.example', role: 'manager', clientAccountId: 'c1', locale: '' });
    expect(issues(result)).toEqual({ role: 'validation.roleRequired' });
  });
});

describe('toInvitationInput', () => {
  it('drops the client account of a staff invitation and an unset language', () => {
    expect(toInvitationInput({ email: 'a@va.example', role: 'manager', clientAccountId: 'c1', locale: '' })).toEqual({
      email: 'a@va.example',
      role: 'manager',
    });
  });

  it('keeps both for a client invitation in a chosen language', () => {
    expect(toInvitationInput({ email: 'c@acme.example', role: 'client_member', clientAccountId: 'c1', locale: 'ja' })).toEqual({
      email: 'c@acme.example',
      role: 'client_member',
      clientAccountId: 'c1',
      locale: 'ja',
    });
  });
});
