import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, type Recipient, type PortalAddressConfig } from '@candor/db';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';
import { formatUtc } from './utc-date.util';

interface Candidate {
  tenant_id: string;
  id: string;
}

interface Marked {
  title: string;
  engagementId: string;
  engagementName: string;
  clientName: string;
  tenantName: string;
  assigneeId: string | null;
  dueAt: Date;
}

/**
 * Late work, told before the client has to ask. The day before a deliverable falls due its assignee
 * is reminded once; once it is past due and not delivered it is marked late, once, and the assignee
 * and the managers are asked to disclose the missed deadline, with a link to a pre-filled draft.
 * Each change re-checks its condition in the UPDATE, so a delivery racing the sweep wins cleanly.
 */
export class CheckLateDeliverablesProcessor extends TenantSweep<Candidate, 'reminded' | 'late'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['reminded', 'late'], 'checked deliverable deadlines');
  }

  protected candidates(): Promise<Candidate[]> {
    return this.dataSource.query(`SELECT tenant_id, id FROM deliverable_deadline_candidates($1)`, [SWEEP_BATCH]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id }: Candidate): Promise<'reminded' | 'late' | null> {
    const late = await this.mark(manager, tenantId, id, `late_at = now(), late_notified_at = now()`, `late_at IS NULL AND due_at <= now()`);
    if (late) {
      const recipients = distinct(
        late.assigneeId ? await this.staff(manager, tenantId, [late.assigneeId]) : [],
        await membersWithRoles(manager, tenantId, ['owner', 'manager']),
      );
      const draft = new URL(this.url('/disclosures/new'));
      draft.search = new URLSearchParams({
        engagementId: late.engagementId,
        deliverableId: id,
        category: 'missed_deadline',
        occurredAt: late.dueAt.toISOString(),
      }).toString();
      await notifyEach(manager, tenantId, recipients, 'deliverable_late', {
        ...this.facts(late),
        url: draft.toString(),
        deliverableUrl: this.deliverableUrl(id),
      });
      await insertAuditEvent(manager, {
        actorUserId: null,
        tenantId,
        action: 'deliverable.marked_late',
        entityType: 'deliverable',
        entityId: id,
        change: { dueAt: late.dueAt, recipients: recipients.length },
      });
      return 'late';
    }
    const due = await this.mark(
      manager,
      tenantId,
      id,
      `due_reminded_at = now()`,
      `due_reminded_at IS NULL AND due_at > now() AND due_at <= now() + interval '1 day'`,
    );
    if (!due) return null;
    // Nobody assigned: the managers hear it instead, so the reminder is not lost.
    const assignee = due.assigneeId ? await this.staff(manager, tenantId, [due.assigneeId]) : [];
    const recipients = assignee.length ? assignee : await membersWithRoles(manager, tenantId, ['owner', 'manager']);
    await notifyEach(manager, tenantId, recipients, 'deliverable_due_tomorrow', { ...this.facts(due), url: this.deliverableUrl(id) });
    await insertAuditEvent(manager, {
      actorUserId: null,
      tenantId,
      action: 'deliverable.due_reminded',
      entityType: 'deliverable',
      entityId: id,
      change: { dueAt: due.dueAt, recipients: recipients.length },
    });
    return 'reminded';
  }

  /** Sets `sets` on an open deliverable when `condition` still holds; the row it changed, or nothing. */
  private async mark(manager: EntityManager, tenantId: string, id: string, sets: string, condition: string): Promise<Marked | undefined> {
    const [row]: Marked[] = await manager.query(
      `WITH marked AS (
         UPDATE deliverables SET ${sets}
         WHERE tenant_id = $1 AND id = $2 AND status IN ('in_progress', 'changes_requested') AND due_at IS NOT NULL AND ${condition}
         RETURNING title, engagement_id, client_account_id, assignee_id, due_at)
       SELECT m.title, m.engagement_id AS "engagementId", e.name AS "engagementName", c.name AS "clientName", t.name AS "tenantName",
              m.assignee_id AS "assigneeId", m.due_at AS "dueAt"
       FROM marked m
       JOIN engagements e ON e.tenant_id = $1 AND e.id = m.engagement_id
       JOIN client_accounts c ON c.tenant_id = $1 AND c.id = m.client_account_id
       JOIN tenants t ON t.id = $1`,
      [tenantId, id],
    );
    return row;
  }

  /** Team members among `userIds` (an assignee who has left gets nothing). */
  private staff(manager: EntityManager, tenantId: string, userIds: string[]): Promise<Recipient[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.user_id = ANY($2::uuid[]) AND m.client_account_id IS NULL`,
      [tenantId, userIds],
    );
  }

  private facts(d: Marked): Record<string, unknown> {
    return {
      tenantName: d.tenantName,
      clientName: d.clientName,
      engagementName: d.engagementName,
      deliverableTitle: d.title,
      dueAt: formatUtc(d.dueAt),
    };
  }

  private deliverableUrl(id: string): string {
    return this.url(`/deliverables/${id}`);
  }
}

/** One entry per user across lists. */
function distinct(...lists: Recipient[][]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of lists.flat()) seen.set(r.userId, r);
  return [...seen.values()];
}
