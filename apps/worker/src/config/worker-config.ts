import { z } from 'zod';
import { WEBHOOK_DISABLE_AFTER_DAYS } from '@candor/domain';
import { isHostMap, isNetworkList, parseHostMap } from '@candor/domain-node';
import { PORTAL_BASE_DOMAIN_PATTERN } from '@candor/db';

const ms = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** A comma-separated list, trimmed, empty entries dropped. */
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );

/** Standard Webhooks' suggested waits after each failed attempt (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
const WEBHOOK_SCHEDULE = '5000,300000,1800000,7200000,18000000,36000000,36000000';

export const workerConfigSchema = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    // How long a pooled connection may sit idle before it is closed (0: never); the API has the same setting and says why.
    DATABASE_POOL_IDLE_SECONDS: z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds (0: never)')
      .default('600')
      .transform(Number)
      .refine((seconds) => seconds <= 86_400, 'must be at most 86400 (a day)'),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    WEB_URL: z.url().default('http://127.0.0.1:5173'),
    /** As the api's: email links use `<slug>.<PORTAL_BASE_DOMAIN>` when set (see libs/db portal-address). */
    PORTAL_BASE_DOMAIN: z.string().regex(PORTAL_BASE_DOMAIN_PATTERN, 'must be a lower-case domain name (e.g. candor.example)').optional(),
    MAIL_FROM: z.string().min(3).default('Candor <no-reply@candor.local>'),
    DATA_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]{1,50}$/, 'must be 1-50 of a-z 0-9 : _ -')
      .default('candor'),
    RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(200),
    // Email jobs in flight. Most of a job's time is spent waiting (on the database, on the SMTP pool),
    // so more jobs than connections keep every connection busy, as nodemailer's own pool does.
    EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(50),
    // How long an email's claim (and its "sent" write) waits for others of its tenant to share one
    // transaction: a burst then costs the database a few statements per batch instead of six per email.
    EMAIL_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1000).default(20),
    // The SMTP pool: connections kept open (unset: one per concurrent send, at most 10), messages each carries before it is renewed.
    SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).optional(),
    SMTP_MAX_MESSAGES: z.coerce.number().int().min(1).default(1000),
    // The worker's CPU priority (nice, -20..19): a burst of emails yields the CPU to the API's requests.
    WORKER_NICE: z.coerce.number().int().min(-20).max(19).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Temporary failures (SMTP 4xx, refused connections, timeouts) are retried with exponential backoff
    // for as long as a mail server would retry; permanent ones (5xx) fail at once.
    RETRY_WINDOW_MS: ms(24 * 3600_000, 1000),
    RETRY_BASE_DELAY_MS: ms(60_000, 10),
    RETRY_MAX_DELAY_MS: ms(3600_000, 10),
    // One SMTP conversation: every socket wait is bounded by SMTP_TIMEOUT_MS, and the claim's lease
    // outlasts the whole conversation, so a live sender is never overtaken by a re-claim.
    SMTP_TIMEOUT_MS: ms(60_000, 100),
    SEND_LEASE_MS: ms(5 * 60_000, 500),
    // A row queued this long is enqueued again (its job may be gone); a live job with the same id absorbs it.
    QUEUED_RECLAIM_MS: ms(60_000, 100),
    SHUTDOWN_TIMEOUT_MS: ms(30_000, 0),
    // Unset: no metrics endpoint (several workers on one host would fight over a fixed port).
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    WORKER_METRICS_HOST: z.string().min(1).default('0.0.0.0'),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // Webhooks: each request bounded by the timeout; retried on the schedule (the last wait repeats)
    // until the window after the first attempt is spent; an endpoint failing this long is turned off.
    WEBHOOK_TIMEOUT_MS: ms(10_000, 50),
    WEBHOOK_LEASE_MS: ms(60_000, 200),
    WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
    WEBHOOK_RETRY_SCHEDULE_MS: list(WEBHOOK_SCHEDULE)
      .refine(
        (entries) => entries.length > 0 && entries.every((e) => /^\d{1,10}$/.test(e)),
        'must be a comma-separated list of milliseconds',
      )
      .transform((entries) => entries.map(Number)),
    WEBHOOK_RETRY_WINDOW_MS: ms(3 * 86_400_000, 0),
    WEBHOOK_DISABLE_AFTER_MS: ms(WEBHOOK_DISABLE_AFTER_DAYS * 86_400_000, 0),
    // Addresses or CIDRs webhooks may reach although private (tests, self-hosting); empty: public addresses only.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: list('').refine(
      (entries) => isNetworkList(entries.join(',')),
      'must be a comma-separated list of IP addresses or CIDRs',
    ),
    // Host names webhook URLs resolve from, "name=address,..." instead of DNS (tests, closed networks); the other app has the same setting.
    WEBHOOK_HOSTS: z.string().default('').refine(isHostMap, 'must be a comma-separated list of name=address').transform(parseHostMap),
  })
  .refine((c) => c.SEND_LEASE_MS >= 3 * c.SMTP_TIMEOUT_MS, {
    path: ['SEND_LEASE_MS'],
    message: 'must be at least 3 x SMTP_TIMEOUT_MS, so a slow but live send keeps its claim',
  })
  .refine((c) => c.WEBHOOK_LEASE_MS >= 3 * c.WEBHOOK_TIMEOUT_MS, {
    path: ['WEBHOOK_LEASE_MS'],
    message: 'must be at least 3 x WEBHOOK_TIMEOUT_MS, so a slow but live delivery keeps its claim',
  })
  .refine((c) => c.RETRY_MAX_DELAY_MS >= c.RETRY_BASE_DELAY_MS, {
    path: ['RETRY_MAX_DELAY_MS'],
    message: 'must be >= RETRY_BASE_DELAY_MS',
  });

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Parses the environment once at boot; a bad variable stops the process with its name. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
