import { defineAbilityFor } from '../authorization/ability';
import { audienceOf, canManageClients, decidesWeeks, invitableRoles, logsTime, seesAllClients, sharesTimesheets } from './audience';
import { INVITABLE_ROLES, ROLES, isClientRole, type Role } from './role';

const ability = (role: Role) => defineAbilityFor({ userId: 'u1', tenantId: 't1', role, clientAccountId: isClientRole(role) ? 'c1' : null });

describe('audience rules', () => {
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
    expect(ROLES.filter(sharesTimesheets)).toEqual(['owner', 'manager', 'client_admin']);
  });

  it.each(ROLES)('agrees with the API ability for %s', (role) => {
    const can = ability(role);
    const invitation = (invited: Role) => ({
      kind: 'Invitation' as const,
      role: invited,
      clientAccountId: isClientRole(invited) ? 'c1' : null,
    });
    expect(invitableRoles(role)).toEqual(INVITABLE_ROLES.filter((invited) => can.can('create', invitation(invited))));
    expect(canManageClients(role)).toBe(can.can('create', 'ClientAccount'));
    expect(logsTime(role)).toBe(can.can('create', 'WorkLog'));
    expect(decidesWeeks(role)).toBe(can.can('approve', 'TimesheetWeek'));
    expect(sharesTimesheets(role)).toBe(can.can('create', 'ShareLink'));
  });
});
