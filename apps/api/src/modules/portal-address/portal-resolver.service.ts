import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { portalBaseUrl, readTenantBrand, withTenant, type TenantBrandRow } from '@candor/db';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { isUnder, normalizeHostname } from './hostname.util';
import { PortalRepository, type PortalTenant } from './portal.repository';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * Which agency an address belongs to. A Host is an agency's when it is an ACTIVE custom domain or
 * `<slug>.<PORTAL_BASE_DOMAIN>`; the web address, an IP or any other name is nobody's (null). Nothing is
 * cached in the process: with several API replicas, a domain removed through one is gone for all at once
 * (one indexed lookup, and only for requests at an agency's own address).
 */
@Injectable()
export class PortalResolver {
  private readonly webHost: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: PortalRepository,
  ) {
    this.webHost = new URL(config.WEB_URL).hostname.toLowerCase();
  }

  /** Candor's own names: an owner cannot claim them as a custom domain. */
  get ownNames(): string[] {
    return [this.webHost, this.config.PORTAL_BASE_DOMAIN ?? ''].filter(Boolean);
  }

  /** The agency whose address the Host header names, or null. */
  async fromHost(rawHost: string | undefined): Promise<PortalTenant | null> {
    const host = normalizeHostname(rawHost ?? '');
    if (!host || host === this.webHost || host === this.config.PORTAL_BASE_DOMAIN || isIP(host) || host.startsWith('[')) return null;
    return this.lookup(host);
  }

  bySlug(slug: string): Promise<PortalTenant | null> {
    return this.repository.bySlug(this.dataSource.manager, slug);
  }

  /** Whether a certificate may be issued for `host`: an active custom domain or an agency subdomain. */
  async tlsAllowed(rawHost: string): Promise<boolean> {
    return (await this.fromHost(rawHost)) !== null;
  }

  /** What a login page shows of the agency: its name and brand, read in its own transaction (row-level security). */
  async faceOf(tenant: PortalTenant): Promise<{ name: string; brand: TenantBrandRow }> {
    return withTenant(this.dataSource, tenant.tenantId, async (manager) => ({
      name: await this.repository.name(manager, tenant.tenantId),
      brand: await readTenantBrand(manager, tenant.tenantId),
    }));
  }

  /** The addresses of a slug that need no DNS: `/a/<slug>` under WEB_URL, and the subdomain when configured. */
  slugAddresses(slug: string): { slugAddress: string; subdomainAddress: string | null } {
    const web = { webUrl: this.config.WEB_URL };
    return {
      slugAddress: portalBaseUrl({ slug, domain: null }, web),
      subdomainAddress: this.config.PORTAL_BASE_DOMAIN
        ? portalBaseUrl({ slug, domain: null }, { ...web, baseDomain: this.config.PORTAL_BASE_DOMAIN })
        : null,
    };
  }

  private lookup(host: string): Promise<PortalTenant | null> {
    const base = this.config.PORTAL_BASE_DOMAIN;
    if (base && isUnder(host, base)) {
      const label = host.slice(0, -(base.length + 1));
      return SLUG.test(label) ? this.repository.bySlug(this.dataSource.manager, label) : Promise.resolve(null);
    }
    return this.repository.byHostname(this.dataSource.manager, host);
  }
}
