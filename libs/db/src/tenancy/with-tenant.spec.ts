import { openingStatements, setLocalTenantSql } from './with-tenant';

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

describe('openingStatements', () => {
  it('opens the transaction, then sets the tenant', () => {
    expect(openingStatements('0A1B2C3D-0000-4000-8000-00000000000F')).toEqual([
      'START TRANSACTION',
      `SET LOCAL app.tenant_id = '0a1b2c3d-0000-4000-8000-00000000000f'`,
    ]);
  });

  it('adds the API key when there is one, and refuses one that is not a UUID', () => {
    expect(openingStatements('0a1b2c3d-0000-4000-8000-00000000000f', '1A1B2C3D-0000-4000-8000-00000000000F')).toEqual([
      'START TRANSACTION',
      `SET LOCAL app.tenant_id = '0a1b2c3d-0000-4000-8000-00000000000f'`,
      `SET LOCAL app.api_key_id = '1a1b2c3d-0000-4000-8000-00000000000f'`,
    ]);
    expect(() => openingStatements('0a1b2c3d-0000-4000-8000-00000000000f', `x'; RESET ROLE; --`)).toThrow(/key id/);
  });
});
