import type { EntityManager } from 'typeorm';

/** A lower-case domain name, as `PORTAL_BASE_DOMAIN` must be (api and worker check it alike). */
export const PORTAL_BASE_DOMAIN_PATTERN = /^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** Where agencies' addresses live: the web app's URL and, when set, the base domain of `<slug>.<base>`. */
export interface PortalAddressConfig {
  webUrl: string;
  baseDomain?: string | null | undefined;
}

/** What decides a tenant's address: its slug and its active custom domain, if any. */
export interface PortalAddressFacts {
  slug: string;
  domain: string | null;
}

/**
 * A tenant's portal address, without a trailing slash: its active custom domain (https, TLS from the
 * reverse proxy), else `<slug>.<base domain>` (WEB_URL's scheme and port), else `WEB_URL/a/<slug>`.
 */
export function portalBaseUrl(facts: PortalAddressFacts, config: PortalAddressConfig): string {
  const web = new URL(config.webUrl);
  if (facts.domain) return `https://${facts.domain}`;
  if (config.baseDomain) return `${web.protocol}//${facts.slug}.${config.baseDomain}${web.port ? `:${web.port}` : ''}`;
  return `${web.origin}${web.pathname.replace(/\/$/, '')}/a/${facts.slug}`;
}

/** A page of the tenant's portal: `path` starts with `/` and may carry a query. */
export const portalUrl = (base: string, path: string): string => `${base}${path}`;

/** The columns of PortalAddressFacts (`slug`, `domain`, named with `prefix`) of the tenant row `t`, for a statement that reads more beside them. */
export const portalAddressColumns = (t: string, prefix = '') =>
  `${t}.slug AS "${prefix}slug", (SELECT d.hostname FROM tenant_domains d WHERE d.tenant_id = ${t}.id AND d.status = 'active'
     ORDER BY d.verified_at DESC LIMIT 1) AS "${prefix}domain"`;

/** The facts of the tenant in the transaction (row-level security lets it read only its own). */
export async function portalAddressFacts(manager: EntityManager, tenantId: string): Promise<PortalAddressFacts> {
  const [row] = await manager.query<PortalAddressFacts[]>(`SELECT ${portalAddressColumns('t')} FROM tenants t WHERE t.id = $1`, [tenantId]);
  if (!row) throw new Error('The tenant of this transaction is gone');
  return row;
}

/** The tenant's portal address, read in its transaction. */
export async function tenantPortalBase(manager: EntityManager, tenantId: string, config: PortalAddressConfig): Promise<string> {
  return portalBaseUrl(await portalAddressFacts(manager, tenantId), config);
}
