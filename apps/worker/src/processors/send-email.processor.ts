import type { Logger } from 'pino';
import type { Notification } from '@candor/db';
import { effectiveBrand, eventOfTemplate, isBranded, NOTIFICATION_EVENTS } from '@candor/domain';
import { signUnsubscribe, unseal } from '@candor/domain-node';
import { isTemplateName, type EmailRenderer, type RenderedEmail, type RenderOptions } from '@candor/email-templates';
import type { JobPayloads } from '@candor/queue-contracts';
import { classifySendFailure, nextAttemptAt, type RetryPolicy } from '../delivery/delivery-outcome.util';
import type { ClaimedNotification, NotificationLedger } from '../delivery/notification-ledger';
import type { Mailer } from '../mail/mailer';
import type { WorkerMetrics } from '../metrics/worker-metrics';

export type SendOutcome = 'sent' | 'skipped' | 'retrying' | 'failed';

/**
 * Sends one notification, at most once per claim: the row is claimed under a short lease (its own
 * transaction), the SMTP conversation runs with no lock held, and the outcome is written after it.
 * A job processed twice (a retry, a duplicate enqueue, two workers) finds the row claimed or sent
 * and skips it. Send failures are the row's business (retried by the relay when due), so the job
 * only throws when the database could not be reached for the claim.
 */
export class SendEmailProcessor {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly renderer: EmailRenderer,
    private readonly mailer: Mailer,
    private readonly secret: string,
    private readonly retryPolicy: RetryPolicy,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
    /** Where the one-click unsubscribe links point (the web app, which also serves /api). */
    private readonly webUrl = 'http://127.0.0.1:5173',
  ) {}

  async handle(payload: JobPayloads['email.send']): Promise<SendOutcome> {
    const row = await this.ledger.claim({ tenantId: payload.tenantId, notificationId: payload.notificationId });
    if (!row) return 'skipped';

    let email: RenderedEmail;
    try {
      email = this.render(row);
    } catch (error) {
      // A notification that cannot be rendered never will be: fail it now, with the reason.
      return this.fail(row, { kind: 'permanent', reason: `could not render: ${error instanceof Error ? error.message : String(error)}` });
    }

    try {
      await this.mailer.send(row.recipientEmail, email, row.id, row.messageId, { name: row.brand.senderName, replyTo: row.brand.replyTo });
    } catch (error) {
      return this.fail(row, classifySendFailure(error));
    }
    await this.ledger.recordSent(row);
    this.metrics.emailsSent.inc();
    this.logger.info({ notificationId: row.id, template: row.template, attempts: row.attempts }, 'email sent');
    return 'sent';
  }

  /** Template name, locale and variables in; subject, text and HTML out. */
  private render(row: ClaimedNotification): RenderedEmail {
    if (!isTemplateName(row.template)) throw new Error(`unknown template ${row.template}`);
    return this.renderer.render(row.template, row.locale, this.variables(row), {
      timeZone: row.readerTimeZone,
      ...this.unsubscribeLinks(row),
      ...this.brand(row),
    });
  }

  private async fail(row: ClaimedNotification, failure: { kind: 'temporary' | 'permanent'; reason: string }): Promise<SendOutcome> {
    const retryAt = failure.kind === 'temporary' ? nextAttemptAt(this.retryPolicy, row.attempts, row.firstAttemptAt, new Date()) : null;
    await this.ledger.recordFailure(row, failure.kind, failure.reason, retryAt);
    const log = { notificationId: row.id, attempts: row.attempts, kind: failure.kind, reason: failure.reason };
    if (retryAt) {
      this.metrics.emailsRetrying.inc();
      this.logger.warn({ ...log, retryAt }, 'email not sent; will try again');
      return 'retrying';
    }
    this.metrics.emailsFailed.inc({ kind: failure.kind });
    this.logger.error(log, 'email failed for good');
    return 'failed';
  }

  /** Payload fields plus the unsealed secrets (e.g. an invitation link), which exist only in memory. */
  private variables(row: Notification): Record<string, unknown> {
    const { sealed, ...plain } = row.payload as { sealed?: Record<string, string> } & Record<string, unknown>;
    const opened: Record<string, string> = {};
    for (const [key, box] of Object.entries(sealed ?? {})) opened[key] = unseal(box, this.secret);
    return { ...plain, ...opened };
  }

  /** The agency's look, when it set one; the logo by its public address, which mail clients fetch. */
  private brand(row: ClaimedNotification): RenderOptions {
    if (!isBranded(row.brand)) return {};
    const brand = effectiveBrand(row.brand);
    const logoUrl = brand.logoPath ? new URL(brand.logoPath, this.webUrl).toString() : null;
    return { brand: { name: brand.name, primaryColor: brand.primaryColor, logoUrl, footerText: brand.footerText } };
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
