import { Injectable } from '@nestjs/common';
import type { ActorRef } from '../../common/actor-ref';
import { actorNameFor } from '../../common/client-view';
import { TenantContext } from '../../common/tenant-context';
import { PortalLinks } from '../../common/portal-links';
import { OutboxService, type NoticeTemplate } from '../outbox/outbox.service';
import { RecipientsService, type Recipient } from '../outbox/recipients.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { DisclosureRow } from './disclosures.repository';

/** Who hears about a step: the client's people, its main contacts, the team around the disclosure, or the reviewers. */
export type DisclosureAudience = 'client_contacts' | 'client_admins' | 'team' | 'reviewers';

export const formatUtc = (at: Date | null): string => (at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '');

/** Writes the outbox rows for disclosure news; the emails leave only if the change commits. */
@Injectable()
export class DisclosureNotifier {
  constructor(
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly tenants: TenantRepository,
  ) {}

  /**
   * Emails `audience` about `d`. `actorName` is how the person who acted is named: a team member is
   * named to the client as the team (unless the tenant shows staff names).
   */
  async send(
    tenantId: string,
    d: DisclosureRow,
    audience: DisclosureAudience,
    template: NoticeTemplate,
    extra: Record<string, unknown> = {},
    actor?: ActorRef,
  ): Promise<void> {
    const manager = this.tenant.manager;
    const facts = await this.tenants.facts(manager, tenantId);
    const toClient = audience === 'client_contacts' || audience === 'client_admins';
    let recipients: Recipient[];
    if (audience === 'client_contacts') recipients = await this.recipients.clientContacts(manager, tenantId, d.clientAccountId);
    else if (audience === 'client_admins') recipients = await this.recipients.clientAdmins(manager, tenantId, d.clientAccountId);
    else if (audience === 'reviewers') recipients = await this.recipients.managers(manager, tenantId);
    else {
      recipients = RecipientsService.distinct(
        await this.recipients.users(manager, tenantId, [d.authorId]),
        await this.recipients.managers(manager, tenantId),
      );
    }
    if (actor) recipients = recipients.filter((r) => r.userId !== actor.userId);
    const actorName = actorNameFor(toClient, actor, facts);
    await this.outbox.addForEach(manager, tenantId, recipients, template, {
      tenantName: facts.name,
      clientName: d.clientName,
      engagementName: d.engagementName,
      category: d.category,
      severity: d.severity,
      actorName,
      url: await this.links.url(manager, tenantId, `/disclosures/${d.id}`),
      ...extra,
    });
  }
}
