import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { portalBaseUrl, portalUrl, tenantPortalBase, type PortalAddressFacts } from '@candor/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Links in emails and answers point at the tenant's portal address: its active custom domain, else
 * `<slug>.<PORTAL_BASE_DOMAIN>`, else `WEB_URL/a/<slug>` (the web app strips the prefix). Read in the
 * tenant's transaction, so a link written with a change matches the address at that moment.
 */
@Injectable()
export class PortalLinks {
  /** Addresses a statement that read more beside them found, for the rest of that transaction (`manager`). */
  private readonly known = new WeakMap<EntityManager, { tenantId: string; base: string }>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  base(manager: EntityManager, tenantId: string): Promise<string> {
    const known = this.known.get(manager);
    if (known?.tenantId === tenantId) return Promise.resolve(known.base);
    return tenantPortalBase(manager, tenantId, { webUrl: this.config.WEB_URL, baseDomain: this.config.PORTAL_BASE_DOMAIN });
  }

  /** Keeps the address of `facts` (read by the caller's own statement) for the rest of the transaction. */
  remember(manager: EntityManager, tenantId: string, facts: PortalAddressFacts): void {
    this.known.set(manager, {
      tenantId,
      base: portalBaseUrl(facts, { webUrl: this.config.WEB_URL, baseDomain: this.config.PORTAL_BASE_DOMAIN }),
    });
  }

  /** `path` (starting with `/`) at the tenant's address, with `query` added. */
  async url(manager: EntityManager, tenantId: string, path: string, query: Record<string, string> = {}): Promise<string> {
    const url = new URL(portalUrl(await this.base(manager, tenantId), path));
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  /** The address's origin, for API links (the reverse proxy sends /api of every portal address to the API). */
  async origin(manager: EntityManager, tenantId: string): Promise<string> {
    return new URL(await this.base(manager, tenantId)).origin;
  }
}
