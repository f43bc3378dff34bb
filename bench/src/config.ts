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
  /** Seconds the API idles just before the export (`--csv-idle`): mimics the full run, where it idles while other parts run. */
  csvIdleSeconds: number;
  /** Seconds per measured round; every comparison alternates API and ceiling over `rounds` rounds. */
  roundSeconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  jwtSecret: string;
  keepDatabase: boolean;
  /** The parts to run (`--only=notifications,csv`); all of them when unset. */
  only: ReadonlySet<BenchPart> | null;
  /**
   * `--large`: with `--only` and no throughput part, grow the work logs to the large size before the other parts
   * (otherwise only the throughput part grows them), e.g. a 1M-row burst in minutes instead of a full run.
   */
  large: boolean;
}

/** The parts of a run: API vs ceiling at both sizes (with query counts and plans), the worker's emails, the CSV export. */
export const BENCH_PARTS = ['throughput', 'notifications', 'csv'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice(name.length + 3) : argv[i + 1];
}

function onlyParts(value: string | undefined): ReadonlySet<BenchPart> | null {
  if (value === undefined) return null;
  const parts = value.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(BENCH_PARTS as readonly string[]).includes(p));
  if (unknown.length || !parts.length) throw new Error(`--only takes a comma-separated list of ${BENCH_PARTS.join(', ')}`);
  return new Set(parts as BenchPart[]);
}

function count(argv: readonly string[], name: string): number | undefined {
  const value = option(argv, name);
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`--${name} takes a positive whole number`);
  return Number(value);
}

/** `--only`, `--large`, `--burst-emails`, `--csv-rows` and `--csv-idle` over the mode's sizes (e.g. a full-sized burst on quick data). */
function overrides(argv: readonly string[]): Partial<BenchConfig> {
  const burstEmails = count(argv, 'burst-emails');
  const csvRows = count(argv, 'csv-rows');
  const csvIdleSeconds = count(argv, 'csv-idle');
  return {
    only: onlyParts(option(argv, 'only')),
    large: argv.includes('--large'),
    ...(burstEmails !== undefined && { burstEmails }),
    ...(csvRows !== undefined && { csvRows }),
    ...(csvIdleSeconds !== undefined && { csvIdleSeconds }),
  };
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
    csvIdleSeconds: 0,
  };
  const sizes: Omit<BenchConfig, 'only' | 'large'> = quick
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
  return { ...sizes, only: null, large: false, ...overrides(argv) };
}

/** The data encryption key of every process a run starts (API, worker). */
export const DATA_ENCRYPTION_KEY = 'bench-data-encryption-key-0123456789abcdef';

/** The API's environment in a run: production mode, the runtime login, quiet logs, listening on `port`. */
export const apiEnvironment = (config: BenchConfig, runtimeUrl: string, port: number): Record<string, string> => ({
  NODE_ENV: 'production',
  DATABASE_URL: runtimeUrl,
  REDIS_URL: config.redisUrl,
  WEB_URL: 'http://candor.bench',
  JWT_SECRET: config.jwtSecret,
  DATA_ENCRYPTION_KEY,
  API_HOST: '127.0.0.1',
  API_PORT: String(port),
  LOG_LEVEL: 'warn',
});
