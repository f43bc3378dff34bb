import { setLocalTenantSql } from './with-tenant';

describe('setLocalTenantSql', () => {
  it('sets the tenant with a plain SET LOCAL, lower-cased', () => {
    expect(setLocalTenantSql('0A1B2C3D-0000-4000-8000-00000000000F')).toBe(
      `SET LOCAL app.tenant_id = '0a1b2c3d-0000-4000-8000-00000000000f'`,
    );
  });

  it.each(['', 'not-a-uuid', `0a1b2c3d-0000-4000-8000-00000000000f'; RESET ROLE; --`, `' OR '1'='1`])('refuses %p', (id) => {
    expect(() => setLocalTenantSql(id)).toThrow(/refusing to run an unscoped query/);
  });
});
