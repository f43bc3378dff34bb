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
    expect(openingStatements('0a1b2c3d-0000-4000-8000-00000000000f', { apiKeyId: '1A1B2C3D-0000-4000-8000-00000000000F' })).toEqual([
      'START TRANSACTION',
      `SET LOCAL app.tenant_id = '0a1b2c3d-0000-4000-8000-00000000000f'`,
      `SET LOCAL app.api_key_id = '1a1b2c3d-0000-4000-8000-00000000000f'`,
    ]);
    expect(() => openingStatements('0a1b2c3d-0000-4000-8000-00000000000f', { apiKeyId: `x'; RESET ROLE; --` })).toThrow(/key id/);
  });

  const tenant = '0a1b2c3d-0000-4000-8000-00000000000f';
  const session = {
    sessionId: '2A1B2C3D-0000-4000-8000-00000000000F',
    userId: '3a1b2c3d-0000-4000-8000-00000000000f',
    role: 'client_admin',
    clientAccountId: '4a1b2c3d-0000-4000-8000-00000000000f',
  };

  it("ends with the session's confirmation when there is one, a missing client account as NULL", () => {
    expect(openingStatements(tenant, { session }).slice(2)).toEqual([
      `CALL auth_session_confirm('${tenant}', '2a1b2c3d-0000-4000-8000-00000000000f', '${session.userId}', 'client_admin', '${session.clientAccountId}')`,
    ]);
    expect(openingStatements(tenant, { session: { ...session, role: 'owner', clientAccountId: null } })[2]).toMatch(/'owner', NULL\)$/);
  });

  it.each([
    ['a session id', { sessionId: `x', 'y` }, /session id/],
    ['a user id', { userId: 'not-a-uuid' }, /user id/],
    ['a client account id', { clientAccountId: `' OR '1'='1` }, /client account id/],
    ['a role', { role: `owner', NULL); RESET ROLE; --` }, /role name/],
  ])('refuses %s that could leave its quotes', (_what, bad, message) => {
    expect(() => openingStatements(tenant, { session: { ...session, ...bad } })).toThrow(message);
  });
});
