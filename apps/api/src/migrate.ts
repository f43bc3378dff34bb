import 'reflect-metadata';
import { ensureRuntimeLogin, runMigrations } from '@candor/db';

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
    await ensureRuntimeLogin(ownerUrl, user, password);
    console.log(`runtime role ${user}: ready`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
