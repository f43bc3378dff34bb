#!/usr/bin/env node
// `npm run test:cluster`: builds the api and the worker, then runs test/cluster: three API replicas behind haproxy,
// two workers and PgBouncer (transaction pooling), with replicas and a worker killed under load. Installs Debian's
// haproxy and pgbouncer when missing (as root). Needs what `npm test` needs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The cluster puts its own PgBouncer in front of PostgreSQL; the suite's setup connects directly.
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', TEST_PGBOUNCER: '0' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', '@candor/api', '@candor/worker', '--output-style=static'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['jest', '-c', 'jest.cluster.config.js', '--runInBand', ...process.argv.slice(2)], {
  cwd: join(root, 'test'),
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
