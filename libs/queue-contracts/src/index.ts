import type { JobsOptions } from 'bullmq';

/** Queue names: frozen once released, jobs already queued carry them. */
export const QUEUES = { email: 'email', maintenance: 'maintenance' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names: frozen once released. */
export const JOBS = {
  emailSend: 'email.send',
  stopOverdueTimers: 'work-log.stop-overdue-timers',
  escalateOverdueDisclosures: 'disclosure.overdue-check',
  expireOffers: 'compensation-offer.expire',
  remindFollowUps: 'follow-up.remind',
  checkLateDeliverables: 'deliverable.late-check',
  releaseHeldNotifications: 'notification.release-held',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/**
 * Every tenant job carries its tenant and an idempotency key. Sweeps (scheduled, across tenants)
 * carry neither: they find their work through a narrow SECURITY DEFINER function, then enter each
 * tenant's transaction for the change itself.
 */
export interface JobPayloads {
  /** idempotencyKey: `emailJobKey(...)`, one per claim of the row, so a re-claim is never swallowed. */
  'email.send': { tenantId: string; notificationId: string; idempotencyKey: string };
  'work-log.stop-overdue-timers': Record<string, never>;
  'disclosure.overdue-check': Record<string, never>;
  'compensation-offer.expire': Record<string, never>;
  'follow-up.remind': Record<string, never>;
  'deliverable.late-check': Record<string, never>;
  'notification.release-held': Record<string, never>;
}

/** Which queue each job travels on. */
export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'email.send': 'email',
  'work-log.stop-overdue-timers': 'maintenance',
  'disclosure.overdue-check': 'maintenance',
  'compensation-offer.expire': 'maintenance',
  'follow-up.remind': 'maintenance',
  'deliverable.late-check': 'maintenance',
  'notification.release-held': 'maintenance',
};

/** Repeating sweeps: the scheduler id is the job name, so a restart upserts instead of adding another. */
export const SCHEDULES: { name: JobName; everyMs: number }[] = [
  { name: 'work-log.stop-overdue-timers', everyMs: 60_000 },
  { name: 'disclosure.overdue-check', everyMs: 60_000 },
  { name: 'compensation-offer.expire', everyMs: 5 * 60_000 },
  { name: 'follow-up.remind', everyMs: 5 * 60_000 },
  { name: 'deliverable.late-check', everyMs: 5 * 60_000 },
  // Digests at 08:00 local and bursts after a few quiet minutes: a minute is precise enough for both.
  { name: 'notification.release-held', everyMs: 60_000 },
];

/**
 * The job id of one delivery attempt of a notification: a resend by staff (`resends`) or a new
 * attempt after a temporary failure or a lost worker (`attempts`) gets a new id, while enqueueing the
 * same claim twice (a re-claim of a row whose job still waits) is one job. BullMQ forbids ':' in ids.
 */
export function emailJobKey(notificationId: string, resends: number, attempts: number): string {
  return `${notificationId}.r${resends}.a${attempts}`;
}

/** Default options per job: the job id is the idempotency key, so an enqueue twice is one job. */
export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobsOptions {
  switch (name) {
    case 'email.send':
      // The notification row is the record of a delivery. A finished job is removed at once: kept, it
      // would swallow a later enqueue under the same id (a re-claim after Redis lost the job, a resend).
      // Job attempts only cover a database that could not be reached; send failures are retried by
      // the row's own schedule (next_attempt_at).
      return {
        jobId: (payload as JobPayloads['email.send']).idempotencyKey,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: true,
      };
    case 'work-log.stop-overdue-timers':
    case 'disclosure.overdue-check':
    case 'compensation-offer.expire':
    case 'follow-up.remind':
    case 'deliverable.late-check':
    case 'notification.release-held':
      // Sweeps: the next tick retries anyway; keep little history.
      return { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } };
  }
  throw new Error(`no options for job ${String(name)}`);
}
