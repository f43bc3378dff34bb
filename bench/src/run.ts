import { setTimeout as sleep } from 'node:timers/promises';
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { ownerTokens, pickAssistants, pickClients, pickLargestTenantClients, sessionTokens } from './actors';
import { captureTransactions, ensurePgbench, runPgbench } from './pgbench';
import { apiEnvironment, DATA_ENCRYPTION_KEY, loadBenchConfig, type BenchPart } from './config';
import { createBenchDatabase, dropBenchDatabase, ownerClient } from './database';
import { drainOnly, referenceBurst, workerBurst } from './burst';
import { REFERENCE_POOL } from './email-reference';
import { explainReads } from './explain';
import {
  generateBase,
  generateDisclosures,
  generateDraftsToDisclose,
  generateExportMonth,
  generateWorkLogs,
  settle,
  visibleWorkLogsPerClient,
} from './generate';
import { openLoop, type HttpCall } from './load';
import { alternate, closed, measuredOf, open, pageRows, type Side } from './measure';
import { Child, ROOT, freePort, lowerPriorityOf, startChild, waitForHttp } from './processes';
import { renderMarkdown, evaluateTargets, type BenchResults, type ScenarioResult } from './report';
import { measureCsv } from './measure-csv';
import { measureDisclose } from './measure-disclose';
import { countQueries } from './query-counts';
import { READS, WRITES, requestMaker, type ScenarioName } from './scenarios';
import { round } from './stats';

const WORKER_TUNING = ['EMAIL_CONCURRENCY', 'EMAIL_BATCH_WAIT_MS', 'SMTP_MAX_CONNECTIONS'];
const log = (...parts: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

async function main(): Promise<void> {
  const config = loadBenchConfig(process.argv.slice(2));
  const runs = (part: BenchPart) => !config.only || config.only.has(part);
  const throughput = runs('throughput');
  const began = Date.now();
  const results: BenchResults = {
    meta: {
      mode: config.mode,
      startedAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      postgres: '',
      sizes: {
        tenants: config.tenants,
        clientAccounts: config.clientAccounts,
        workLogsSmall: config.workLogsSmall,
        workLogsLarge: config.workLogsLarge,
        disclosures: config.disclosures,
      },
      // The parts run (all of them when null), and whether the work logs grew to the large size without the throughput part.
      only: config.only ? [...config.only] : null,
      large: config.large,
      roundSeconds: config.roundSeconds,
      rounds: config.rounds,
      connections: config.connections,
      queryCounting: 'in-process wrapper of pg Client#query (pg_stat_statements is not in shared_preload_libraries on this server)',
    },
    stages: {},
    queries: {},
    explain: {},
  };

  log(`mode ${config.mode}: database ${config.database}`);
  const db = await createBenchDatabase(config);
  const owner = await ownerClient(db);
  results.meta.postgres = (await owner.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  let t = Date.now();
  await generateBase(owner, config);
  await generateWorkLogs(owner, 1, config.workLogsSmall);
  await generateDisclosures(owner, config.disclosures);
  await settle(owner);
  results.generation = { baseSeconds: round((Date.now() - t) / 1000, 1) };
  log(`generated base + ${config.workLogsSmall} work logs + ${config.disclosures} disclosures in ${results.generation.baseSeconds}s`);

  const sinkPort = await freePort();
  const sink = startChild('smtp-sink', 'bench/dist/smtp-sink.js', { PORT: String(sinkPort) });
  // The sink stands for the mail provider, another machine in production: it takes only the CPU the API and the
  // worker leave (as the worker yields to the API), so a burst measures the worker, not the sink's SMTP parsing.
  lowerPriorityOf(sink, Number(process.env['BENCH_SINK_NICE'] ?? 10));
  await sink.ask({ type: 'count' });
  const apiPort = await freePort();
  const ceilingPort = await freePort();
  const api = startChild('api', 'apps/api/dist/main.js', apiEnvironment(config, db.runtimeUrl, apiPort), ['bench/dist/query-counter.js']);
  const ceiling = startChild(
    'ceiling',
    'bench/dist/ceiling/server.js',
    { DATABASE_URL: db.runtimeUrl, JWT_SECRET: config.jwtSecret, PORT: String(ceilingPort) },
    ['bench/dist/query-counter.js'],
  );
  const children: Child[] = [sink, api, ceiling];
  let worker: Child | null = null;
  try {
    const sides: Side[] = [
      { name: 'api', url: `http://127.0.0.1:${apiPort}`, pid: api.proc.pid },
      { name: 'ceiling', url: `http://127.0.0.1:${ceilingPort}`, pid: ceiling.proc.pid },
    ];
    await waitForHttp(api, `${sides[0]!.url}/health`);
    await waitForHttp(ceiling, `${sides[1]!.url}/health`);
    const clients = await pickClients(owner, config.jwtSecret, 300);
    const assistants = await pickAssistants(owner, config.jwtSecret, 60);
    log(`targets: ${clients.length} client admins, ${assistants.length} assistants`);

    const maker =
      (name: ScenarioName, limit = 50) =>
      () =>
        requestMaker(name, clients, assistants, limit);
    const largestClients = await pickLargestTenantClients(owner, config.jwtSecret, 100);
    const largestMaker =
      (name: ScenarioName, limit = 50) =>
      () =>
        requestMaker(name, largestClients, assistants, limit);
    // A small run's client sees ~5 work logs, a large run's a full page of 50: the page whose fill is the same at
    // both sizes, so that flatness measures what the tenant's size costs rather than what 10x the rows cost.
    const fillLimit = Math.max(1, Math.round(visibleWorkLogsPerClient(config.workLogsSmall, config.clientAccounts)));
    const pgbenchReady = ensurePgbench();
    /**
     * The same transactions the API sent for as many requests of the weighted mix as there are client admins in
     * the load (its pages, its cache footprint), under pgbench (simple, extended and prepared protocol).
     */
    const postgresRates = async (name: ScenarioName): Promise<ScenarioResult['postgres']> => {
      if (!pgbenchReady) return undefined;
      const transactions = await captureTransactions(api, sides[0]!.url, maker(name)(), clients.length);
      const seconds = config.roundSeconds * config.rounds;
      return {
        simple: await runPgbench(db.runtimeUrl, transactions, 'simple', seconds, config.connections),
        extended: await runPgbench(db.runtimeUrl, transactions, 'extended', seconds, config.connections),
        prepared: await runPgbench(db.runtimeUrl, transactions, 'prepared', seconds, config.connections),
      };
    };
    const readRates: Record<string, number> = {};
    const apiMax: Record<string, number> = {};

    /**
     * Each side at a fixed rate: one round unmeasured, then the measured ones. As the closed loop's warm-up does for
     * it, the first round takes what only a change of load costs: the generator's HTTP client compiled, the new
     * agent's connections opened, a pool grown to the open loop's concurrency. Measured without it (week totals at
     * 459/s on 1M rows, right after the closed loop), that first second held 1.1-1.9-s stalls in about one run in two.
     */
    const fixedRate = async (next: () => () => HttpCall, rate: number) => {
      await alternate(sides, 1, open(next, rate, config.warmupSeconds));
      return { rate, ...(await alternate(sides, config.rounds, open(next, rate, config.roundSeconds))) };
    };

    const stage = async (label: 'small' | 'large', workLogs: number) => {
      const out: NonNullable<BenchResults['stages'][string]> = { workLogs, scenarios: {} };
      results.stages[label] = out;
      for (const name of [...READS, ...WRITES]) {
        await alternate(sides, 1, closed(maker(name), config.warmupSeconds, config.connections));
        const throughput = await alternate(sides, config.rounds, closed(maker(name), config.roundSeconds, config.connections));
        const entry: (typeof out.scenarios)[string] = { closed: throughput };
        apiMax[name] = throughput.api.rps;
        if (READS.includes(name)) {
          // Latency at half the API's own closed-loop maximum; flatness at the small run's rate, for the
          // weighted mix and for the largest tenant's clients alike; PostgreSQL's own rate for the same transactions.
          const rate = Math.max(5, Math.round(throughput.api.rps / 2));
          if (label === 'small') readRates[name] = rate;
          const flatRate = readRates[name]!;
          entry.open = await fixedRate(maker(name), rate);
          if (label === 'large') entry.openAtSmallRate = await fixedRate(maker(name), flatRate);
          entry.largestAtSmallRate = await fixedRate(largestMaker(name), flatRate);
          if (name === 'list-work-logs') {
            const rows = (limit: number) => pageRows(sides[0]!.url, maker(name, limit)());
            entry.equalFill = {
              limit: fillLimit,
              rows: { full: await rows(50), equal: await rows(fillLimit) },
              mix: await fixedRate(maker(name, fillLimit), flatRate),
              largest: await fixedRate(largestMaker(name, fillLimit), flatRate),
            };
          }
          entry.postgres = await postgresRates(name);
        }
        out.scenarios[name] = entry;
        log(
          `${label} ${name}: api ${throughput.api.rps} rps p95 ${throughput.api.p95} ms, ceiling ${throughput.ceiling.rps} rps p95 ${throughput.ceiling.p95} ms` +
            (entry.open ? `; at ${entry.open.rate}/s api p95 ${entry.open.api.p95} ms, ceiling p95 ${entry.open.ceiling.p95} ms` : '') +
            (entry.postgres
              ? `; pgbench ${entry.postgres.simple.tps} tx/s simple, ${entry.postgres.extended?.tps} extended, ${entry.postgres.prepared.tps} prepared`
              : '') +
            `; errors ${throughput.api.errors}/${throughput.ceiling.errors}`,
        );
      }
    };

    if (throughput) await stage('small', config.workLogsSmall);

    // Queries per request, sequentially (one request in flight), from the wrapper in each process.
    const queriesOf = (child: Child, name: ScenarioName, limit: number) =>
      countQueries(child, child === api ? sides[0]!.url : sides[1]!.url, requestMaker(name, clients, assistants, limit));
    for (const name of throughput ? [...READS, ...WRITES] : []) {
      const a = await queriesOf(api, name, 50);
      const c = await queriesOf(ceiling, name, 50);
      results.queries[name] = {
        api: a.perRequest,
        apiRoundTrips: a.roundTrips,
        ceiling: c.perRequest,
        failures: a.failures + c.failures,
        apiStatements: a.texts,
      };
    }
    results.nPlusOne = {};
    for (const name of (throughput ? ['list-work-logs', 'list-disclosures'] : []) as ScenarioName[]) {
      results.nPlusOne[name] = {
        limit10: (await queriesOf(api, name, 10)).perRequest,
        limit100: (await queriesOf(api, name, 100)).perRequest,
      };
    }
    if (throughput)
      log(
        'queries per request',
        JSON.stringify(Object.fromEntries(Object.entries(results.queries).map(([k, v]) => [k, [v.api, v.ceiling]]))),
        JSON.stringify(results.nPlusOne),
      );

    if (throughput || config.large) {
      t = Date.now();
      await generateWorkLogs(owner, config.workLogsSmall + 1, config.workLogsLarge);
      await settle(owner);
      results.generation.growSeconds = round((Date.now() - t) / 1000, 1);
      log(`grew work logs to ${config.workLogsLarge} in ${results.generation.growSeconds}s`);
    }
    if (throughput) {
      await stage('large', config.workLogsLarge);
      results.explain = await explainReads(db.runtimeUrl, owner);
    }

    if (runs('notifications')) {
      // Notifications: every outbox row so far (comment emails of the write scenarios) counts as sent.
      await owner.query(`UPDATE notifications SET status = 'sent', sent_at = now() WHERE status IN ('pending', 'queued')`);
      const drafts = await generateDraftsToDisclose(owner, config.notifyEvents);
      // The worker's priority (its default, 10, unless WORKER_NICE says otherwise); the email reference runs at it too.
      const workerNice = Number(process.env['WORKER_NICE'] ?? 10);
      const owners = await ownerTokens(owner, config.jwtSecret);
      worker = startChild('worker', 'apps/worker/dist/main.js', {
        DATABASE_URL: db.runtimeUrl,
        REDIS_URL: config.redisUrl,
        SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
        WEB_URL: 'http://candor.bench',
        DATA_ENCRYPTION_KEY,
        QUEUE_PREFIX: `candor-bench-${process.pid}`,
        LOG_LEVEL: 'warn',
        WORKER_NICE: String(workerNice),
        // The worker's tuning, passed through when set (e.g. `WORKER_NICE=0 npm run bench -- ...`).
        ...Object.fromEntries(WORKER_TUNING.filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
      });
      children.push(worker);
      await sleep(3000);
      // Statements of one disclose (the write that touches the most: disclosure, its events, audit, outbox), counted as the scenarios are.
      const counted = drafts.shift()!;
      const [discloseStatements] = await captureTransactions(
        api,
        sides[0]!.url,
        () => ({ method: 'POST', path: `/api/v1/disclosures/${counted.id}/disclose`, token: owners.get(counted.tenantId)! }),
        1,
      );
      results.queries['disclose'] = {
        api: discloseStatements?.length ?? NaN,
        ceiling: NaN,
        failures: discloseStatements ? 0 : 1,
        apiStatements: [],
      };
      results.notifications = await measureDisclose(sides[0]!.url, drafts, owners, owner, sink, drafts.length);
      log('notifications', JSON.stringify(results.notifications));

      // The burst: API p95 at a fixed rate with the worker idle, then while it drains `burstEmails`.
      // Run alone (--only), the API's closed-loop maximum of list-work-logs is measured here first.
      apiMax['list-work-logs'] ??= (
        await alternate([sides[0]!], 1, closed(maker('list-work-logs'), config.roundSeconds, config.connections))
      ).api.rps;
      const burstRate = Math.max(5, Math.round(apiMax['list-work-logs'] / 2));
      // Unmeasured first, as every fixed rate (fixedRate).
      await openLoop(sides[0]!.url, requestMaker('list-work-logs', clients, assistants), burstRate, config.warmupSeconds);
      const idle = await openLoop(
        sides[0]!.url,
        requestMaker('list-work-logs', clients, assistants),
        burstRate,
        config.roundSeconds * config.rounds,
      );
      // Comment emails now wait in held_notifications for their burst; the disclosures just sent are outbox rows.
      const template = (await owner.query<{ id: string }>(`SELECT id FROM notifications WHERE template = 'disclosure_disclosed' LIMIT 1`))
        .rows[0];
      if (!template) throw new Error('no disclosure_disclosed notification to copy for the burst');
      // Worker and reference each drain the burst alone, then again while the API takes the same read traffic.
      const load = () => ({ url: sides[0]!.url, next: requestMaker('list-work-logs', clients, assistants), rate: burstRate });
      const workerAlone = await workerBurst(owner, sink, template.id, config.burstEmails, null);
      const workerLoaded = await workerBurst(owner, sink, template.id, config.burstEmails, load());
      await worker.stop();
      const referenceAlone = await referenceBurst(owner, sinkPort, template.id, config.burstEmails, null, workerNice);
      const referenceLoaded = await referenceBurst(owner, sinkPort, template.id, config.burstEmails, load(), workerNice);
      results.email = {
        emails: config.burstEmails,
        drained: workerAlone.drained && workerLoaded.drained,
        worker: drainOnly(workerAlone),
        nodemailer: drainOnly(referenceAlone),
        underLoad: { rate: burstRate, worker: drainOnly(workerLoaded), nodemailer: drainOnly(referenceLoaded) },
      };
      results.burst = {
        rate: burstRate,
        idle: measuredOf([idle]),
        during: measuredOf([workerLoaded.during!]),
        duringReference: measuredOf([referenceLoaded.during!]),
      };
      log(
        'email',
        JSON.stringify(results.email),
        'reference pool',
        JSON.stringify(REFERENCE_POOL),
        'burst p95',
        results.burst.idle.p95,
        results.burst.during.p95,
      );
    }

    // CSV export of one engagement's month of `csvRows` entries: the API process's peak RSS increase.
    if (runs('csv')) {
      t = Date.now();
      const exportMonth = await generateExportMonth(owner, config.csvRows);
      results.generation.exportSeconds = round((Date.now() - t) / 1000, 1);
      const [csvToken] = await sessionTokens(owner, config.jwtSecret, [
        { sub: exportMonth.ownerId, tid: exportMonth.tenantId, role: 'owner', cid: null },
      ]);
      if (config.csvIdleSeconds) {
        log('csv', `API idle ${config.csvIdleSeconds} s before the export`);
        await sleep(config.csvIdleSeconds * 1000);
      }
      results.csv = await measureCsv(api, sides[0]!.url, exportMonth, csvToken!, config.csvRows, config.csvIdleSeconds);
      log('csv', JSON.stringify(results.csv));
    }
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => undefined);
    await owner.end();
    if (!config.keepDatabase) await dropBenchDatabase(config).catch(() => undefined);
  }

  results.meta.seconds = Math.round((Date.now() - began) / 1000);
  results.targets = evaluateTargets(results);
  const stamp = results.meta.startedAt.replace(/[:.]/g, '-');
  const dir = resolve(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const suffix = config.mode === 'quick' ? '-quick' : '';
  writeFileSync(resolve(dir, `${stamp}${suffix}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(resolve(dir, `${stamp}${suffix}.md`), renderMarkdown(results));
  log(`done in ${results.meta.seconds}s: bench/results/${stamp}${suffix}.{json,md}`);
  console.log(renderMarkdown(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
