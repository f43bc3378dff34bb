import { z } from 'zod';

export const workerConfigSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
  WEB_URL: z.url().default('http://127.0.0.1:5173'),
  MAIL_FROM: z.string().min(3).default('Candor <no-reply@candor.local>'),
  DATA_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters'),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]{1,50}$/, 'must be 1-50 of a-z 0-9 : _ -').default('candor'),
  RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(200),
  DEFAULT_TIMER_LIMIT_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  DEFAULT_DISCLOSURE_DEADLINE_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
