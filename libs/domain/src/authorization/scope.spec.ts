import type { Actor } from './actor';
import { clientAccountInScope, engagementInScope, scopeOf, ScopeUnavailableError } from './scope';

const actor = (role: Actor['role'], clientAccountId: string | null = null): Actor => ({
  userId: 'u',
  tenantId: 't',
  role,
  clientAccountId,
});
const assigned = [{ engagementId: 'e1', clientAccountId: 'c1' }];

describe('scopeOf', () => {
  it('gives owners and managers the whole tenant', () => {
    expect(scopeOf(actor('owner'))).toEqual({ kind: 'tenant', tenantId: 't' });
    expect(scopeOf(actor('manager'))).toEqual({ kind: 'tenant', tenantId: 't' });
  });

  it('gives an assistant only the engagements they are assigned to', () => {
    const scope = scopeOf(actor('assistant'), assigned);
    expect(scope).toEqual({ kind: 'engagements', tenantId: 't', engagementIds: ['e1'], clientAccountIds: ['c1'] });
    expect(engagementInScope(scope, { engagementId: 'e1', clientAccountId: 'c1' })).toBe(true);
    expect(engagementInScope(scope, { engagementId: 'e2', clientAccountId: 'c1' })).toBe(false);
    expect(clientAccountInScope(scope, 'c1')).toBe(true);
    expect(clientAccountInScope(scope, 'c2')).toBe(false);
    expect(engagementInScope(scopeOf(actor('assistant'), []), { engagementId: 'e1', clientAccountId: 'c1' })).toBe(false);
  });

  it('gives client users their own client account only', () => {
    const scope = scopeOf(actor('client_member', 'c1'));
    expect(engagementInScope(scope, { engagementId: 'e9', clientAccountId: 'c1' })).toBe(true);
    expect(engagementInScope(scope, { engagementId: 'e1', clientAccountId: 'c2' })).toBe(false);
  });

  it('throws instead of widening when the scope cannot be computed', () => {
    expect(() => scopeOf(actor('client_admin', null))).toThrow(ScopeUnavailableError);
    expect(() => scopeOf(actor('client_member', ''))).toThrow(ScopeUnavailableError);
    expect(() => scopeOf(actor('assistant'))).toThrow(ScopeUnavailableError);
    expect(() => scopeOf(actor('assistant'), null)).toThrow(ScopeUnavailableError);
    expect(() => scopeOf({ ...actor('owner'), tenantId: '' })).toThrow(ScopeUnavailableError);
    expect(() => scopeOf(actor('intruder' as Actor['role']))).toThrow(ScopeUnavailableError);
  });
});
