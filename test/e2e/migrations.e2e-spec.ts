import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions } from '@candor/db';
import { readTestEnv } from '../setup/test-env';

/** Every migration goes down cleanly and comes back up: a rollback in production is a tested path. */
describe('migrations', () => {
  const database = `candor_e2e_migrations_${process.pid}`;
  const adminUrl = new URL(readTestEnv().ownerUrl);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: Object.assign(new URL(adminUrl), { pathname: '/postgres' }).toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(() => admin(`CREATE DATABASE ${database}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

  it('runs up, all the way down, and up again', async () => {
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
      for (let i = 0; i < MIGRATIONS.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(count).toBe(0);
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
