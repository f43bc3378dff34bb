import { audienceOf, canManageClients, invitableRoles, seesAllClients, sharesTimesheets } from './roles';

describe('roles', () => {
  it.each([
    ['owner', 'agency'],
    ['manager', 'agency'],
    ['assistant', 'assistant'],
    ['client_admin', 'client'],
    ['client_member', 'client'],
  ] as const)('%s works in the %s screens', (role, audience) => {
    expect(audienceOf(role)).toBe(audience);
  });

  it('lets each role invite what the API allows', () => {
    expect(invitableRoles('owner')).toEqual(['manager', 'assistant', 'client_admin', 'client_member']);
    expect(invitableRoles('manager')).not.toContain('manager');
    expect(invitableRoles('client_admin')).toEqual(['client_admin', 'client_member']);
    expect(invitableRoles('assistant')).toEqual([]);
    expect(invitableRoles('client_member')).toEqual([]);
  });

  it('keeps client management with owners and managers, and client users to their own account', () => {
    expect(canManageClients('manager')).toBe(true);
    expect(canManageClients('assistant')).toBe(false);
    expect(seesAllClients('assistant')).toBe(true);
    expect(seesAllClients('client_admin')).toBe(false);
  });

  it('lets owners, managers and the client admin share a timesheet', () => {
    expect((['owner', 'manager', 'assistant', 'client_admin', 'client_member'] as const).filter(sharesTimesheets)).toEqual(['owner', 'manager', 'client_admin']);
  });
});
