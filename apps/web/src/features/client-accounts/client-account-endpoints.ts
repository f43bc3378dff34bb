/** Client accounts (the client companies of the tenant). Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

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

export type ClientAccount = components['schemas']['StaffClientAccountResponse'];
