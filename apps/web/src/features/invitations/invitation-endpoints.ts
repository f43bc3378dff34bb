/** Invitations: sent by the team or a client_admin, looked up and accepted from the emailed link. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export function lookupInvitation(tenant: string, token: string) {
  return unwrap(api.GET('/api/v1/invitations/lookup', { params: { query: { tenant, token } } }));
}

export interface AcceptInvitationInput {
  tenantId: string;
  token: string;
  displayName: string;
  password: string;
  /** A new account's time zone; absent means the workspace's. */
  timeZone?: string;
}

export function acceptInvitation(input: AcceptInvitationInput) {
  return unwrap(api.POST('/api/v1/invitations/accept', { body: { ...input, displayName: input.displayName.trim() } }));
}

export type InvitationLookup = Awaited<ReturnType<typeof lookupInvitation>>;

export function listInvitations() {
  return unwrap(api.GET('/api/v1/invitations'));
}

export type InvitationInput = components['schemas']['CreateInvitationDto'];

export function createInvitation(input: InvitationInput) {
  return unwrap(api.POST('/api/v1/invitations', { body: input }));
}

export type Invitation = components['schemas']['InvitationResponse'];
