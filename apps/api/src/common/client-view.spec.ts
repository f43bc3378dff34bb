import { tenantSettings } from '@candor/domain';
import { STAFF_VIEW, actorNameFor, audienceOf, clientViewOf, shownStaff, type TenantFacts } from './client-view';

const facts = (showStaffNames: boolean): TenantFacts => ({
  name: 'Acme',
  teamName: 'Acme team',
  settings: { ...tenantSettings({}), showStaffNames },
});
const teamMember = { userId: 'u1', displayName: 'Ann', isClient: false };
const clientUser = { userId: 'u2', displayName: 'Cleo', isClient: true };

describe('client view: show the team, not the person', () => {
  it('shows a team member to a client as the team, unless the tenant shows staff names', () => {
    expect(shownStaff(clientViewOf(facts(false)), 'u1', 'Ann')).toEqual({ id: null, displayName: 'Acme team' });
    expect(shownStaff(clientViewOf(facts(true)), 'u1', 'Ann')).toEqual({ id: 'u1', displayName: 'Ann' });
    expect(shownStaff(STAFF_VIEW, 'u1', 'Ann')).toEqual({ id: 'u1', displayName: 'Ann' });
  });

  it("names who acted in an email: the team to a client, the person to the team and a client's own people", () => {
    expect(actorNameFor(true, teamMember, facts(false))).toBe('Acme team');
    expect(actorNameFor(true, teamMember, facts(true))).toBe('Ann');
    expect(actorNameFor(false, teamMember, facts(false))).toBe('Ann');
    expect(actorNameFor(true, clientUser, facts(false))).toBe('Cleo');
    expect(actorNameFor(true, undefined, facts(false))).toBe('');
  });

  it('shapes for the client audience exactly the client roles', () => {
    const of = (role: 'owner' | 'manager' | 'assistant' | 'client_admin' | 'client_member') =>
      audienceOf({ userId: 'u', tenantId: 't', role, clientAccountId: null });
    expect([of('owner'), of('manager'), of('assistant'), of('client_admin'), of('client_member')]).toEqual([
      'staff',
      'staff',
      'staff',
      'client',
      'client',
    ]);
  });
});
