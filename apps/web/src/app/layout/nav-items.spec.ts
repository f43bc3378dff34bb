import { invitableRoles, seesAllClients } from '@candor/domain';
import { navItemsFor } from './nav-items';

const ROLES = ['owner', 'manager', 'assistant', 'client_admin', 'client_member'] as const;

describe('navItemsFor', () => {
  it('starts every navigation at the dashboard', () => {
    for (const role of ROLES) expect(navItemsFor(role)[0]?.to).toBe('/');
  });

  it('shows the team page exactly to those who may invite', () => {
    for (const role of ROLES) {
      const paths = navItemsFor(role).map((item) => item.to);
      expect(paths.includes('/team')).toBe(invitableRoles(role).length > 0);
    }
  });

  it('shows all clients to staff and their own account to client users', () => {
    for (const role of ROLES) {
      const paths = navItemsFor(role).map((item) => item.to);
      expect(paths.includes('/clients')).toBe(seesAllClients(role));
      expect(paths.includes('/account')).toBe(!seesAllClients(role));
    }
  });

  it('shows the audit log to owners and managers only', () => {
    for (const role of ROLES) {
      expect(navItemsFor(role).some((item) => item.to === '/audit')).toBe(role === 'owner' || role === 'manager');
    }
  });

  it('shows failed deliveries to owners and managers only', () => {
    for (const role of ROLES) {
      expect(navItemsFor(role).some((item) => item.to === '/deliveries')).toBe(role === 'owner' || role === 'manager');
    }
  });

  it('shows engagements to everyone', () => {
    for (const role of ROLES) expect(navItemsFor(role).map((item) => item.to)).toContain('/engagements');
  });

  it('calls the team page "people" for a client admin', () => {
    expect(navItemsFor('client_admin').find((item) => item.to === '/team')?.label).toBe('people');
  });

  it('shows analytics to owners and managers, settings to the owner, credits and the service record to clients', () => {
    const paths = (role: (typeof ROLES)[number]) => navItemsFor(role).map((item) => item.to);
    expect(paths('owner')).toEqual(expect.arrayContaining(['/analytics', '/settings']));
    expect(paths('manager')).toContain('/analytics');
    expect(paths('manager')).not.toContain('/settings');
    expect(paths('assistant')).not.toContain('/analytics');
    for (const role of ['client_admin', 'client_member'] as const)
      expect(paths(role)).toEqual(expect.arrayContaining(['/credits', '/service-record']));
  });
});
