import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { portalAddressFacts, portalBaseUrl } from '@candor/db';
import type { Actor } from '@candor/domain';
import { badInput } from '../../common/errors/api-error';
import { ActorScope } from '../../common/actor-scope';
import { ScopedLookup } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { AuditService } from '../audit/audit.service';
import { DomainsRepository, type DomainRow } from './domains.repository';
import { presentDomain, txtRecordName, txtRecordValue } from './domains.presenter';
import type { DomainResponse, PortalAddressResponse } from './dto/domain.response';
import { checkCustomHostname, HOSTNAME_REFUSALS } from './hostname.util';
import { PortalResolver } from './portal-resolver.service';
import { TXT_RESOLVER, type TxtResolver } from './txt-resolver.provider';

/** More would only be clutter: an agency needs one domain, two while it moves. */
const MAX_DOMAINS = 5;
const NOUN = 'Domain';

/** The owner's custom domains: add one, prove it with a TXT record, remove it. Each change is audited. */
@Injectable()
export class DomainsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly lookup: ScopedLookup,
    private readonly repository: DomainsRepository,
    private readonly resolver: PortalResolver,
    private readonly audit: AuditService,
    @Inject(TXT_RESOLVER) private readonly dns: TxtResolver,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async overview(actor: Actor): Promise<PortalAddressResponse> {
    const manager = this.tenant.manager;
    const rows = await this.repository.list(manager, await this.scopes.of(actor));
    const facts = await portalAddressFacts(manager, actor.tenantId);
    const address = portalBaseUrl(facts, { webUrl: this.config.WEB_URL, baseDomain: this.config.PORTAL_BASE_DOMAIN });
    return { slug: facts.slug, address, ...this.resolver.slugAddresses(facts.slug), domains: rows.map(presentDomain) };
  }

  async add(actor: Actor, input: string): Promise<DomainResponse> {
    const checked = checkCustomHostname(input, this.resolver.ownNames);
    if ('refusal' in checked) throw badInput(`hostname_${checked.refusal}`, 'hostname', HOSTNAME_REFUSALS[checked.refusal]);
    const { hostname } = checked;
    const manager = this.tenant.manager;
    const holder = await this.resolver.fromHost(hostname);
    if (holder && holder.tenantId !== actor.tenantId) throw new ConflictException("This domain already serves another agency's portal.");
    const scope = await this.scopes.of(actor);
    if ((await this.repository.list(manager, scope)).some((row) => row.hostname === hostname)) {
      throw new ConflictException('You have added this domain already.');
    }
    if ((await this.repository.count(manager, actor.tenantId)) >= MAX_DOMAINS) {
      throw new ConflictException(`A workspace can have at most ${MAX_DOMAINS} custom domains; remove one first.`);
    }
    const id = randomUUID();
    await this.repository.insert(manager, { tenantId: actor.tenantId, id, hostname, verificationToken: randomBytes(16).toString('hex') });
    await this.record(actor, 'portal_domain.added', id, { hostname });
    return presentDomain(await this.lookup.visible(actor, this.repository, id, NOUN));
  }

  /** Looks for the TXT record now: active when it holds the token, else still pending with the reason. */
  async verify(actor: Actor, id: string): Promise<DomainResponse> {
    const row = await this.lookup.locked(actor, this.repository, id, NOUN);
    if (row.status === 'active') return presentDomain(row);
    const error = await this.txtProblem(row);
    const manager = this.tenant.manager;
    if (!error) {
      const holder = await this.resolver.fromHost(row.hostname);
      if (holder && holder.tenantId !== actor.tenantId) throw new ConflictException("This domain already serves another agency's portal.");
    }
    await this.repository.recordCheck(manager, actor.tenantId, id, { passed: !error, error });
    await this.record(actor, error ? 'portal_domain.check_failed' : 'portal_domain.verified', id, {
      hostname: row.hostname,
      ...(error && { reason: error }),
    });
    return presentDomain(await this.lookup.visible(actor, this.repository, id, NOUN));
  }

  /** Removes the domain; the portal answers at its subdomain or slug address again, and emails link there. */
  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.lookup.locked(actor, this.repository, id, NOUN);
    await this.repository.delete(this.tenant.manager, actor.tenantId, id);
    await this.record(actor, 'portal_domain.removed', id, { hostname: row.hostname, status: row.status });
  }

  private async txtProblem(row: DomainRow): Promise<string | null> {
    const name = txtRecordName(row.hostname);
    const expected = txtRecordValue(row.verificationToken);
    let records: string[][];
    try {
      records = await this.dns.resolveTxt(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA')
        return `No TXT record was found at ${name}. DNS changes can take a while to appear; try again later.`;
      return `The DNS lookup of ${name} did not answer (${code ?? 'error'}); try again in a few minutes.`;
    }
    if (records.some((parts) => parts.join('') === expected)) return null;
    return `The TXT record at ${name} does not hold the value shown here; check it and try again.`;
  }

  private record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'tenant_domain',
      entityId: id,
      change,
    });
  }
}
