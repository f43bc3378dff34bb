import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, withTenant } from '@candor/db';
import { persistently } from '../delivery/persistently.util';

/** A webhook row claimed for one attempt, with its endpoint. */
export interface ClaimedWebhook {
  tenantId: string;
  id: string;
  endpointId: string;
  type: string;
  payload: unknown;
  /** Counts this attempt. */
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  /** Sealed secrets with their expiry; signing uses the unexpired ones. */
  secrets: { sealed: string; createdAt: string; expiresAt: string | null }[];
  endpointStatus: 'active' | 'disabled';
}

/** What one attempt gave: the answer's status, how long it took, the first KiB of its body, or why there was none. */
export interface AttemptResult {
  succeeded: boolean;
  responseStatus: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

/** The endpoint turned off after failing this long: the owners' email needs these. */
export interface Disabling {
  afterMs: number;
  settingsUrl: string;
}

/**
 * The webhook row's delivery states, each change in its own short transaction, as for emails: the
 * claim takes a lease, the HTTP request runs with no lock held, and the outcome (the attempt's log
 * row, the event's next state, the endpoint's health) is written afterwards in one transaction.
 */
export class WebhookLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly leaseMs: number,
  ) {}

  claim(tenantId: string, id: string): Promise<ClaimedWebhook | null> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const [row] = await manager.query<ClaimedWebhook[]>(
        `WITH claimed AS (
           UPDATE webhook_events SET status = 'sending', lease_until = now() + make_interval(secs => $3::double precision / 1000),
             attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, claim_now.t)
           FROM (SELECT now() AS t) claim_now
           WHERE tenant_id = $1 AND id = $2
             AND ((status IN ('pending', 'queued') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
               OR (status = 'sending' AND lease_until < now()))
           RETURNING *)
         SELECT c.tenant_id AS "tenantId", c.id, c.endpoint_id AS "endpointId", c.type, c.payload, c.attempts,
                c.first_attempt_at AS "firstAttemptAt", e.url, e.secrets, e.status AS "endpointStatus"
         FROM claimed c JOIN webhook_endpoints e ON e.tenant_id = c.tenant_id AND e.id = c.endpoint_id`,
        [tenantId, id, this.leaseMs],
      );
      return row ?? null;
    });
  }

  /**
   * Records one attempt: its log row; the event delivered, due again at `retryAt`, or failed (null
   * `retryAt`); the endpoint's `failing_since`, and the endpoint turned off (with an email to the
   * owners) once it has failed for `disabling.afterMs`. `logged` false skips the log row (no request was made).
   * The event's state is written while no later attempt has claimed it (the same `attempts`), also once the
   * relay has queued it again after its lease ran out: the queued job then finds it done instead of sending it twice.
   */
  record(row: ClaimedWebhook, result: AttemptResult, retryAt: Date | null, disabling: Disabling, logged = true): Promise<void> {
    const state = result.succeeded ? 'delivered' : retryAt ? 'pending' : 'failed';
    return persistently(this.logger, this.leaseMs, { webhookEventId: row.id }, state, () =>
      withTenant(this.dataSource, row.tenantId, async (manager) => {
        // The endpoint first, as deleting it locks it (then its events, by cascade): locking the event first
        // (the log row's foreign key) and the endpoint last made a deadlock with a delete, answered 503.
        // Gone: deleted with its webhooks while this attempt ran, so there is nothing left to record.
        const endpoint: unknown[] = await manager.query(
          `SELECT 1 FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 FOR NO KEY UPDATE`,
          [row.tenantId, row.endpointId],
        );
        if (!endpoint.length) return;
        if (logged) {
          await manager.query(
            `INSERT INTO webhook_deliveries (tenant_id, id, event_id, endpoint_id, attempt, succeeded, response_status, duration_ms, response_body, error)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              row.tenantId,
              randomUUID(),
              row.id,
              row.endpointId,
              row.attempts,
              result.succeeded,
              result.responseStatus,
              Math.round(result.durationMs),
              result.responseBody,
              result.error?.slice(0, 1000) ?? null,
            ],
          );
        }
        await manager.query(
          `UPDATE webhook_events SET status = $4, next_attempt_at = $5, lease_until = NULL, queued_at = NULL,
             delivered_at = CASE WHEN $4 = 'delivered' THEN c.t END, last_error = $6
           FROM (SELECT now() AS t) c
           WHERE tenant_id = $1 AND id = $2 AND status IN ('sending', 'queued') AND attempts = $3`,
          [row.tenantId, row.id, row.attempts, state, state === 'pending' ? retryAt : null, failureReason(result)],
        );
        if (result.succeeded) {
          await manager.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE tenant_id = $1 AND id = $2`, [
            row.tenantId,
            row.endpointId,
          ]);
        } else if (logged) {
          await this.noteFailure(manager, row, disabling);
        }
      }),
    );
  }

  /** The endpoint fails since its first failure after a success; failing long enough turns it off, once. */
  private async noteFailure(manager: EntityManager, row: ClaimedWebhook, disabling: Disabling): Promise<void> {
    const [endpoints] = await manager.query<[{ url: string; failing_since: Date }[], number]>(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, c.t) FROM (SELECT now() AS t) c WHERE tenant_id = $1 AND id = $2 RETURNING url, failing_since`,
      [row.tenantId, row.endpointId],
    );
    const endpoint = endpoints[0];
    if (!endpoint || Date.now() - new Date(endpoint.failing_since).getTime() < disabling.afterMs) return;
    const [disabled] = await manager.query<[unknown[], number]>(
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'failing', updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'active' RETURNING id`,
      [row.tenantId, row.endpointId],
    );
    if (!disabled.length) return;
    const failingDays = Math.max(1, Math.round(disabling.afterMs / 86_400_000));
    await insertAuditEvent(manager, {
      tenantId: row.tenantId,
      actorUserId: null,
      action: 'webhook_endpoint.disabled',
      entityType: 'webhook_endpoint',
      entityId: row.endpointId,
      change: { reason: 'failing', failingSince: endpoint.failing_since, url: endpoint.url },
    });
    const owners = await membersWithRoles(manager, row.tenantId, ['owner']);
    await notifyEach(manager, row.tenantId, owners, 'webhook_endpoint_disabled', {
      endpointUrl: endpoint.url,
      failingDays,
      url: disabling.settingsUrl,
    });
    this.logger.warn({ endpointId: row.endpointId, tenantId: row.tenantId }, 'webhook endpoint failing for too long; turned off');
  }
}

function failureReason(result: AttemptResult): string | null {
  if (result.succeeded) return null;
  return (result.error ?? `answered ${String(result.responseStatus)}`).slice(0, 1000);
}
