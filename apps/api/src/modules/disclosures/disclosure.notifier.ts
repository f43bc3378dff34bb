import { Injectable } from '@nestjs/common';
import { membersByIdSql, membersWithRolesSql, noticeCtes, writeTogether, type CtePart } from '@candor/db';
import type { ActorRef } from '../../common/actor-ref';
import { actorNameFor } from '../../common/client-view';
import { TenantContext } from '../../common/tenant-context';
import { PortalLinks } from '../../common/portal-links';
import type { NoticeTemplate } from '../outbox/outbox.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { DisclosureRow } from './disclosures.repository';

/** Who hears about a step: the client's people, its main contacts, the team around the disclosure, or the reviewers. */
export type DisclosureAudience = 'client_contacts' | 'client_admins' | 'team' | 'reviewers';

/** A query of one row per email to each recipient, its jsonb `extra` merged into that email's payload (e.g. one per open offer). */
export type EachRow = (bind: (value: unknown) => string, tenantId: string, disclosureId: string) => string;

/** Owners and managers: the people who answer for the team. */
const MANAGERS = ['owner', 'manager'];

export const formatUtc = (at: Date | null): string => (at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '');

/** Writes the outbox rows for disclosure news; the emails leave only if the change commits. */
@Injectable()
export class DisclosureNotifier {
  constructor(
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly tenants: TenantRepository,
  ) {}

  /**
   * Emails `audience` about `d`. `actorName` is how the person who acted is named: a team member is
   * named to the client as the team (unless the tenant shows staff names). One statement: the
   * recipients, their preferences and the outbox rows (see `notice`).
   */
  async send(
    tenantId: string,
    d: DisclosureRow,
    audience: DisclosureAudience,
    template: NoticeTemplate,
    extra: Record<string, unknown> = {},
    actor?: ActorRef,
  ): Promise<void> {
    await writeTogether(this.tenant.manager, [await this.notice(tenantId, d, audience, template, extra, actor)]);
  }

  /**
   * The emails of `send` as CTEs to write in the change's own statement (writeTogether): the audience
   * is found in SQL, the people who acted left out, each reader's preference applied there.
   */
  async notice(
    tenantId: string,
    d: DisclosureRow,
    audience: DisclosureAudience,
    template: NoticeTemplate,
    extra: Record<string, unknown> = {},
    actor?: ActorRef,
    name = 'notice',
    each?: EachRow,
  ): Promise<CtePart> {
    const manager = this.tenant.manager;
    const facts = await this.tenants.facts(manager, tenantId);
    const toClient = audience === 'client_contacts' || audience === 'client_admins';
    const payload = {
      tenantName: facts.name,
      clientName: d.clientName,
      engagementName: d.engagementName,
      category: d.category,
      severity: d.severity,
      actorName: actorNameFor(toClient, actor, facts),
      url: await this.links.url(manager, tenantId, `/disclosures/${d.id}`),
      ...extra,
    };
    return (bind) => {
      const tenant = bind(tenantId);
      const roles = (list: string[], clientAccountId: string | null) => membersWithRolesSql(tenant, bind(list), bind(clientAccountId));
      const audiences: Record<DisclosureAudience, () => string> = {
        client_contacts: () => roles(['client_admin', 'client_member'], d.clientAccountId),
        client_admins: () => roles(['client_admin'], d.clientAccountId),
        reviewers: () => roles(MANAGERS, null),
        team: () =>
          `SELECT DISTINCT ON ("userId") * FROM (${membersByIdSql(tenant, bind([d.authorId]))} UNION ALL ${roles(MANAGERS, null)}) m`,
      };
      const others = `SELECT * FROM (${audiences[audience]()}) r WHERE (r."userId" <> ${bind(actor?.userId ?? null)}::uuid) IS NOT FALSE`;
      const recipients = each ? `SELECT r.*, x.extra FROM (${others}) r CROSS JOIN (${each(bind, tenantId, d.id)}) x` : others;
      return noticeCtes(bind, { name, tenantId, template, recipients, payload, extra: Boolean(each) });
    };
  }
}
