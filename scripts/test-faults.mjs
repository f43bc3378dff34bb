#!/usr/bin/env node
// `npm run test:faults`: builds the worker, then runs test/faults (the email pipeline under real
// faults: the worker killed and stopped, Redis restarted empty, SMTP deferring and rejecting,
// PostgreSQL connections terminated) and prints a table of the figures each fault produced.
// Needs what `npm test` needs, plus redis-server on the PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const figures = join(root, 'test-output', 'fault-figures.jsonl');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', CANDOR_FAULT_FIGURES: figures };

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', '@candor/worker', '--output-style=static'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

rmSync(figures, { force: true });
rmSync(join(root, 'test-output', 'processes'), { recursive: true, force: true });
const run = spawnSync('npx', ['jest', '-c', 'jest.faults.config.js', '--runInBand', ...process.argv.slice(2)], {
  cwd: join(root, 'test'),
  stdio: 'inherit',
  env,
});

if (existsSync(figures)) {
  const rows = readFileSync(figures, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const table = [
    '| fault | in flight | lost | doubled | seconds to drain | note |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.fault} | ${r.inFlight} | ${r.lost} | ${r.doubled} | ${r.secondsToDrain.toFixed(1)} | ${r.note ?? ''} |`),
  ];
  console.log(`\nFault figures (worker logs in test-output/processes/):\n${table.join('\n')}\n`);
}
process.exit(run.status ?? 1);
