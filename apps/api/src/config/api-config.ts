import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { isHostMap, isNetworkList, parseHostMap } from '@candor/domain-node';
import { PORTAL_BASE_DOMAIN_PATTERN } from '@candor/db';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

/** An on/off setting: `true`/`1` or `false`/`0`, `fallback` when unset. */
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');
/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const isAddressOrCidr = (entry: string) =>
  PROXY_RANGE_NAMES.includes(entry) || (entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry));

/** A comma-separated list of proxy addresses or CIDRs; empty trusts no proxy (X-Forwarded-For ignored). */
const trustProxy = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine(
    (entries) => entries.every(isAddressOrCidr),
    'must be a comma-separated list of IP addresses or CIDRs (e.g. 10.0.0.0/8, 127.0.0.1)',
  );

/** `1.1.1.1`, `127.0.0.1:5353`, `2606:4700::1111` or `[2606:4700::1111]:53`, as node:dns setServers takes them. */
const isDnsServer = (entry: string) => {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(entry);
  if (bracketed) return ipaddr.IPv6.isValid(bracketed[1] ?? '');
  if (ipaddr.isValid(entry)) return true;
  const withPort = /^([\d.]+):\d{1,5}$/.exec(entry);
  return withPort ? ipaddr.IPv4.isValidFourPartDecimal(withPort[1] ?? '') : false;
};

const redisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL');

/** Seconds as digits (an empty value is refused, not read as 0, which here means "never"), 600 when unset, at most a day. */
const idleSeconds = z
  .string()
  .regex(/^\d+$/, 'must be a whole number of seconds (0: never)')
  .default('600')
  .transform(Number)
  .refine((seconds) => seconds <= 86_400, 'must be at most 86400 (a day)');

export const apiConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    API_HOST: z.string().default('0.0.0.0'),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: postgresUrl,
    REDIS_URL: redisUrl,
    WEB_URL: z.url(),
    /** Agencies' addresses `<slug>.<PORTAL_BASE_DOMAIN>` (e.g. candor.test); unset: `/a/<slug>` under WEB_URL only. */
    PORTAL_BASE_DOMAIN: z.string().regex(PORTAL_BASE_DOMAIN_PATTERN, 'must be a lower-case domain name (e.g. candor.example)').optional(),
    /** DNS servers the custom-domain check asks for TXT records (`1.1.1.1,8.8.8.8` or `127.0.0.1:5353`); unset: the system's. */
    DNS_SERVERS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .refine((entries) => entries.every(isDnsServer), 'must be a comma-separated list of IP addresses, each with an optional :port'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    DATA_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
    // How often the sessions confirmed inside requests' transactions get their last_seen_at written (together).
    SESSION_TOUCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
    INVITATION_TTL_HOURS: z.coerce.number().int().positive().default(168),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
    LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
    TRUST_PROXY: trustProxy,
    RATE_LIMIT_REDIS_PREFIX: z.string().default('candor:rate-limit:'),
    AUTH_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
    AUTH_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    API_KEY_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The hot reads as named prepared statements (planned once per connection). false behind a pooler in transaction
    // mode that does not keep them (PgBouncer before 1.21, or without max_prepared_statements).
    DATABASE_PREPARED_STATEMENTS: flag('true'),
    // How long a pooled connection may sit idle before it is closed. A new PostgreSQL backend pays ~0.1 s of CPU
    // warming its caches (catalog, RLS policies, prepared statements), so closing them after pg's default 10 s made
    // the first seconds of every burst of traffic after a lull the slowest. 0: never closed for idleness.
    DATABASE_POOL_IDLE_SECONDS: idleSeconds,
    // The work-log page's and the timesheet's answers written from their OpenAPI schemas (fast-json-stringify); false: JSON.stringify, as the rest.
    RESPONSE_SCHEMAS: flag('true'),
    UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
    UPLOAD_MAX_FILE_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 1024 * 1024),
    UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: flag('false'),
    S3_PREFIX: z.string().default(''),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
    /** Behind a load balancer: how long /health answers 503 "draining" after SIGTERM, still serving, before the server stops accepting. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Test stacks only: argon2 memory in KiB (64 MiB takes about a second a hash on two busy cores). */
    PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).max(65536).optional(),
    // Addresses or CIDRs a webhook URL may resolve to although private (tests, self-hosting); the worker has the same setting.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: trustProxy.refine(
      (entries) => isNetworkList(entries.join(',')),
      'must be a comma-separated list of IP addresses or CIDRs',
    ),
    // Host names webhook URLs resolve from, "name=address,..." instead of DNS (tests, closed networks); the other app has the same setting.
    WEBHOOK_HOSTS: z.string().default('').refine(isHostMap, 'must be a comma-separated list of name=address').transform(parseHostMap),
    // After a rotation, how long the previous signing secret still signs beside the new one.
    WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(720).default(24),
  })
  .superRefine((config, context) => {
    if (config.PASSWORD_HASH_MEMORY_KIB !== undefined && config.NODE_ENV !== 'test') {
      context.addIssue({
        code: 'custom',
        path: ['PASSWORD_HASH_MEMORY_KIB'],
        message: 'only for NODE_ENV=test: passwords are hashed at full cost everywhere else',
      });
    }
  });

export type ApiConfig = z.infer<typeof apiConfigSchema>;

/** Parses the environment once at boot; a bad variable stops the process with its name. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
