/** What a run does: the full benchmark, or a short smoke run (`--quick`). */
export interface BenchConfig {
  mode: 'full' | 'quick';
  database: string;
  adminUrl: string;
  redisUrl: string;
  tenants: number;
  clientAccounts: number;
  /** Work logs of the small and the large dataset (flatness compares the two). */
  workLogsSmall: number;
  workLogsLarge: number;
  disclosures: number;
  /** Disclose events timed to the SMTP sink. */
  notifyEvents: number;
  /** Emails in the burst the worker drains (and plain nodemailer sends). */
  burstEmails: number;
  /** Rows of the one-engagement month exported as CSV. */
  csvRows: number;
  /** Seconds per measured round; every comparison alternates API and ceiling over `rounds` rounds. */
  roundSeconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  jwtSecret: string;
  keepDatabase: boolean;
}

export function loadBenchConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = argv.includes('--quick');
  const adminUrl = env['BENCH_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const common = {
    database: env['BENCH_DATABASE'] ?? 'candor_bench',
    adminUrl,
    redisUrl: env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    tenants: 100,
    clientAccounts: 2000,
    connections: 16,
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
    keepDatabase: argv.includes('--keep-db'),
  };
  return quick
    ? {
        ...common,
        mode: 'quick',
        workLogsSmall: 1_000,
        workLogsLarge: 10_000,
        disclosures: 5_000,
        notifyEvents: 100,
        burstEmails: 1_000,
        csvRows: 10_000,
        roundSeconds: 1,
        rounds: 2,
        warmupSeconds: 0.5,
      }
    : {
        ...common,
        mode: 'full',
        workLogsSmall: 10_000,
        workLogsLarge: 1_000_000,
        disclosures: 50_000,
        notifyEvents: 1_000,
        burstEmails: 10_000,
        csvRows: 1_000_000,
        roundSeconds: 3,
        rounds: 2,
        warmupSeconds: 1,
      };
}
