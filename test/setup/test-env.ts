import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the global setup started, handed to the test files through a file (they run in other processes). */
export interface TestEnv {
  ownerUrl: string;
  appUrl: string;
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

export function readTestEnv(): TestEnv {
  return JSON.parse(readFileSync(testEnvFile(), 'utf8')) as TestEnv;
}
