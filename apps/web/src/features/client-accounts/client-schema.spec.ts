import type { ClientAccount } from './client-account-endpoints';
import { clientFormValues, clientSchema, toCreateInput, toPatch } from './client-schema';

const account: ClientAccount = {
  id: 'c1',
  name: 'Acme Bakery',
  billingEmail: 'billing@acme.example',
  notes: 'Prefers calls before 10',
  billingAddress: null,
  taxId: null,
  taxRate: null,
  reverseCharge: false,
  createdAt: '2026-01-02T10:00:00Z',
};

describe('clientSchema', () => {
  it('needs a name and accepts an empty billing email', () => {
    expect(clientSchema.safeParse({ name: '  ', billingEmail: '', notes: '' }).error?.issues[0]?.message).toBe(
      'validation.clientNameRequired',
    );
    expect(clientSchema.safeParse({ name: 'Acme', billingEmail: '', notes: '' }).success).toBe(true);
  });

  it('refuses a malformed billing email', () => {
    const result = clientSchema.safeParse({ name: 'Acme', billingEmail: 'not-an-email', notes: '' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['billingEmail', 'validation.emailInvalid'],
    ]);
  });
});

describe('toCreateInput / toPatch', () => {
  it('leaves empty optional fields out of a new account', () => {
    expect(toCreateInput({ name: 'Acme', billingEmail: ' ', notes: '' })).toEqual({ name: 'Acme' });
    expect(toCreateInput({ name: 'Acme', billingEmail: 'a@b.example', notes: ' hi ' })).toEqual({
      name: 'Acme',
      billingEmail: 'a@b.example',
      notes: 'hi',
    });
  });

  it('sends only what changed', () => {
    expect(toPatch(account, clientFormValues(account))).toEqual({});
    expect(toPatch(account, { ...clientFormValues(account), name: 'Acme Bakery Ltd', notes: '' })).toEqual({
      name: 'Acme Bakery Ltd',
      notes: '',
    });
  });

  it('keeps the billing email when the field is emptied (the API cannot clear it)', () => {
    expect(toPatch(account, { ...clientFormValues(account), billingEmail: '' })).toEqual({});
  });
});
