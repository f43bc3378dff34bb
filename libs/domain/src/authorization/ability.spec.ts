import { abilityFor, defineAbilityFor } from './ability';
import type { Actor } from './actor';

const actor = (role: Actor['role'], clientAccountId: string | null = null): Actor => ({
  userId: 'u',
  tenantId: 't',
  role,
  clientAccountId,
});

describe('defineAbilityFor', () => {
  it('lets a client_admin read only their own client account', () => {
    const ability = defineAbilityFor(actor('client_admin', 'acc-1'));
    expect(ability.can('read', { kind: 'ClientAccount', id: 'acc-1' })).toBe(true);
    expect(ability.can('read', { kind: 'ClientAccount', id: 'acc-2' })).toBe(false);
  });

  it('lets a client_admin invite colleagues to their own account only, never staff', () => {
    const ability = defineAbilityFor(actor('client_admin', 'acc-1'));
    expect(ability.can('create', { kind: 'Invitation', role: 'client_member', clientAccountId: 'acc-1' })).toBe(true);
    expect(ability.can('create', { kind: 'Invitation', role: 'client_member', clientAccountId: 'acc-2' })).toBe(false);
    expect(ability.can('create', { kind: 'Invitation', role: 'assistant', clientAccountId: null })).toBe(false);
  });

  it('lets a manager invite assistants but not other managers', () => {
    const ability = defineAbilityFor(actor('manager'));
    expect(ability.can('create', { kind: 'Invitation', role: 'assistant', clientAccountId: null })).toBe(true);
    expect(ability.can('create', { kind: 'Invitation', role: 'manager', clientAccountId: null })).toBe(false);
  });

  it('refuses client_members and assistants any write', () => {
    for (const role of ['client_member', 'assistant'] as const) {
      const ability = defineAbilityFor(actor(role, role === 'client_member' ? 'acc-1' : null));
      expect(ability.can('create', 'ClientAccount')).toBe(false);
      expect(ability.can('create', 'Invitation')).toBe(false);
    }
  });

  it('lets only the client_admin of the account approve a week, never the owner', () => {
    const week = { kind: 'TimesheetWeek' as const, clientAccountId: 'acc-1' };
    expect(defineAbilityFor(actor('client_admin', 'acc-1')).can('approve', week)).toBe(true);
    expect(defineAbilityFor(actor('client_admin', 'acc-2')).can('approve', week)).toBe(false);
    expect(defineAbilityFor(actor('client_member', 'acc-1')).can('approve', week)).toBe(false);
    expect(defineAbilityFor(actor('owner')).can('approve', week)).toBe(false);
    expect(defineAbilityFor(actor('owner')).can('update', { kind: 'WorkLog', clientAccountId: 'acc-1', assistantId: 'x' })).toBe(true);
  });

  it('lets an assistant change their own entries only', () => {
    const ability = defineAbilityFor(actor('assistant'));
    expect(ability.can('update', { kind: 'WorkLog', clientAccountId: 'acc-1', assistantId: 'u' })).toBe(true);
    expect(ability.can('update', { kind: 'WorkLog', clientAccountId: 'acc-1', assistantId: 'someone-else' })).toBe(false);
    expect(ability.can('read', { kind: 'WorkLog', clientAccountId: 'acc-1', assistantId: 'someone-else' })).toBe(true);
  });

  it('lets only the client_admin sign off a remedy or accept an offer; members read; staff never sign', () => {
    const offer = { kind: 'CompensationOffer' as const, clientAccountId: 'acc-1' };
    expect(defineAbilityFor(actor('client_admin', 'acc-1')).can('approve', offer)).toBe(true);
    expect(defineAbilityFor(actor('client_admin', 'acc-2')).can('read', offer)).toBe(false);
    expect(defineAbilityFor(actor('client_member', 'acc-1')).can('read', offer)).toBe(true);
    expect(defineAbilityFor(actor('client_member', 'acc-1')).can('approve', offer)).toBe(false);
    expect(defineAbilityFor(actor('owner')).can('approve', { kind: 'Disclosure', clientAccountId: 'acc-1' })).toBe(false);
    expect(defineAbilityFor(actor('manager')).can('review', 'Disclosure')).toBe(true);
    expect(defineAbilityFor(actor('assistant')).can('review', 'Disclosure')).toBe(false);
    expect(defineAbilityFor(actor('assistant')).can('read', 'DisclosureInsights')).toBe(false);
  });

  it('lets only the client_admin approve a deliverable, any client user ask for changes, and staff never do either', () => {
    const deliverable = { kind: 'Deliverable' as const, clientAccountId: 'acc-1' };
    const request = { kind: 'RevisionRequest' as const, clientAccountId: 'acc-1' };
    expect(defineAbilityFor(actor('client_admin', 'acc-1')).can('approve', deliverable)).toBe(true);
    expect(defineAbilityFor(actor('client_admin', 'acc-2')).can('read', deliverable)).toBe(false);
    expect(defineAbilityFor(actor('client_member', 'acc-1')).can('approve', deliverable)).toBe(false);
    expect(defineAbilityFor(actor('client_member', 'acc-1')).can('create', request)).toBe(true);
    expect(defineAbilityFor(actor('client_member', 'acc-2')).can('create', request)).toBe(false);
    for (const role of ['owner', 'manager', 'assistant'] as const) {
      expect(defineAbilityFor(actor(role)).can('approve', deliverable)).toBe(false);
      expect(defineAbilityFor(actor(role)).can('create', request)).toBe(false);
      expect(defineAbilityFor(actor(role)).can('update', request)).toBe(true);
    }
  });
});

describe('abilityFor', () => {
  it("keeps a person's ability for their next request, and asks again when anything the rules read differs", () => {
    const first = abilityFor(actor('client_admin', 'acc-1'));
    expect(abilityFor(actor('client_admin', 'acc-1'))).toBe(first);
    expect(first.can('read', { kind: 'Disclosure', clientAccountId: 'acc-1' })).toBe(true);
    const moved = abilityFor(actor('client_admin', 'acc-2'));
    expect(moved).not.toBe(first);
    expect(moved.can('read', { kind: 'Disclosure', clientAccountId: 'acc-1' })).toBe(false);
    const demoted = abilityFor(actor('client_member', 'acc-1'));
    expect(demoted.can('approve', { kind: 'Disclosure', clientAccountId: 'acc-1' })).toBe(false);
    expect(abilityFor({ ...actor('assistant'), userId: 'other' })).not.toBe(abilityFor(actor('assistant')));
    const key = { ...actor('owner'), apiKey: { id: 'k', name: 'Zapier', scope: 'read_only' as const } };
    expect(abilityFor(key).can('create', 'WorkLog')).toBe(false);
    expect(abilityFor({ ...key, apiKey: { ...key.apiKey, scope: 'time_entries' } }).can('create', 'WorkLog')).toBe(true);
  });
});
