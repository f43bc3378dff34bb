import { randomUUID } from 'node:crypto';
import { readTestEnv } from '../../setup/test-env';
import { AppProcess, apiProgram } from '../../support/app-process';
import { startInfra, type InfraProcess } from '../../support/infra-process';
import { freePort } from '../../support/ports';
import { SECRET } from '../../support/stack';
import { workerEnv } from '../../faults/support/outbox-fixture';

export interface Cluster {
  /** haproxy's address: what clients use. */
  url: string;
  apis: AppProcess[];
  workers: AppProcess[];
  stop(): Promise<void>;
}

/**
 * The product scaled out on this machine, as `npm run cluster` runs it: PgBouncer (transaction pooling) in front
 * of the run's database, `apis` API replicas and `workers` workers (the built apps, as child processes) on it and one
 * Redis, haproxy in front of the replicas. Emails go to the suite's SMTP sink.
 */
export async function startCluster(options: { apis: number; workers: number; env?: Record<string, string> }): Promise<Cluster> {
  const test = readTestEnv();
  const direct = new URL(test.appUrl);
  const infra: InfraProcess[] = [];
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const stop = async () => {
    await Promise.all([...apis, ...workers].map((app) => app.kill('SIGKILL')));
    for (const piece of infra.reverse()) await piece.stop();
  };
  try {
    const bouncerPort = await freePort();
    const pgbouncerArgs = [
      '--port',
      String(bouncerPort),
      '--users',
      `${direct.username}:${decodeURIComponent(direct.password)}`,
      '--upstream',
      `${direct.hostname}:${direct.port}`,
    ];
    infra.push(await startInfra('pgbouncer', [...pgbouncerArgs, '--pool', '30']));
    const databaseUrl = Object.assign(new URL(direct.toString()), { port: String(bouncerPort) }).toString();
    // PgBouncer 1.18 in transaction mode keeps no named prepared statement across transactions.
    const shared = {
      DATABASE_URL: databaseUrl,
      DATABASE_PREPARED_STATEMENTS: 'false',
      REDIS_URL: test.redisUrl,
      DATA_ENCRYPTION_KEY: SECRET,
      LOG_LEVEL: 'info',
    };
    const run = randomUUID().slice(0, 8);
    const ports: number[] = [];
    for (let i = 1; i <= options.apis; i++) {
      const port = await freePort();
      const env = {
        ...shared,
        NODE_ENV: 'test',
        PASSWORD_HASH_MEMORY_KIB: '4096',
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        WEB_URL: 'http://candor.test',
        JWT_SECRET: SECRET,
        TRUST_PROXY: '127.0.0.1',
        // haproxy checks every 300 ms and takes a replica out after one failed check.
        SHUTDOWN_DRAIN_MS: '1000',
        RATE_LIMIT_REDIS_PREFIX: `candor-cluster-${run}:rl:`,
        ...options.env,
      };
      apis.push(await AppProcess.start(`cluster-api-${i}`, env, 60_000, apiProgram(port)));
      ports.push(port);
    }
    const queuePrefix = `candor-cluster-${run}`;
    for (let i = 1; i <= options.workers; i++) {
      const env = workerEnv({
        ...shared,
        SMTP_URL: `smtp://127.0.0.1:${test.smtpPort}`,
        QUEUE_PREFIX: queuePrefix,
        EMAIL_CONCURRENCY: '5',
      });
      workers.push(await AppProcess.start(`cluster-worker-${i}`, env));
    }
    const port = await freePort();
    infra.push(await startInfra('haproxy', ['--port', String(port), '--backends', ports.map((p) => `127.0.0.1:${p}`).join(',')]));
    return { url: `http://127.0.0.1:${port}`, apis, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
