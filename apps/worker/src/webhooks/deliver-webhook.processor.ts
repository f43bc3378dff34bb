import type { Logger } from 'pino';
import { signWebhook, unseal } from '@candor/domain-node';
import type { JobPayloads } from '@candor/queue-contracts';
import type { ClaimedWebhook, Disabling, WebhookLedger } from './webhook-ledger';
import type { WebhookSender } from './webhook-sender';

export type WebhookOutcome = 'delivered' | 'skipped' | 'retrying' | 'failed';

export interface WebhookRetryPolicy {
  /** The wait after the n-th failed attempt; the last one repeats. */
  scheduleMs: number[];
  /** How long after the first attempt a webhook is still retried (3 days). */
  windowMs: number;
}

/** When to try again after `attempts` failed attempts, or null once the window is spent. */
export function nextWebhookAttempt(policy: WebhookRetryPolicy, attempts: number, firstAttemptAt: Date, now: Date): Date | null {
  const wait = policy.scheduleMs[Math.min(attempts - 1, policy.scheduleMs.length - 1)] ?? 0;
  const at = now.getTime() + wait;
  return at > firstAttemptAt.getTime() + policy.windowMs ? null : new Date(at);
}

/**
 * Delivers one webhook row, at most once per claim, like emails: claim under a lease, sign with
 * every unexpired secret (Standard Webhooks), POST with no lock held, record the outcome. A job run
 * twice finds the row claimed or delivered and skips it. The `webhook-id` is the row's id, the same
 * on every retry and redelivery.
 */
export class DeliverWebhookProcessor {
  constructor(
    private readonly ledger: WebhookLedger,
    private readonly sender: WebhookSender,
    private readonly secret: string,
    private readonly retryPolicy: WebhookRetryPolicy,
    private readonly disabling: Disabling,
    private readonly logger: Logger,
  ) {}

  async handle(payload: JobPayloads['webhook.deliver']): Promise<WebhookOutcome> {
    const row = await this.ledger.claim(payload.tenantId, payload.webhookEventId);
    if (!row) return 'skipped';
    if (row.endpointStatus !== 'active') {
      // Turned off after the event was written: nothing is sent, and the row says why.
      const off = { succeeded: false, responseStatus: null, durationMs: 0, responseBody: null, error: 'the endpoint is turned off' };
      await this.ledger.record(row, off, null, this.disabling, false);
      return 'failed';
    }
    const body = JSON.stringify(row.payload);
    const result = await this.sender.post(row.url, { ...signWebhook(row.id, new Date(), body, this.signingSecrets(row)) }, body);
    const retryAt = result.succeeded ? null : nextWebhookAttempt(this.retryPolicy, row.attempts, new Date(row.firstAttemptAt), new Date());
    await this.ledger.record(row, result, retryAt, this.disabling);
    const log = { webhookEventId: row.id, type: row.type, attempts: row.attempts, status: result.responseStatus, error: result.error };
    if (result.succeeded) {
      this.logger.info(log, 'webhook delivered');
      return 'delivered';
    }
    this.logger.warn({ ...log, retryAt }, retryAt ? 'webhook not delivered; will try again' : 'webhook failed for good');
    return retryAt ? 'retrying' : 'failed';
  }

  private signingSecrets(row: ClaimedWebhook): string[] {
    const now = Date.now();
    return row.secrets
      .filter((s) => s.expiresAt === null || new Date(s.expiresAt).getTime() > now)
      .map((s) => unseal(s.sealed, this.secret));
  }
}
