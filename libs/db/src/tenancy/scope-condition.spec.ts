import { scopeOf, type Actor } from '@candor/domain';
import { scopeNamed, scopeWhere } from './scope-condition';

const actor = (role: Actor['role'], clientAccountId: string | null = null): Actor => ({
  userId: 'u',
  tenantId: 't',
  role,
  clientAccountId,
});
const columns = { engagementId: 'w.engagement_id', clientAccountId: 'e.client_account_id' };

describe('scopeCondition', () => {
  it('leaves the whole tenant to the tenant predicate and RLS', () => {
    const params: unknown[] = ['t'];
    expect(scopeWhere(scopeOf(actor('manager')), columns, params)).toBe('TRUE');
    expect(params).toEqual(['t']);
  });

  it("narrows an assistant to their engagements, or to those engagements' client accounts", () => {
    const scope = scopeOf(actor('assistant'), [{ engagementId: 'e1', clientAccountId: 'c1' }]);
    const params: unknown[] = ['t'];
    expect(scopeWhere(scope, columns, params)).toBe('w.engagement_id = ANY($2::uuid[])');
    expect(params).toEqual(['t', ['e1']]);
    expect(scopeNamed(scope, { clientAccountId: 'c.id' })).toEqual({ sql: 'c.id = ANY(:scope0::uuid[])', params: { scope0: ['c1'] } });
  });

  it('narrows an assistant with no assignments to nothing, not to everything', () => {
    const params: unknown[] = [];
    expect(scopeWhere(scopeOf(actor('assistant'), []), columns, params)).toBe('w.engagement_id = ANY($1::uuid[])');
    expect(params).toEqual([[]]);
  });

  it('narrows a client user to their account', () => {
    expect(scopeNamed(scopeOf(actor('client_member', 'c9')), columns)).toEqual({
      sql: 'e.client_account_id = :scope0',
      params: { scope0: 'c9' },
    });
  });
});
