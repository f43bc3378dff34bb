/** The agency's portal address: the public lookup a login page makes, and the owner's custom domains. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Portal = Schemas['PortalResponse'];
export type PortalAddress = Schemas['PortalAddressResponse'];
export type Domain = Schemas['DomainResponse'];

/** The agency of this address: the Host decides (custom domain, subdomain), or `slug` for `/a/<slug>`. */
export function getPortal(slug?: string) {
  return unwrap(api.GET('/api/v1/portal', { params: { query: slug ? { slug } : {} } }));
}

export function getPortalAddress() {
  return unwrap(api.GET('/api/v1/domains'));
}

export function addDomain(hostname: string) {
  return unwrap(api.POST('/api/v1/domains', { body: { hostname } }));
}

export function verifyDomain(id: string) {
  return unwrap(api.POST('/api/v1/domains/{id}/verify', { params: { path: { id } } }));
}

export function removeDomain(id: string) {
  return unwrap(api.DELETE('/api/v1/domains/{id}', { params: { path: { id } } }));
}
