#!/usr/bin/env node
// `npm test`: installs dependencies when missing, checks format and duplicates, then builds, lints and tests every project
// (unit tests beside the code, and the end-to-end suite in test/ against the real PostgreSQL,
// Redis and an SMTP sink it starts itself). Needs PostgreSQL on 127.0.0.1:5432 and Redis on
// 127.0.0.1:6379, or TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL pointing elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs) {
  console.log('Installing dependencies (npm install, pinned by package-lock.json)...');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

// Format (.prettierrc.json), repeated blocks (.jscpd.json: none of 11+ lines in apps/ and libs/) and
// file size (none over 400 lines) first: they take seconds. Lint (strict type-checked rules, import
// cycles) runs per project below.
run('npx', ['prettier', '--check', '.']);
run('npx', ['jscpd']);
run(process.execPath, ['scripts/check-file-size.mjs']);
run('npx', ['nx', 'run-many', '-t', 'build', 'lint', 'test', '--output-style=stream', '--parallel=2', '--skip-nx-cache']);
