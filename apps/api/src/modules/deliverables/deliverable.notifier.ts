import { Injectable } from '@nestjs/common';
import type { ActorRef } from '../../common/actor-ref';
import { actorNameFor } from '../../common/client-view';
import { TenantContext } from '../../common/tenant-context';
import { PortalLinks } from '../../common/portal-links';
import { OutboxService, type NoticeTemplate } from '../outbox/outbox.service';
import { RecipientsService, type Recipient } from '../outbox/recipients.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { DeliverableRow } from './deliverables.repository';

/** Who hears about a step: everyone at the client, or the team around the deliverable (assignee and managers). */
export type DeliverableAudience = 'client_contacts' | 'team';

/** Writes the outbox rows for deliverable news; the emails leave only if the change commits. */
@Injectable()
export class DeliverableNotifier {
  constructor(
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly tenants: TenantRepository,
  ) {}

  async send(
    tenantId: string,
    d: DeliverableRow,
    audience: DeliverableAudience,
    template: NoticeTemplate,
    extra: Record<string, unknown>,
    actor: ActorRef,
  ): Promise<void> {
    const manager = this.tenant.manager;
    const facts = await this.tenants.facts(manager, tenantId);
    let recipients: Recipient[] =
      audience === 'client_contacts'
        ? await this.recipients.clientContacts(manager, tenantId, d.clientAccountId)
        : RecipientsService.distinct(
            d.assigneeId ? await this.recipients.users(manager, tenantId, [d.assigneeId]) : [],
            await this.recipients.managers(manager, tenantId),
          );
    recipients = recipients.filter((r) => r.userId !== actor.userId);
    const toClient = audience === 'client_contacts';
    await this.outbox.addForEach(manager, tenantId, recipients, template, {
      tenantName: facts.name,
      clientName: d.clientName,
      engagementName: d.engagementName,
      deliverableTitle: d.title,
      actorName: actorNameFor(toClient, actor, facts),
      url: await this.links.url(manager, tenantId, `/deliverables/${d.id}`),
      ...extra,
    });
  }
}
