import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { JOB_DEFINITIONS, emailJobKey, webhookJobKey, type JobPayloads } from '@candor/queue-contracts';
import { DueRowRelay, type ClaimedRow, type RelaySource } from './due-row-relay';

type RowJob = 'email.send' | 'webhook.deliver';

function source<N extends RowJob>(
  functions: { claim: string; release: string },
  name: N,
  jobKey: (id: string, resends: number, attempts: number) => string,
  payload: (row: ClaimedRow, key: string) => JobPayloads[N],
): RelaySource {
  const definition = JOB_DEFINITIONS[name];
  return {
    claimFunction: functions.claim,
    releaseFunction: functions.release,
    jobKey: (row) => jobKey(row.id, row.resends, row.attempts),
    job: (row, key) => {
      const data = payload(row, key);
      return { name, data, opts: definition.options(data) };
    },
  };
}

const EMAILS = source({ claim: 'outbox_claim_due', release: 'outbox_release' }, 'email.send', emailJobKey, (row, key) => ({
  tenantId: row.tenant_id,
  notificationId: row.id,
  idempotencyKey: key,
}));
const WEBHOOKS = source({ claim: 'webhook_claim_due', release: 'webhook_release' }, 'webhook.deliver', webhookJobKey, (row, key) => ({
  tenantId: row.tenant_id,
  webhookEventId: row.id,
  idempotencyKey: key,
}));

/** The notifications outbox to the email queue. */
export class OutboxRelay extends DueRowRelay {
  constructor(dataSource: DataSource, queue: Queue, logger: Logger, intervalMs: number, queuedReclaimMs = 60_000) {
    super(dataSource, queue, logger, intervalMs, queuedReclaimMs, EMAILS);
  }
}

/** The webhook outbox (webhook_events) to the webhook queue: the same claim, leases and re-claims as emails. */
export class WebhookRelay extends DueRowRelay {
  constructor(dataSource: DataSource, queue: Queue, logger: Logger, intervalMs: number, queuedReclaimMs = 60_000) {
    super(dataSource, queue, logger, intervalMs, queuedReclaimMs, WEBHOOKS);
  }
}
