import type { JobsOptions } from 'bullmq';

/** Queue names: frozen once released, jobs already queued carry them. */
export const QUEUES = { email: 'email', maintenance: 'maintenance', webhook: 'webhook' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Every tenant job carries its tenant and an idempotency key. Sweeps (scheduled, across tenants)
 * carry neither: they find their work through a narrow SECURITY DEFINER function, then enter each
 * tenant's transaction for the change itself.
 */
export interface JobPayloads {
  /** idempotencyKey: `emailJobKey(...)`, one per claim of the row, so a re-claim is never swallowed. */
  'email.send': { tenantId: string; notificationId: string; idempotencyKey: string };
  /** idempotencyKey: `webhookJobKey(...)`; the webhook_events row is the record of the delivery. */
  'webhook.deliver': { tenantId: string; webhookEventId: string; idempotencyKey: string };
  'work-log.stop-overdue-timers': Record<string, never>;
  'disclosure.overdue-check': Record<string, never>;
  'compensation-offer.expire': Record<string, never>;
  'follow-up.remind': Record<string, never>;
  'deliverable.late-check': Record<string, never>;
  'notification.release-held': Record<string, never>;
  'invoice.overdue-remind': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** Everything about one job, in one record: its name (frozen once released), queue, options and schedule. */
export interface JobDefinition<N extends JobName> {
  name: N;
  queue: QueueName;
  /** Default options for one enqueue of this job. */
  options: (payload: JobPayloads[N]) => JobsOptions;
  /** For a repeating sweep: how often. The scheduler id is the job name, so a restart upserts instead of adding another. */
  everyMs?: number;
}

// Sweeps: the next tick retries anyway; keep little history.
const sweep = <N extends JobName>(name: N, everyMs: number): JobDefinition<N> => ({
  name,
  queue: QUEUES.maintenance,
  options: () => ({ attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } }),
  everyMs,
});

// An outbox row's delivery (an email, a webhook): the row is the record of a delivery. A finished job
// is removed at once: kept, it would swallow a later enqueue under the same id (a re-claim after Redis
// lost the job, a resend). Job attempts only cover a database that could not be reached; send
// failures are retried by the row's own schedule (next_attempt_at).
const rowDelivery = <N extends 'email.send' | 'webhook.deliver'>(name: N, queue: QueueName): JobDefinition<N> => ({
  name,
  queue,
  options: (payload) => ({
    jobId: payload.idempotencyKey,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  }),
});

/** The one table of jobs; the type checker proves it names every job. */
export const JOB_DEFINITIONS: { [N in JobName]: JobDefinition<N> } = {
  'email.send': rowDelivery('email.send', QUEUES.email),
  'webhook.deliver': rowDelivery('webhook.deliver', QUEUES.webhook),
  'work-log.stop-overdue-timers': sweep('work-log.stop-overdue-timers', 60_000),
  'disclosure.overdue-check': sweep('disclosure.overdue-check', 60_000),
  'compensation-offer.expire': sweep('compensation-offer.expire', 5 * 60_000),
  'follow-up.remind': sweep('follow-up.remind', 5 * 60_000),
  'deliverable.late-check': sweep('deliverable.late-check', 5 * 60_000),
  // Digests at 08:00 local and bursts after a few quiet minutes: a minute is precise enough for both.
  'notification.release-held': sweep('notification.release-held', 60_000),
  // Due dates are days: every quarter of an hour is soon enough after a tenant's midnight.
  'invoice.overdue-remind': sweep('invoice.overdue-remind', 15 * 60_000),
};

/** Every job definition, in one list. */
export const ALL_JOBS = Object.values(JOB_DEFINITIONS) as JobDefinition<JobName>[];

/** The repeating sweeps, read from the definitions. */
export const SCHEDULES = ALL_JOBS.filter((job): job is JobDefinition<JobName> & { everyMs: number } => job.everyMs !== undefined);

/**
 * The job id of one delivery attempt of a notification: a resend by staff (`resends`) or a new
 * attempt after a temporary failure or a lost worker (`attempts`) gets a new id, while enqueueing the
 * same claim twice (a re-claim of a row whose job still waits) is one job. BullMQ forbids ':' in ids.
 */
export function emailJobKey(notificationId: string, resends: number, attempts: number): string {
  return `${notificationId}.r${resends}.a${attempts}`;
}

/** The job id of one delivery attempt of a webhook row, built like {@link emailJobKey}. */
export function webhookJobKey(webhookEventId: string, resends: number, attempts: number): string {
  return emailJobKey(webhookEventId, resends, attempts);
}
