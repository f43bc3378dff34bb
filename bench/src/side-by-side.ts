/**
 * Two or more builds of a server measured in alternation on a database a full run kept (`--keep-db`), in minutes
 * instead of a full run's fifteen: how each change in the closing notes was measured before a full run.
 *
 *   BENCH_DATABASE=candor_bench SIDES="apps/api/dist-before/main.js;apps/api/dist/main.js" node bench/dist/side-by-side.js
 *
 * SIDES: `;`-separated scripts, each optionally followed by `,NAME=value` environment of its own (e.g.
 * `apps/api/dist/main.js,DATABASE_PREPARED_STATEMENTS=false`); the ceiling (`bench/dist/ceiling/server.js`) is a
 * script like another. SCENARIO (list-work-logs), LIMIT (50), ROUNDS (3), SECONDS (3); LARGEST=1 draws the largest
 * tenant's clients only. Prints each side's closed-loop rate and the CPU its server and PostgreSQL spent per
 * request. `BENCH_NODE_FLAGS_SIDE0="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles the first side.
 *
 * A side's build is a copy of `apps/api/dist` made before the change (`cp -r apps/api/dist apps/api/dist-before`).
 * A copy still loads the libraries from `libs/<name>/dist` through the workspace links in node_modules, so a
 * change to a library is compared by an environment switch instead, or one side at a time.
 */
import { Client } from 'pg';
import { apiEnvironment, loadBenchConfig } from './config';
import { benchDatabaseUrls } from './database';
import { pickAssistants, pickClients, pickLargestTenantClients } from './actors';
import { cpuPerRequest, type CpuMs } from './cpu';
import { closedLoop } from './load';
import { closed } from './measure';
import { freePort, startChild, waitForHttp, type Child } from './processes';
import { requestMaker, type ScenarioName } from './scenarios';

const env = process.env;
/** Each side's warm-up before the rounds (its JIT, its pool's connections and their prepared statements). */
const WARMUP_SECONDS = 2;

/** `script,NAME=value,...` */
const sideOf = (spec: string) => {
  const [script, ...vars] = spec.split(',');
  return { script: script!, env: Object.fromEntries(vars.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) };
};

async function main(): Promise<void> {
  const config = loadBenchConfig([]);
  const db = benchDatabaseUrls(config);
  const sides = (env['SIDES'] ?? 'apps/api/dist/main.js;bench/dist/ceiling/server.js').split(';').filter(Boolean).map(sideOf);
  const scenario = (env['SCENARIO'] ?? 'list-work-logs') as ScenarioName;
  const limit = Number(env['LIMIT'] ?? 50);
  const rounds = Number(env['ROUNDS'] ?? 3);
  const seconds = Number(env['SECONDS'] ?? 3);

  const owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const children: Child[] = [];
  try {
    const clients = env['LARGEST']
      ? await pickLargestTenantClients(owner, config.jwtSecret, 100)
      : await pickClients(owner, config.jwtSecret, 300);
    const assistants = await pickAssistants(owner, config.jwtSecret, 60);
    const running: { name: string; url: string; pid: number }[] = [];
    for (const [i, side] of sides.entries()) {
      const port = await freePort();
      const child = startChild(`side${i}`, side.script, {
        ...apiEnvironment(config, db.runtimeUrl, port),
        // The ceiling listens on PORT.
        PORT: String(port),
        ...side.env,
      });
      children.push(child);
      await waitForHttp(child, `http://127.0.0.1:${port}/health`);
      running.push({ name: `${i}: ${side.script} ${JSON.stringify(side.env)}`, url: `http://127.0.0.1:${port}`, pid: child.proc.pid! });
    }
    const maker = () => requestMaker(scenario, clients, assistants, limit);
    for (const side of running) await closedLoop(side.url, maker(), WARMUP_SECONDS, config.connections);
    const totals = new Map<string, { requests: number; seconds: number; errors: number; cpu: CpuMs[] }>();
    for (let round = 0; round < rounds; round++) {
      for (const side of running) {
        const run = await closed(maker, seconds, config.connections)({ name: 'api', url: side.url, pid: side.pid });
        const total = totals.get(side.name) ?? { requests: 0, seconds: 0, errors: 0, cpu: [] };
        totals.set(side.name, {
          requests: total.requests + run.latencies.length,
          seconds: total.seconds + run.seconds,
          errors: total.errors + run.errors,
          cpu: [...total.cpu, run.cpu!],
        });
      }
    }
    console.log(`${scenario}, limit ${limit}, ${rounds} alternating rounds of ${seconds} s, ${config.database}:`);
    for (const [name, t] of totals) {
      const cpu = cpuPerRequest(t.cpu, t.requests);
      console.log(
        `${name}: ${(t.requests / t.seconds).toFixed(1)} req/s, CPU per request: server ${cpu.server.toFixed(3)} ms, ` +
          `PostgreSQL ${cpu.postgres.toFixed(3)} ms; errors ${t.errors}`,
      );
    }
  } finally {
    for (const child of children) await child.stop();
    await owner.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
