import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { JOBS, jobOptions, type JobPayloads } from '@candor/queue-contracts';

const ENQUEUE_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface ClaimedRow {
  tenant_id: string;
  id: string;
}

/**
 * Moves pending outbox rows to the email queue. Claiming marks rows queued; if Redis refuses the
 * job, the rows are released back to pending and retried on the next tick, so nothing is lost
 * while Redis is away. A row stuck as queued (relay died mid-way) is claimed again after a while;
 * the job id (the notification id) and the idempotent sender keep that to one email.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Queue,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    const tick = async () => {
      this.running = this.drain().then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error }, 'outbox relay tick failed'),
      );
      await this.running;
      this.running = null;
      if (this.timer) this.timer = setTimeout(tick, this.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Relays until the outbox is empty or the queue refuses; returns how many rows were queued. */
  async drain(batchSize = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: ClaimedRow[] = await this.dataSource.query(`SELECT tenant_id, id FROM outbox_claim($1, interval '5 minutes')`, [batchSize]);
      if (!rows.length) return total;
      try {
        // BullMQ waits for a connection before adding; a bound turns "Redis is away" into a release.
        await withTimeout(
          this.queue.addBulk(
            rows.map((row) => {
              const data: JobPayloads['email.send'] = { tenantId: row.tenant_id, notificationId: row.id, idempotencyKey: row.id };
              return { name: JOBS.emailSend, data, opts: jobOptions(JOBS.emailSend, data) };
            }),
          ),
          ENQUEUE_TIMEOUT_MS,
        );
      } catch (error) {
        await this.dataSource.query('SELECT outbox_release($1::uuid[], $2::uuid[])', [rows.map((r) => r.tenant_id), rows.map((r) => r.id)]);
        this.logger.warn({ err: error, count: rows.length }, 'queue unavailable; outbox rows kept pending');
        return total;
      }
      total += rows.length;
      if (rows.length < batchSize) return total;
    }
  }
}
