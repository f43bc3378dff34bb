import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@candor/db';
import { defineAbilityFor, type Actor, type Scope } from '@candor/domain';
import { hashToken, newToken } from '@candor/domain-node';
import { PortalLinks } from '../../common/portal-links';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { BrandService, type DocumentBrand } from '../brand/brand.service';
import { EngagementsService } from '../engagements/engagements.service';
import type { CreateShareLinkDto } from './dto/create-share-link.dto';
import type { ShareLinkResponse } from './dto/share-link.response';
import type { TimesheetResponse } from './dto/timesheet.response';
import { presentShareLink } from './share-link.presenter';
import { ShareLinksRepository } from './share-links.repository';
import { TimesheetsService } from './timesheets.service';

/** Read-only links to one engagement's timesheet for one period: expiring, revocable, nothing else visible. */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly links: PortalLinks,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: ShareLinksRepository,
    private readonly engagements: EngagementsService,
    private readonly timesheets: TimesheetsService,
    private readonly audit: AuditService,
    private readonly brand: BrandService,
  ) {}

  async create(actor: Actor, engagementId: string, dto: CreateShareLinkDto): Promise<ShareLinkResponse> {
    const manager = this.tenant.manager;
    const engagement = await this.engagements.findVisible(actor, engagementId);
    // Validates the period the same way the report will.
    await this.timesheets.build(manager, await this.scopes.of(actor), engagement.id, dto, 'client');
    const token = newToken();
    const id = randomUUID();
    const link = await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      id,
      engagementId: engagement.id,
      period: dto.period,
      periodStart: dto.start,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + (dto.expiresInDays ?? 14) * 86_400_000),
      revokedAt: null,
    });
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'share_link.created',
      entityType: 'share_link',
      entityId: id,
      change: { ...dto },
    });
    const url = `${await this.links.origin(manager, actor.tenantId)}/api/v1/shared-reports/${actor.tenantId}/${token}`;
    return { ...presentShareLink(link), url };
  }

  async list(actor: Actor, engagementId: string): Promise<ShareLinkResponse[]> {
    await this.engagements.findVisible(actor, engagementId);
    const links = await this.repository.ofEngagement(this.tenant.manager, actor.tenantId, engagementId);
    return links.map(presentShareLink);
  }

  async revoke(actor: Actor, id: string): Promise<ShareLinkResponse> {
    const manager = this.tenant.manager;
    const link = await this.repository.get(manager, actor.tenantId, id);
    // The link's engagement decides its scope: outside it, the link does not exist for the caller.
    const engagement = link
      ? await this.engagements.findVisible(actor, link.engagementId).catch((error: unknown) => notFoundAsNull(error))
      : null;
    if (
      !link ||
      !engagement ||
      !defineAbilityFor(actor).can('delete', { kind: 'ShareLink', clientAccountId: engagement.clientAccountId })
    ) {
      throw new NotFoundException('Share link not found');
    }
    if (link.revokedAt) return presentShareLink(link);
    const revoked = await this.repository.revoke(manager, actor.tenantId, id);
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'share_link.revoked',
      entityType: 'share_link',
      entityId: id,
    });
    return presentShareLink(revoked);
  }

  /** The report behind a link, for anyone holding it: 404 unknown, 410 revoked or expired; with the brand the page wears. */
  open(tenantId: string, token: string, withBrand = false): Promise<{ sheet: TimesheetResponse; brand: DocumentBrand | null }> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const link = await this.repository.byTokenHash(manager, tenantId, hashToken(token));
      if (!link) throw new NotFoundException('This link is not valid');
      if (link.revokedAt) throw new GoneException('This link has been revoked; ask for a new one');
      if (link.expiresAt.getTime() <= Date.now()) throw new GoneException('This link has expired; ask for a new one');
      // A link's reader sees its one engagement, nothing else.
      const scope: Scope = { kind: 'engagements', tenantId, engagementIds: [link.engagementId], clientAccountIds: [] };
      const sheet = await this.timesheets.build(
        manager,
        scope,
        link.engagementId,
        { period: link.period, start: link.periodStart },
        'client',
      );
      return { sheet, brand: withBrand ? await this.brand.forDocument(manager, tenantId) : null };
    });
  }
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof NotFoundException) return null;
  throw error;
}
