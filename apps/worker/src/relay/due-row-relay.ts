import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { JobsOptions } from 'bullmq';

const ENQUEUE_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface ClaimedRow {
  tenant_id: string;
  id: string;
  resends: number;
  attempts: number;
  was_queued: boolean;
}

/** A job in these states will still run; one in `active` may belong to a worker that died. */
const WILL_RUN = new Set(['waiting', 'prioritized', 'delayed', 'waiting-children']);

/** Which outbox a relay drains, and the job each claimed row becomes. */
export interface RelaySource {
  /** A SECURITY DEFINER function `(limit int, queued_stale interval)` returning ClaimedRow. */
  claimFunction: string;
  /** A SECURITY DEFINER function `(tenant_ids uuid[], ids uuid[])` putting queued rows back to pending. */
  releaseFunction: string;
  /** The job id of one claim of a row (see emailJobKey). */
  jobKey(row: ClaimedRow): string;
  job(row: ClaimedRow, key: string): { name: string; data: unknown; opts: JobsOptions };
}

/**
 * Moves due outbox rows (emails, webhooks) to their queue: new ones, those whose retry time has come, those a dead
 * worker left under an expired lease, and those queued so long their job may be gone. Claiming marks
 * rows queued; if Redis refuses the jobs, the rows are released back to pending and retried on the
 * next tick, so nothing is lost while Redis is away. When Redis comes back (maybe empty), every
 * queued row is looked at again at once.
 *
 * A row re-claimed while queued keeps its job if that job will still run. Otherwise it gets a job:
 * under its usual id if none exists, under a fresh id if the old one is held `active` by a worker that
 * died (BullMQ would only notice after the lock duration). A duplicate job is harmless: the first to
 * claim the row sends it, the other skips.
 */
export class DueRowRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private reclaimQueuedBefore: number | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Queue,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly queuedReclaimMs: number,
    private readonly source: RelaySource,
  ) {}

  start(): void {
    const tick = async () => {
      this.running = this.drain().then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error }, 'outbox relay tick failed'),
      );
      await this.running;
      this.running = null;
      if (this.timer) this.timer = setTimeout(() => void tick(), this.intervalMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** The queue (re)connected and may have lost its jobs: enqueue again every row queued before now. */
  reclaimQueued(): void {
    this.reclaimQueuedBefore = Date.now();
  }

  /** Relays until the outbox has nothing due or the queue refuses; returns how many rows were queued. */
  async drain(batchSize = 200): Promise<number> {
    const reclaimRequest = this.reclaimQueuedBefore;
    let total = 0;
    for (;;) {
      const staleMs =
        reclaimRequest === null ? this.queuedReclaimMs : Math.min(this.queuedReclaimMs, Math.max(Date.now() - reclaimRequest, 0));
      const rows: ClaimedRow[] = await this.dataSource.query(
        `SELECT tenant_id, id, resends, attempts, was_queued FROM ${this.source.claimFunction}($1, make_interval(secs => $2::double precision / 1000))`,
        [batchSize, staleMs],
      );
      if (!rows.length) break;
      try {
        // BullMQ waits for a connection before adding; a bound turns "Redis is away" into a release.
        await withTimeout(this.enqueue(rows), ENQUEUE_TIMEOUT_MS);
      } catch (error) {
        await this.dataSource.query(`SELECT ${this.source.releaseFunction}($1::uuid[], $2::uuid[])`, [
          rows.map((r) => r.tenant_id),
          rows.map((r) => r.id),
        ]);
        this.logger.warn({ err: error, count: rows.length }, 'queue unavailable; outbox rows kept pending');
        return total;
      }
      total += rows.length;
      if (rows.length < batchSize) break;
    }
    if (reclaimRequest !== null && this.reclaimQueuedBefore === reclaimRequest) this.reclaimQueuedBefore = null;
    return total;
  }

  private async enqueue(rows: ClaimedRow[]): Promise<void> {
    const jobs = await Promise.all(rows.map(async (row) => ({ row, key: await this.jobKeyFor(row) })));
    const fresh = jobs.filter((job): job is { row: ClaimedRow; key: string } => job.key !== null);
    if (!fresh.length) return;
    await this.queue.addBulk(fresh.map(({ row, key }) => this.source.job(row, key)));
  }

  /** The job id to add for a claimed row, or null when its job is still waiting to run. */
  private async jobKeyFor(row: ClaimedRow): Promise<string | null> {
    const key = this.source.jobKey(row);
    if (!row.was_queued) return key;
    const state = await this.queue.getJobState(key);
    if (WILL_RUN.has(state)) return null;
    return state === 'active' ? `${key}.t${Date.now()}` : key;
  }
}
