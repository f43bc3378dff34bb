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

export const TEST_ENV_FILE = join(__dirname, '..', '..', 'test-output', 'e2e-env.json');

export function readTestEnv(): TestEnv {
  return JSON.parse(readFileSync(TEST_ENV_FILE, 'utf8')) as TestEnv;
}
