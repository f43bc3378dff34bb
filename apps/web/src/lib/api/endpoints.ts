/**
 * Every API call the web app makes. Request/response types come from the generated schema (schema.d.ts),
 * so a change in the API's OpenAPI document surfaces here as a type error.
 */
import { api, unwrap, unwrapVoid } from './client';
import type { components } from './schema';

export interface LoginInput {
  email: string;
  password: string;
  /** Optional: only needed when the email belongs to several workspaces. */
  tenantSlug?: string;
}

export function login(input: LoginInput) {
  const tenantSlug = input.tenantSlug?.trim();
  return unwrap(
    api.POST('/api/v1/auth/login', {
      body: { email: input.email.trim(), password: input.password, ...(tenantSlug ? { tenantSlug } : {}) },
    }),
  );
}

export function logout(refreshToken: string) {
  return unwrapVoid(api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
}

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

export function getMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export type TokenPairResponse = components['schemas']['TokenPairResponse'];
export type InvitationLookup = Awaited<ReturnType<typeof lookupInvitation>>;
export type Me = Awaited<ReturnType<typeof getMe>>;

export function listClientAccounts() {
  return unwrap(api.GET('/api/v1/client-accounts'));
}

export function getClientAccount(id: string) {
  return unwrap(api.GET('/api/v1/client-accounts/{id}', { params: { path: { id } } }));
}

export type ClientAccountInput = components['schemas']['CreateClientAccountDto'];
export type ClientAccountPatch = components['schemas']['UpdateClientAccountDto'];

export function createClientAccount(input: ClientAccountInput) {
  return unwrap(api.POST('/api/v1/client-accounts', { body: input }));
}

export function updateClientAccount(id: string, patch: ClientAccountPatch) {
  return unwrap(api.PATCH('/api/v1/client-accounts/{id}', { params: { path: { id } }, body: patch }));
}

export function listInvitations() {
  return unwrap(api.GET('/api/v1/invitations'));
}

export type InvitationInput = components['schemas']['CreateInvitationDto'];

export function createInvitation(input: InvitationInput) {
  return unwrap(api.POST('/api/v1/invitations', { body: input }));
}

export type ClientAccount = components['schemas']['StaffClientAccountResponse'];
export type Invitation = components['schemas']['InvitationResponse'];

export type MePatch = components['schemas']['UpdateMeDto'];

export function updateMe(patch: MePatch) {
  return unwrap(api.PATCH('/api/v1/me', { body: patch }));
}
