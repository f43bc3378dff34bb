#!/usr/bin/env node
// Prepares a Candor database on a running Citus cluster (a coordinator and its workers, Citus installed on each; see
// docker/scale-out.md). Outside CI: nothing of Citus is in this repository and no test runs this. It
//   1. creates the database on every node (Citus does not propagate CREATE DATABASE by default) and CREATE EXTENSION citus
//      in each, dropping it first with --fresh;
//   2. on the coordinator: citus_set_coordinator_host, citus_add_node for each worker, and
//      `ALTER DATABASE ... SET citus.propagate_set_commands = 'local'` (the tenant's SET LOCAL reaches the shards);
//   3. runs every migration on the coordinator (apps/api/dist/migrate.js: build @candor/api first), with the runtime
//      login role when APP_DB_USER / APP_DB_PASSWORD are set;
//   4. runs the statements of docker/scale-out.md's "The statements, in order" (steps 1-4) in one session, then prints the
//      step 5 checks.
//   node scripts/citus/prepare.mjs --coordinator postgres://postgres@127.0.0.1:5440/candor_citus \
//     --workers 127.0.0.1:5441,127.0.0.1:5442 [--fresh]
// Then point the e2e suite at it (owner URL; one jest worker):
//   TEST_DATABASE_PREPARED_URL=postgres://postgres@127.0.0.1:5440/candor_citus npx jest -c test/jest.config.js -i <files>
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Client } = createRequire(import.meta.url)('pg');

const { values } = parseArgs({
  options: { coordinator: { type: 'string' }, workers: { type: 'string' }, fresh: { type: 'boolean', default: false } },
});
if (!values.coordinator || !values.workers) {
  console.error('usage: prepare.mjs --coordinator postgres://owner@host:port/db --workers host:port[,host:port...] [--fresh]');
  process.exit(2);
}
const coordinator = new URL(values.coordinator);
const database = coordinator.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error('the database name must be a plain lowercase identifier');
const workers = values.workers.split(',').map((address) => {
  const [host, port] = address.split(':');
  return { host, port: Number(port || 5432) };
});
const nodes = [...workers, { host: coordinator.hostname, port: Number(coordinator.port || 5432) }];
const nodeUrl = (node, db) => Object.assign(new URL(coordinator), { hostname: node.host, port: String(node.port), pathname: `/${db}` });

async function session(url, work) {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The statements of a SQL block, one by one as psql sends them (Citus refuses several commands in one string on a worker). */
const statements = (block) =>
  block
    .split(/;\s*$/m)
    .map((q) => q.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);

/** The statements of scale-out.md between "The statements, in order" and "5. Check", less the query that prints them. */
function scaleOutStatements() {
  const doc = readFileSync(join(ROOT, 'docker', 'scale-out.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The statements, in order'), doc.indexOf('### 5. Check'));
  const blocks = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.filter((block) => !block.trimStart().startsWith('SELECT format(')).flatMap(statements);
}

function checkQueries() {
  const doc = readFileSync(join(ROOT, 'docker', 'scale-out.md'), 'utf8');
  return statements(/```sql\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### 5. Check')))[1]);
}

for (const node of nodes) {
  await session(nodeUrl(node, 'postgres'), async (c) => {
    if (values.fresh) await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await c.query(`CREATE DATABASE ${database}`);
  });
  await session(nodeUrl(node, database), (c) => c.query('CREATE EXTENSION IF NOT EXISTS citus'));
  console.log(`${node.host}:${node.port}: database ${database} with citus`);
}

await session(coordinator, async (c) => {
  await c.query('SELECT citus_set_coordinator_host($1, $2)', [coordinator.hostname, Number(coordinator.port || 5432)]);
  for (const w of workers) await c.query('SELECT citus_add_node($1, $2)', [w.host, w.port]);
  await c.query(`ALTER DATABASE ${database} SET citus.propagate_set_commands = 'local'`);
  const { rows } = await c.query('SELECT nodename, nodeport, noderole FROM pg_dist_node ORDER BY nodeport');
  console.log('nodes:', rows.map((r) => `${r.nodename}:${r.nodeport}`).join(', '));
});

const migrate = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/migrate.js')], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_MIGRATION_URL: coordinator.toString() },
});
if (migrate.status !== 0) throw new Error(`migrations failed (exit ${migrate.status}); is @candor/api built?`);

await session(coordinator, async (c) => {
  const { rowCount } = await c.query('SELECT 1 FROM pg_dist_partition WHERE logicalrelid = $1::regclass', ['client_accounts']);
  if (rowCount) {
    console.log('scale-out.md statements: already run (client_accounts is distributed)');
  } else {
    const all = scaleOutStatements();
    for (const statement of all) await c.query(statement);
    console.log(`scale-out.md statements: ${all.length} run`);
  }
  for (const query of checkQueries()) {
    const { rows } = await c.query({ text: query, rowMode: 'array' });
    console.log(query.split('\n')[0].slice(0, 90), '->', JSON.stringify(rows));
  }
});
