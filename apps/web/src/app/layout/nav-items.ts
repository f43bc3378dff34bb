import type { Role } from '@candor/domain';

export type NavLabel =
  | 'overview'
  | 'workspace'
  | 'engagements'
  | 'clients'
  | 'team'
  | 'people'
  | 'account'
  | 'analytics'
  | 'settings'
  | 'portalAddress'
  | 'audit'
  | 'deliveries'
  | 'apiKeys'
  | 'credits'
  | 'invoices'
  | 'serviceRecord';

export interface NavItem {
  to: string;
  label: NavLabel;
}

/**
 * The navigation each role sees: the agency manages clients and team, an assistant works from their
 * workspace, a client sees their own portal (and a client admin the people of their company).
 */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'owner':
    case 'manager':
      return [
        { to: '/', label: 'overview' },
        { to: '/engagements', label: 'engagements' },
        { to: '/clients', label: 'clients' },
        { to: '/invoices', label: 'invoices' },
        { to: '/team', label: 'team' },
        { to: '/analytics', label: 'analytics' },
        { to: '/audit', label: 'audit' },
        { to: '/deliveries', label: 'deliveries' },
        { to: '/settings/api-keys', label: 'apiKeys' },
        ...(role === 'owner'
          ? ([
              { to: '/settings', label: 'settings' },
              { to: '/settings/portal-address', label: 'portalAddress' },
            ] as const)
          : []),
      ];
    case 'assistant':
      return [
        { to: '/', label: 'workspace' },
        { to: '/engagements', label: 'engagements' },
        { to: '/clients', label: 'clients' },
      ];
    case 'client_admin':
      return [
        { to: '/', label: 'overview' },
        { to: '/engagements', label: 'engagements' },
        { to: '/invoices', label: 'invoices' },
        { to: '/credits', label: 'credits' },
        { to: '/service-record', label: 'serviceRecord' },
        { to: '/account', label: 'account' },
        { to: '/team', label: 'people' },
      ];
    case 'client_member':
      return [
        { to: '/', label: 'overview' },
        { to: '/engagements', label: 'engagements' },
        { to: '/credits', label: 'credits' },
        { to: '/service-record', label: 'serviceRecord' },
        { to: '/account', label: 'account' },
      ];
  }
}
