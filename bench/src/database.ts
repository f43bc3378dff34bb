import { Client } from 'pg';
import { ensureRuntimeLogin, runMigrations } from '@candor/db';
import type { BenchConfig } from './config';

export interface BenchDatabase {
  ownerUrl: string;
  runtimeUrl: string;
}

const RUNTIME_USER = 'candor_bench_app';

const withDatabase = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();

/** The run's database as its owner and as the runtime login (a database a run kept, or one being created). */
export function benchDatabaseUrls(config: BenchConfig): BenchDatabase {
  const ownerUrl = withDatabase(config.adminUrl, config.database);
  const runtimeUrl = Object.assign(new URL(ownerUrl), { username: RUNTIME_USER, password: RUNTIME_USER }).toString();
  return { ownerUrl, runtimeUrl };
}

/** A fresh database, migrated as the owner, with a runtime login that row-level security applies to. */
export async function createBenchDatabase(config: BenchConfig): Promise<BenchDatabase> {
  const admin = new Client({ connectionString: config.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${config.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${config.database}`);
  await admin.end();
  const db = benchDatabaseUrls(config);
  await runMigrations(db.ownerUrl);
  await ensureRuntimeLogin(db.ownerUrl, RUNTIME_USER, RUNTIME_USER);
  return db;
}

export async function dropBenchDatabase(config: BenchConfig): Promise<void> {
  const admin = new Client({ connectionString: config.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${config.database} WITH (FORCE)`);
  await admin.end();
}

export async function ownerClient(db: BenchDatabase): Promise<Client> {
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  return client;
}
