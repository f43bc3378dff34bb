import { defineAbilityFor, type Action, type SubjectName } from './ability';
import type { Actor } from './actor';
import type { ApiKeyScope } from './api-key-scope';

const key = (scope: ApiKeyScope): Actor => ({
  userId: 'creator',
  tenantId: 't',
  role: 'manager',
  clientAccountId: null,
  apiKey: { id: 'k', name: 'Sync', scope },
});
const can = (scope: ApiKeyScope, action: Action, subject: SubjectName) => defineAbilityFor(key(scope)).can(action, subject);

describe('defineAbilityFor an API key', () => {
  it('lets every scope read what a manager reads, and nothing a manager cannot', () => {
    for (const scope of ['read_only', 'time_entries', 'disclosures', 'full'] as const) {
      for (const subject of ['WorkLog', 'TimesheetWeek', 'Disclosure', 'Engagement', 'ClientAccount', 'AuditEvent', 'Member'] as const) {
        expect([scope, subject, can(scope, 'read', subject)]).toEqual([scope, subject, true]);
      }
      expect(can(scope, 'read', 'ApiKey')).toBe(false);
    }
  });

  it('refuses a read-only key every write', () => {
    for (const action of ['create', 'update', 'delete', 'review'] as const) {
      for (const subject of ['WorkLog', 'TimesheetWeek', 'Disclosure', 'ClientAccount', 'Engagement'] as const) {
        expect(can('read_only', action, subject)).toBe(false);
      }
    }
  });

  it('lets a time-entries key write work logs and weeks only', () => {
    expect(can('time_entries', 'create', 'WorkLog')).toBe(true);
    expect(can('time_entries', 'update', 'WorkLog')).toBe(true);
    expect(can('time_entries', 'delete', 'WorkLog')).toBe(true);
    expect(can('time_entries', 'create', 'TimesheetWeek')).toBe(true);
    expect(can('time_entries', 'create', 'Disclosure')).toBe(false);
    expect(can('time_entries', 'create', 'Engagement')).toBe(false);
  });

  it('lets a disclosures key write disclosures, offers and follow-ups only', () => {
    expect(can('disclosures', 'create', 'Disclosure')).toBe(true);
    expect(can('disclosures', 'review', 'Disclosure')).toBe(true);
    expect(can('disclosures', 'create', 'CompensationOffer')).toBe(true);
    expect(can('disclosures', 'update', 'FollowUp')).toBe(true);
    expect(can('disclosures', 'create', 'WorkLog')).toBe(false);
    expect(can('disclosures', 'update', 'ClientAccount')).toBe(false);
  });

  it("gives a full key a manager's writes, never more", () => {
    expect(can('full', 'create', 'Engagement')).toBe(true);
    expect(can('full', 'update', 'ClientAccount')).toBe(true);
    expect(can('full', 'create', 'WorkLog')).toBe(true);
    expect(can('full', 'update', 'FailedDelivery')).toBe(true);
    // An owner's rights stay the owner's: the tenant settings, people's roles.
    expect(can('full', 'update', 'Tenant')).toBe(false);
    expect(can('full', 'update', 'Member')).toBe(false);
  });

  it('never reaches the account, security or key routes, nor invites anyone, whatever the scope', () => {
    for (const scope of ['read_only', 'time_entries', 'disclosures', 'full'] as const) {
      expect(can(scope, 'read', 'Me')).toBe(false);
      expect(can(scope, 'update', 'Me')).toBe(false);
      expect(can(scope, 'create', 'ApiKey')).toBe(false);
      expect(can(scope, 'delete', 'ApiKey')).toBe(false);
      expect(can(scope, 'create', 'Invitation')).toBe(false);
    }
  });

  it('never signs for the client: no approving a week, a remedy, an offer or a deliverable', () => {
    const ability = defineAbilityFor(key('full'));
    expect(ability.can('approve', { kind: 'TimesheetWeek', clientAccountId: 'acc-1' })).toBe(false);
    expect(ability.can('approve', { kind: 'Disclosure', clientAccountId: 'acc-1' })).toBe(false);
    expect(ability.can('approve', { kind: 'Deliverable', clientAccountId: 'acc-1' })).toBe(false);
    expect(ability.can('create', { kind: 'RevisionRequest', clientAccountId: 'acc-1' })).toBe(false);
  });

  it('lets owners and managers manage keys, nobody else', () => {
    const person = (role: Actor['role'], clientAccountId: string | null = null): Actor => ({
      userId: 'u',
      tenantId: 't',
      role,
      clientAccountId,
    });
    expect(defineAbilityFor(person('owner')).can('create', 'ApiKey')).toBe(true);
    expect(defineAbilityFor(person('manager')).can('delete', 'ApiKey')).toBe(true);
    expect(defineAbilityFor(person('assistant')).can('read', 'ApiKey')).toBe(false);
    expect(defineAbilityFor(person('client_admin', 'acc-1')).can('read', 'ApiKey')).toBe(false);
  });
});
