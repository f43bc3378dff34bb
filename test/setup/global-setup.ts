import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { ensureRuntimeLogin, runMigrations } from '../../libs/db/src'; // globalSetup does not apply moduleNameMapper
import { freePort } from '../support/ports';
import { startSuitePgbouncer } from './pgbouncer';
import { testEnvFile, workerDatabase, type TestEnv } from './test-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MailDev = require('maildev');

/**
 * Real services, migrated once: a fresh database on the machine's PostgreSQL (owner = the admin
 * user, runtime = a login role that RLS applies to), the machine's Redis, and an SMTP sink (MailDev)
 * whose REST API the tests read.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const database = `candor_e2e_${process.pid}`;
  // A database prepared outside the suite (a Citus cluster: scripts/citus/prepare.mjs), used as it is: one
  // database, so one jest worker (--runInBand); its owner's URL.
  const prepared = process.env['TEST_DATABASE_PREPARED_URL'];
  if (prepared && globalConfig.maxWorkers > 1) throw new Error('TEST_DATABASE_PREPARED_URL is one database: run jest with --runInBand');
  const ownerUrl = prepared ?? (await createSuiteDatabase(adminUrl, database));
  await runMigrations(ownerUrl);
  await ensureRuntimeLogin(ownerUrl, 'candor_e2e_app', 'candor_e2e_app');
  const directAppUrl = Object.assign(new URL(ownerUrl), { username: 'candor_e2e_app', password: 'candor_e2e_app' });
  const pooled = await startSuitePgbouncer(directAppUrl, ['candor_e2e_app:candor_e2e_app'], await freePort());
  const appUrl = (pooled ?? directAppUrl).toString();
  // Each further jest worker gets a copy of the migrated database (a template copy takes well under a second).
  const copier = new Client({ connectionString: adminUrl });
  await copier.connect();
  for (let worker = 2; worker <= globalConfig.maxWorkers; worker += 1) {
    await copier.query(`CREATE DATABASE ${workerDatabase(database, worker)} TEMPLATE ${database}`);
  }
  await copier.end();

  const smtpPort = await freePort();
  const mailWebPort = await freePort();
  const maildev = new MailDev({ smtp: smtpPort, web: mailWebPort, ip: '127.0.0.1', silent: true, disableWeb: false });
  await new Promise<void>((resolve, reject) => maildev.listen((error?: Error) => (error ? reject(error) : resolve())));
  (globalThis as Record<string, unknown>)['__maildev'] = maildev;

  const env: TestEnv = {
    ownerUrl,
    appUrl,
    pooled: pooled !== null,
    directAppUrl: directAppUrl.toString(),
    redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    queuePrefix: `candor-e2e-${process.pid}`,
    smtpPort,
    mailWebPort,
  };
  const file = testEnvFile();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(env, null, 2));
}

/** A fresh database for this run (its owner's URL); databases left by earlier runs go, those of runs still going stay. */
async function createSuiteDatabase(adminUrl: string, database: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const leftovers = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'candor_e2e_%'`);
  for (const { datname } of leftovers.rows.filter((row) => !isRunning(Number(/_(\d+)$/.exec(row.datname)?.[1])))) {
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
}

/** Whether a process with this id is alive (the suffix of an e2e database names its run). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
