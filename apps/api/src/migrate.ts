import 'reflect-metadata';
import { Client } from 'pg';
import { runMigrations } from '@candor/db';

/**
 * Runs migrations as the owner (DATABASE_MIGRATION_URL). With APP_DB_USER and APP_DB_PASSWORD set,
 * also makes sure that login role exists as a member of candor_runtime (local and compose set-ups).
 */
async function main() {
  const ownerUrl = process.env['DATABASE_MIGRATION_URL'];
  if (!ownerUrl) throw new Error('DATABASE_MIGRATION_URL is required to run migrations (the owner role)');
  const done = await runMigrations(ownerUrl);
  console.log(done.length ? `migrations applied: ${done.join(', ')}` : 'migrations: up to date');

  const user = process.env['APP_DB_USER'];
  const password = process.env['APP_DB_PASSWORD'];
  if (user && password) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) throw new Error('APP_DB_USER must be a plain lowercase role name');
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      const literal = (await client.query('SELECT quote_literal($1) AS q', [password])).rows[0].q as string;
      await client.query(`${verb} ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal}`);
      await client.query(`GRANT candor_runtime TO ${user}`);
      console.log(`runtime role ${user}: ready`);
    } finally {
      await client.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
