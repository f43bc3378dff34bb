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
  let stopping = false;
  let crashed = false;
  cluster.on('exit', (worker, code) => {
    // A process lost mid-measurement would halve the side unseen: the side ends instead, and the run fails.
    if (!stopping) {
      crashed = true;
      console.error(`api process ${worker.process.pid} exited (${code}); stopping the others`);
      process.kill(process.pid, 'SIGTERM');
    }
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(crashed ? 1 : 0);
  });
  process.on('SIGTERM', () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  });
} else {
  require(resolve(__dirname, '..', '..', 'apps', 'api', 'dist', 'main.js'));
}
