import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { portalUrl, tenantPortalBase } from '@candor/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Links in emails and answers point at the tenant's portal address: its active custom domain, else
 * `<slug>.<PORTAL_BASE_DOMAIN>`, else `WEB_URL/a/<slug>` (the web app strips the prefix). Read in the
 * tenant's transaction, so a link written with a change matches the address at that moment.
 */
@Injectable()
export class PortalLinks {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  base(manager: EntityManager, tenantId: string): Promise<string> {
    return tenantPortalBase(manager, tenantId, { webUrl: this.config.WEB_URL, baseDomain: this.config.PORTAL_BASE_DOMAIN });
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
