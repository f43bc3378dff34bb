import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Notification, readerTimeZone, withTenant } from '@candor/db';
import { eventOfTemplate, NOTIFICATION_EVENTS, signUnsubscribe, unseal } from '@candor/domain';
import { TEMPLATE_NAMES, type EmailRenderer, type RenderOptions } from '@candor/email-templates';
import type { JobPayloads } from '@candor/queue-contracts';
import type { Mailer } from '../mail/mailer';

/**
 * Sends one notification, at most once: the row is locked for the duration of the send, and a row
 * already marked sent is skipped, so a job processed twice (a retry, a duplicate enqueue, two
 * workers) delivers one email.
 */
export class SendEmailProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: EmailRenderer,
    private readonly mailer: Mailer,
    private readonly secret: string,
    private readonly logger: Logger,
    /** Where the one-click unsubscribe links point (the web app, which also serves /api). */
    private readonly webUrl = 'http://127.0.0.1:5173',
  ) {}

  async handle(payload: JobPayloads['email.send']): Promise<'sent' | 'skipped'> {
    try {
      return await withTenant(this.dataSource, payload.tenantId, async (manager) => {
        const row = await manager.findOne(Notification, {
          where: { tenantId: payload.tenantId, id: payload.notificationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row) throw new UnrecoverableError(`notification ${payload.notificationId} does not exist`);
        if (row.sentAt) return 'skipped' as const;
        if (!TEMPLATE_NAMES.includes(row.template)) throw new UnrecoverableError(`unknown template ${row.template}`);
        const timeZone = await readerTimeZone(manager, row.tenantId, row.recipientUserId);
        const email = this.renderer.render(row.template, row.locale, this.variables(row), { timeZone, ...this.unsubscribeLinks(row) });
        await this.mailer.send(row.recipientEmail, email, row.id);
        await manager.update(
          Notification,
          { tenantId: row.tenantId, id: row.id },
          { status: 'sent', sentAt: new Date(), attempts: row.attempts + 1, lastError: null },
        );
        this.logger.info({ notificationId: row.id, template: row.template }, 'email sent');
        return 'sent' as const;
      });
    } catch (error) {
      await this.recordFailure(payload, error, false);
      throw error;
    }
  }

  /** Called when the queue gives up on a job: the row says so, for staff to see and retry. */
  async recordFailure(payload: JobPayloads['email.send'], error: unknown, final: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await withTenant(this.dataSource, payload.tenantId, (manager) =>
      manager
        .createQueryBuilder()
        .update(Notification)
        .set({ attempts: () => 'attempts + 1', lastError: message.slice(0, 1000), ...(final && { status: 'failed' }) })
        .where('tenant_id = :tenantId AND id = :id AND sent_at IS NULL', { tenantId: payload.tenantId, id: payload.notificationId })
        .execute(),
    ).catch((dbError: unknown) => this.logger.error({ err: dbError }, 'could not record the email failure'));
  }

  /** Payload fields plus the unsealed secrets (e.g. an invitation link), which exist only in memory. */
  private variables(row: Notification): Record<string, unknown> {
    const { sealed, ...plain } = row.payload as { sealed?: Record<string, string> } & Record<string, unknown>;
    const opened: Record<string, string> = {};
    for (const [key, box] of Object.entries(sealed ?? {})) opened[key] = unseal(box, this.secret);
    return { ...plain, ...opened };
  }

  /** A kind of email its reader may turn off gets a footer link and the RFC 8058 one-click headers. */
  private unsubscribeLinks(row: Notification): RenderOptions {
    const event = eventOfTemplate(row.template);
    if (!event || !row.recipientUserId || NOTIFICATION_EVENTS[event].required) return {};
    const token = signUnsubscribe({ tenantId: row.tenantId, userId: row.recipientUserId, event }, this.secret);
    const link = (path: string) => {
      const url = new URL(path, this.webUrl);
      url.searchParams.set('token', token);
      return url.toString();
    };
    return { unsubscribeUrl: link('/unsubscribe'), oneClickUrl: link('/api/v1/unsubscribe') };
  }
}
