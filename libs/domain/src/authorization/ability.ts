import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Actor } from './actor';
import type { ApiKeyScope } from './api-key-scope';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete' | 'approve' | 'review';

/** Subjects carry the fields that conditions test; a string subject checks the type only. */
export interface ClientAccountSubject {
  kind: 'ClientAccount';
  id: string;
}
export interface InvitationSubject {
  kind: 'Invitation';
  role: string;
  clientAccountId: string | null;
}
/** Anything that belongs to one client account's engagement. */
export interface EngagementScopedSubject {
  kind:
    | 'Engagement'
    | 'Timesheet'
    | 'TimesheetWeek'
    | 'ShareLink'
    | 'Comment'
    | 'Disclosure'
    | 'CompensationOffer'
    | 'FollowUp'
    | 'CreditLedger'
    | 'Deliverable'
    | 'RevisionRequest'
    | 'Invoice';
  clientAccountId: string;
}
export interface WorkLogSubject {
  kind: 'WorkLog';
  clientAccountId: string;
  assistantId: string;
}
export type SubjectName =
  | 'Tenant'
  | 'Me'
  | 'ClientAccount'
  | 'Invitation'
  | 'Engagement'
  | 'WorkLog'
  | 'Timesheet'
  | 'TimesheetWeek'
  | 'ShareLink'
  | 'Comment'
  | 'Disclosure'
  | 'CompensationOffer'
  | 'FollowUp'
  | 'RemedyPolicy'
  | 'CreditLedger'
  | 'DisclosureInsights'
  | 'Deliverable'
  | 'RevisionRequest'
  | 'Member'
  | 'AuditEvent'
  | 'FailedDelivery'
  | 'Brand'
  | 'Webhook'
  | 'ApiKey'
  | 'Invoice'
  /** The agency's portal address (custom domains): the owner's alone, through `manage all`. */
  | 'PortalDomain'
  | 'all';
export type Subject = SubjectName | ClientAccountSubject | InvitationSubject | EngagementScopedSubject | WorkLogSubject;

export type AppAbility = MongoAbility<[Action, Subject]>;

/**
 * The one place where roles turn into permissions. Routes name an (action, subject) pair; services
 * check object-level conditions (a client account id, an invited role, whose entry) against the same ability.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (actor.apiKey) {
    grantManager(keyGrant(can, actor.apiKey.scope));
    return build({ detectSubjectType });
  }
  can(['read', 'update'], 'Me');
  // The agency's brand is what every member sees (clients too); only the owner changes it (manage all).
  can('read', 'Brand');
  const own = { clientAccountId: actor.clientAccountId };
  switch (actor.role) {
    case 'owner':
      // Everything, webhook endpoints included (owner only: they send the agency's data out).
      can('manage', 'all');
      // Signing for the client (approving its weeks, accepting its terms, a remedy, an offer or a deliverable) is never the agency's to do.
      cannot('approve', ['Engagement', 'TimesheetWeek', 'Disclosure', 'CompensationOffer', 'Deliverable']);
      // Nor is asking for a revision round on the client's behalf.
      cannot('create', 'RevisionRequest');
      break;
    case 'manager':
      grantManager((action, subject, conditions) => can(action, subject, conditions as never));
      // Integrations' keys: created, listed and revoked by owners and managers.
      can(['create', 'read', 'delete'], 'ApiKey');
      break;
    case 'assistant':
      can('read', 'Member');
      can('read', ['Tenant', 'ClientAccount', 'Engagement', 'WorkLog', 'Timesheet', 'TimesheetWeek', 'Comment']);
      // Assistants log and correct their own time only; assignment to the engagement is checked by the service.
      can('create', 'WorkLog');
      can(['update', 'delete'], 'WorkLog', { assistantId: actor.userId });
      can('create', ['TimesheetWeek', 'Comment']);
      // Disclosures of engagements they work on (checked by the service); no analytics, no reviews.
      can(['create', 'read', 'update'], ['Disclosure', 'CompensationOffer', 'FollowUp']);
      can('read', ['RemedyPolicy', 'CreditLedger']);
      // Deliverables of engagements they work on (checked by the service).
      can(['create', 'read', 'update'], 'Deliverable');
      can(['read', 'update'], 'RevisionRequest');
      break;
    case 'client_admin':
      // Their own account's people only; the service scopes the list.
      can('read', 'Member');
      can('read', 'ClientAccount', { id: actor.clientAccountId });
      can('read', 'Invitation', own);
      can('create', 'Invitation', { role: { $in: ['client_admin', 'client_member'] }, clientAccountId: actor.clientAccountId });
      can('read', ['Engagement', 'WorkLog', 'Timesheet', 'TimesheetWeek', 'Comment', 'ShareLink'], own);
      // Accepting the confidentiality terms and deciding on a week are the client_admin's alone.
      can('approve', ['Engagement', 'TimesheetWeek'], own);
      can(['create', 'delete'], 'ShareLink', own);
      can('create', 'Comment', own);
      // Disclosed errors of their account (drafts are filtered by the service); signing off is theirs alone.
      can('read', ['Disclosure', 'CompensationOffer', 'FollowUp', 'CreditLedger'], own);
      can('read', 'RemedyPolicy');
      can('approve', ['Disclosure', 'CompensationOffer'], own);
      // Deliverables of their account: asking for changes is any client user's, approving a version theirs alone.
      can('read', ['Deliverable', 'RevisionRequest'], own);
      can('create', 'RevisionRequest', own);
      can('approve', 'Deliverable', own);
      // Their account's issued invoices and credit notes (drafts are filtered by the service).
      can('read', 'Invoice', own);
      break;
    case 'client_member':
      can('read', 'Member');
      can('read', 'ClientAccount', { id: actor.clientAccountId });
      can('read', ['Engagement', 'WorkLog', 'Timesheet', 'TimesheetWeek', 'Comment'], own);
      can('create', 'Comment', own);
      can('read', ['Disclosure', 'CompensationOffer', 'FollowUp', 'CreditLedger'], own);
      can('read', 'RemedyPolicy');
      can('read', ['Deliverable', 'RevisionRequest'], own);
      can('create', 'RevisionRequest', own);
      // Only where the tenant lets client_members see invoices (checked by the service: 404 otherwise).
      can('read', 'Invoice', own);
      break;
  }
  return build({ detectSubjectType });
}

/** A manager's rights: the whole tenant's work, no signing for the client, no people's roles. */
/** People whose ability is kept (the least recently asked for is dropped first). */
const KEPT_ABILITIES = 5_000;
const kept = new Map<string, AppAbility>();

/**
 * defineAbilityFor, kept for the same person's next request: an ability never changes once built, and the
 * policy guard asks for one on every request. Keyed by everything the rules read (an API key's scope; else
 * role, person and client account), so a changed role finds a different entry.
 */
export function abilityFor(actor: Actor): AppAbility {
  const key = actor.apiKey ? `key:${actor.apiKey.scope}` : `${actor.role}:${actor.userId}:${actor.clientAccountId ?? ''}`;
  let ability = kept.get(key);
  if (ability) kept.delete(key);
  else ability = defineAbilityFor(actor);
  kept.set(key, ability);
  if (kept.size > KEPT_ABILITIES) kept.delete(kept.keys().next().value as string);
  return ability;
}

function grantManager(can: Grant): void {
  can('read', ['Member', 'AuditEvent']);
  // Emails that failed or are being retried, and sending a failed one again.
  can(['read', 'update'], 'FailedDelivery');
  can('read', 'Tenant');
  can(['create', 'read', 'update'], 'ClientAccount');
  can('read', 'Invitation');
  can('create', 'Invitation', { role: { $in: ['assistant', 'client_admin', 'client_member'] } });
  can(['create', 'read', 'update'], 'Engagement');
  can(['create', 'read', 'update', 'delete'], 'WorkLog');
  can(['create', 'read'], ['TimesheetWeek', 'Timesheet', 'Comment']);
  can(['create', 'read', 'delete'], 'ShareLink');
  can(['create', 'read', 'update', 'review'], 'Disclosure');
  can(['create', 'read', 'update'], ['CompensationOffer', 'FollowUp']);
  can(['create', 'read', 'update', 'delete'], 'RemedyPolicy');
  can('read', ['CreditLedger', 'DisclosureInsights']);
  // Deliverables and versions; a billable revision request is accepted or declined here.
  can(['create', 'read', 'update'], 'Deliverable');
  can(['read', 'update'], 'RevisionRequest');
  // Invoices and credit notes: drafting, issuing, voiding and payments are the owner's and managers'.
  can(['create', 'read', 'update'], 'Invoice');
}

type Grant = (action: Action | Action[], subject: SubjectName | SubjectName[], conditions?: Record<string, unknown>) => void;

/** What each key scope may write beyond reading; `all` is everything a manager may write. */
const KEY_WRITES: Record<ApiKeyScope, readonly SubjectName[] | 'all'> = {
  read_only: [],
  time_entries: ['WorkLog', 'TimesheetWeek'],
  disclosures: ['Disclosure', 'CompensationOffer', 'FollowUp'],
  full: 'all',
};
/** Never a key's to change, whatever its scope: who belongs to the workspace and with which role. */
const KEY_NEVER_WRITES: readonly SubjectName[] = ['Invitation', 'Member'];

/**
 * A manager's grants, passed through an API key's scope: every read, and the writes its scope names.
 * The profile, sessions, two-factor (`Me`) and API keys themselves are never granted to a key.
 */
function keyGrant(can: AbilityBuilder<AppAbility>['can'], scope: ApiKeyScope): Grant {
  const writes = KEY_WRITES[scope];
  return (action, subject, conditions) => {
    for (const a of [action].flat()) {
      for (const s of [subject].flat()) {
        const writable = writes === 'all' ? !KEY_NEVER_WRITES.includes(s) : writes.includes(s);
        if (a === 'read' || writable) can(a, s, conditions as never);
      }
    }
  };
}

function detectSubjectType(subject: Subject): SubjectName {
  return typeof subject === 'string' ? subject : subject.kind;
}

/** Whether an API key of some scope may pass a route's rule (the OpenAPI document offers key authentication there). */
export function apiKeysMayPass(action: Action, subject: SubjectName): boolean {
  const fullKey: Actor = { userId: '', tenantId: '', role: 'manager', clientAccountId: null, apiKey: { id: '', name: '', scope: 'full' } };
  return defineAbilityFor(fullKey).can(action, subject);
}
