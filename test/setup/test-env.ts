import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the global setup started, handed to the test files through a file (they run in other processes). */
export interface TestEnv {
  ownerUrl: string;
  appUrl: string;
  /**
   * appUrl goes through the suite's PgBouncer (transaction mode, 1.18 on Debian 12), which keeps no named prepared
   * statement from one transaction to the next: the API runs with DATABASE_PREPARED_STATEMENTS=false then.
   */
  pooled: boolean;
  /** The runtime role straight to PostgreSQL, for a test that needs one session per connection. */
  directAppUrl: string;
  redisUrl: string;
  /** BullMQ key prefix of this run, so runs sharing a Redis never take each other's jobs. */
  queuePrefix: string;
  smtpPort: number;
  mailWebPort: number;
}

const ENV_FILE_VARIABLE = 'CANDOR_E2E_ENV_FILE';

/**
 * Where this run's environment is written: one file per jest run (named by the run's process id), so
 * two runs in one checkout never read each other's ports. The global setup names it in an environment
 * variable, which the test processes it spawns inherit.
 */
export function testEnvFile(): string {
  const file = process.env[ENV_FILE_VARIABLE] ?? join(__dirname, '..', '..', 'test-output', `e2e-env.${process.pid}.json`);
  process.env[ENV_FILE_VARIABLE] = file;
  return file;
}

/**
 * This run's environment as the calling test process sees it. Jest runs test files in parallel
 * workers: worker 1 uses the run's database, worker n a copy of it made by the global setup (see
 * `workerDatabase`), and each its own queue prefix, so a file that terminates its database's
 * connections or runs a sweep over every tenant never meets another worker's file.
 */
export function readTestEnv(): TestEnv {
  const env = JSON.parse(readFileSync(testEnvFile(), 'utf8')) as TestEnv;
  const worker = Number(process.env['JEST_WORKER_ID'] ?? '1');
  if (worker <= 1) return env;
  const moved = (url: string) =>
    Object.assign(new URL(url), { pathname: `/${workerDatabase(new URL(url).pathname.slice(1), worker)}` }).toString();
  return {
    ...env,
    ownerUrl: moved(env.ownerUrl),
    appUrl: moved(env.appUrl),
    directAppUrl: moved(env.directAppUrl),
    queuePrefix: `${env.queuePrefix}-w${worker}`,
  };
}

/** The database of jest worker `worker` (2, 3, ...): a copy of the run's, its name still ending in the run's process id. */
export function workerDatabase(database: string, worker: number): string {
  return database.replace(/^candor_e2e_/, `candor_e2e_w${worker}_`);
}
