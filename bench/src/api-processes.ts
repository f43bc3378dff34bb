/**
 * The API as `API_PROCESSES` processes (2 by default) sharing one port through node:cluster: what two replicas of
 * the API on one machine serve. A side for `side-by-side.ts`:
 *
 *   SIDES="apps/api/dist/main.js;bench/dist/api-processes.js" node bench/dist/side-by-side.js
 *
 * Each process runs its own pool, caches and session touches, as replicas do. SIGTERM stops them all.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';

if (cluster.isPrimary) {
  const count = Number(process.env['API_PROCESSES'] ?? 2);
  for (let i = 0; i < count; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  });
} else {
  require(resolve(__dirname, '..', '..', 'apps', 'api', 'dist', 'main.js'));
}
