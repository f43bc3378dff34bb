import type { JobsOptions } from 'bullmq';

/** Queue names: frozen once released, jobs already queued carry them. */
export const QUEUES = { email: 'email' } as const;

/** Job names: frozen once released. */
export const JOBS = { emailSend: 'email.send' } as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Every job carries its tenant and an idempotency key. */
export interface JobPayloads {
  'email.send': { tenantId: string; notificationId: string; idempotencyKey: string };
}

/** Default options per job: the job id is the idempotency key, so an enqueue twice is one job. */
export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobsOptions {
  switch (name) {
    case 'email.send':
      return {
        jobId: payload.idempotencyKey,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      };
  }
  throw new Error(`no options for job ${String(name)}`);
}
