import { Client } from 'pg';

/**
 * Makes sure a login role exists for the API and worker: a member of candor_runtime (created by the
 * migrations), never superuser, never BYPASSRLS. Run with the owner's connection, after migrating.
 */
export async function ensureRuntimeLogin(ownerUrl: string, user: string, password: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) throw new Error('the runtime role name must be a plain lowercase identifier');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const literal = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [password])).rows[0].q;
    await client.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal}`);
    await client.query(`GRANT candor_runtime TO ${user}`);
  } finally {
    await client.end();
  }
}
