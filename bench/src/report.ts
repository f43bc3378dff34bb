import type { Drain } from './burst';
import type { CpuMs } from './cpu';
import type { Measured } from './measure';
import type { PgbenchResult } from './pgbench';
import { SCENARIO_TITLES, READS, type ScenarioName } from './scenarios';
import { ratio, type LatencySummary } from './stats';

type Pair = Record<'api' | 'ceiling', Measured>;

export interface ScenarioResult {
  closed: Pair;
  open?: Pair & { rate: number };
  openAtSmallRate?: Pair & { rate: number };
  /** The largest tenant's clients at the small run's rate (flatness for the biggest customers). */
  largestAtSmallRate?: Pair & { rate: number };
  /**
   * list-work-logs with pages of the same fill at both sizes (`limit` rows), at the small run's rate: for the
   * weighted mix and the largest tenant's clients. `rows`: mean rows of a page of 50 and of a page of `limit`.
   */
  equalFill?: { limit: number; rows: { full: number; equal: number }; mix: Pair & { rate: number }; largest: Pair & { rate: number } };
  /** PostgreSQL's own rate for the same transactions (pgbench, same connections). */
  postgres?: { simple: PgbenchResult; extended?: PgbenchResult; prepared: PgbenchResult };
}

export interface BenchResults {
  meta: Record<string, unknown> & { mode: string; startedAt: string; postgres: string; seconds?: number };
  generation?: { baseSeconds: number; growSeconds?: number; exportSeconds?: number };
  stages: Record<string, { workLogs: number; scenarios: Record<string, ScenarioResult> }>;
  queries: Record<string, { api: number; apiRoundTrips?: number; ceiling: number; failures: number; apiStatements: string[] }>;
  nPlusOne?: Record<string, { limit10: number; limit100: number }>;
  explain: Record<string, string>;
  notifications?: {
    events: number;
    emails: number;
    emailsAtSink: number;
    errors: number;
    errorSamples: string[];
    discloseResponse: LatencySummary;
    toSink: LatencySummary;
  };
  email?: {
    emails: number;
    drained: boolean;
    /** Each alone on the machine. */
    worker: Drain;
    nodemailer: Drain;
    /** Each while the API takes list-work-logs at `rate`/s. */
    underLoad: { rate: number; worker: Drain; nodemailer: Drain };
  };
  /** API p95 at `rate`/s with the worker idle, while the worker drains the burst, and while the reference does. */
  burst?: { rate: number; idle: Measured; during: Measured; duringReference: Measured };
  csv?: {
    rows: number;
    status: number;
    error: string | null;
    bytes: number;
    /** Of the body: an export's bytes can be compared across runs and changes. */
    sha256: string | null;
    /** Seconds the API idled just before the export (`--csv-idle`). */
    idleSeconds: number;
    seconds: number;
    rssBeforeMb: number;
    peakRssMb: number;
    increaseMb: number;
    apiSurvived: boolean;
  };
  targets?: Target[];
}

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

/** Statements per write (BEGIN, SET LOCAL and COMMIT included), issue 20. */
const STATEMENT_LIMITS: Record<string, number> = { 'create-work-log': 6, 'post-comment': 6, disclose: 10 };

const fmt = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits));

/**
 * The p95 an open-loop target is judged on: the median of the run's per-window p95s (half seconds; a results file
 * written before they were kept has only the pooled one). The machine's own pauses land in a window or two, and a
 * 1M table that cost latency would show in every window.
 */
const steady = (m: Measured) => m.windowP95 ?? m.p95;
const pooled = (m: Measured) => (m.windowP95 === undefined ? '' : ` (pooled p95 ${fmt(m.p95)})`);
/** Both sides on the same p95: the windows' median when both have it, else the pooled one. */
const flatPair = (at: Measured, from: Measured): [number, number] =>
  at.windowP95 !== undefined && from.windowP95 !== undefined ? [at.windowP95, from.windowP95] : [at.p95, from.p95];
const flatRatio = (at: Measured, from: Measured) => ratio(...flatPair(at, from));
const flatness = (at: Measured, from: Measured, flat: number) =>
  `${flatPair(at, from)
    .map((p) => fmt(p))
    .join(' / ')} ms = ${fmt(flat, 2)}` +
  (at.windowP95 !== undefined && from.windowP95 !== undefined ? ` (pooled p95 ${fmt(at.p95)} / ${fmt(from.p95)} ms)` : '');

/** Each target of issue 7, judged against the figures of this run (reported, never asserted). */
export function evaluateTargets(r: BenchResults): Target[] {
  const out: Target[] = [];
  const large = r.stages['large'];
  const small = r.stages['small'];
  for (const name of READS) {
    const l = large?.scenarios[name];
    const s = small?.scenarios[name];
    if (!l || !s) continue;
    if (l.postgres) {
      const pg = ratio(l.closed.api.rps, l.postgres.simple.tps);
      out.push({
        target: `${name}: API >= 0.5 x PostgreSQL's own simple-protocol rate for the same transactions (large)`,
        measured: `${fmt(l.closed.api.rps)} req/s / ${fmt(l.postgres.simple.tps)} tx/s = ${fmt(pg, 2)}`,
        met: pg >= 0.5,
      });
    }
    if (l.open)
      out.push({
        target: `${name}: API p95 < 25 ms at ${l.open.rate}/s (half the API's own max, large)`,
        measured: `${fmt(steady(l.open.api))} ms${pooled(l.open.api)}`,
        met: steady(l.open.api) < 25,
      });
    if (l.equalFill && s.equalFill) {
      // Pages of 50 hold ~5 rows at the small size and 50 at the large one: flatness is judged on pages of
      // the same fill, and the page of 50 at the small run's rate stays in the open-loop table.
      const fill = `pages of ${l.equalFill.limit}, ${fmt(s.equalFill.rows.equal)} / ${fmt(l.equalFill.rows.equal)} rows`;
      for (const [who, pick] of [
        ['', (x: NonNullable<ScenarioResult['equalFill']>) => x.mix],
        ["the largest tenant's clients, ", (x: NonNullable<ScenarioResult['equalFill']>) => x.largest],
      ] as const) {
        const [at, from] = [pick(l.equalFill), pick(s.equalFill)];
        const flat = flatRatio(at.api, from.api);
        out.push({
          target: `${name}: ${who}API p95 at ${large.workLogs} <= 1.5 x at ${small.workLogs} work logs (${fill}; ${from.rate}/s)`,
          measured: flatness(at.api, from.api, flat),
          met: flat <= 1.5,
        });
      }
    } else if (l.openAtSmallRate && s.open) {
      const flat = flatRatio(l.openAtSmallRate.api, s.open.api);
      out.push({
        target: `${name}: API p95 at ${large.workLogs} <= 1.5 x p95 at ${small.workLogs} work logs (${s.open.rate}/s)`,
        measured: flatness(l.openAtSmallRate.api, s.open.api, flat),
        met: flat <= 1.5,
      });
    }
    if (l.largestAtSmallRate && s.largestAtSmallRate && !(l.equalFill && s.equalFill)) {
      const flat = flatRatio(l.largestAtSmallRate.api, s.largestAtSmallRate.api);
      out.push({
        target: `${name}: the largest tenant's clients, API p95 at ${large.workLogs} <= 1.5 x at ${small.workLogs} (${s.largestAtSmallRate.rate}/s)`,
        measured: flatness(l.largestAtSmallRate.api, s.largestAtSmallRate.api, flat),
        met: flat <= 1.5,
      });
    }
  }
  for (const [name, limit] of Object.entries(STATEMENT_LIMITS)) {
    const q = r.queries[name];
    if (q) out.push({ target: `${name}: at most ${limit} statements`, measured: String(q.api), met: q.api <= limit });
  }
  if (r.notifications) {
    const n = r.notifications;
    out.push({
      target: 'notifications: p95 from the disclose response to the email at the sink < 1 s',
      measured: `${fmt(n.toSink.p95, 0)} ms (${n.emailsAtSink}/${n.emails} emails, ${n.events} events)`,
      met: n.toSink.p95 < 1000 && n.emailsAtSink === n.emails,
    });
  }
  if (r.email) {
    const { worker, nodemailer, underLoad } = r.email;
    const alone = ratio(worker.perSecond, nodemailer.perSecond);
    const loaded = ratio(underLoad.worker.perSecond, underLoad.nodemailer.perSecond);
    out.push(
      {
        target: 'worker >= 0.8 x plain nodemailer emails/s, each alone',
        measured: `${fmt(worker.perSecond)} / ${fmt(nodemailer.perSecond)} = ${fmt(alone, 2)}`,
        met: alone >= 0.8 && r.email.drained,
      },
      {
        target: `worker >= 0.8 x plain nodemailer emails/s, each while the API takes ${underLoad.rate} reads/s`,
        measured: `${fmt(underLoad.worker.perSecond)} / ${fmt(underLoad.nodemailer.perSecond)} = ${fmt(loaded, 2)}`,
        met: loaded >= 0.8 && r.email.drained,
      },
    );
  }
  for (const [name, q] of Object.entries(r.nPlusOne ?? {})) {
    out.push({
      target: `${name}: queries per request at page size 100 = at 10 (no N+1)`,
      measured: `${q.limit100} vs ${q.limit10}`,
      met: q.limit100 === q.limit10,
    });
  }
  if (r.csv) {
    out.push({
      target: `CSV export of ${r.csv.rows} rows: API peak RSS increase <= 100 MB`,
      measured: `${fmt(r.csv.increaseMb)} MB (HTTP ${r.csv.status || r.csv.error}, ${fmt(r.csv.seconds)} s)`,
      met: r.csv.increaseMb <= 100 && r.csv.status === 200,
    });
  }
  if (r.burst) {
    const b = ratio(r.burst.during.p95, r.burst.idle.p95);
    out.push({
      target: `API p95 during a ${r.email?.emails ?? ''}-email burst <= 1.3 x idle (${r.burst.rate}/s)`,
      measured: `${fmt(r.burst.during.p95)} / ${fmt(r.burst.idle.p95)} ms = ${fmt(b, 2)}`,
      met: b <= 1.3,
    });
  }
  const errors: string[] = [];
  for (const [stage, s] of Object.entries(r.stages)) {
    for (const [name, x] of Object.entries(s.scenarios)) {
      for (const [kind, pair] of [
        ['closed', x.closed],
        ['open', x.open],
        ['open@small-rate', x.openAtSmallRate],
        ['largest@small-rate', x.largestAtSmallRate],
        ['equal-fill@small-rate', x.equalFill?.mix],
        ['equal-fill largest@small-rate', x.equalFill?.largest],
      ] as const) {
        if (!pair) continue;
        for (const side of ['api', 'ceiling'] as const)
          if (pair[side].errors)
            errors.push(`${stage} ${name} ${kind} ${side}: ${pair[side].errors} (${pair[side].errorSamples.join('; ')})`);
      }
    }
  }
  if (r.notifications?.errors) errors.push(`disclose: ${r.notifications.errors} (${r.notifications.errorSamples.join('; ')})`);
  if (r.burst?.idle.errors || r.burst?.during.errors || r.burst?.duringReference.errors)
    errors.push(
      `burst: ${r.burst.idle.errors} idle, ${r.burst.during.errors} during the worker's, ${r.burst.duringReference.errors} during the reference's`,
    );
  out.push({ target: 'zero errors in every scenario', measured: errors.length ? errors.join(' | ') : '0', met: errors.length === 0 });
  return out;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

const cpuCells = (cpu: CpuMs | undefined, parts: (keyof CpuMs)[]) => (cpu ? parts.map((k) => fmt(cpu[k], 2)).join(' / ') : 'n/a');

/** Where a closed-loop request's CPU went, per process group: the rate each side reached follows from it (two shared cores). */
function cpuTable(scenarios: BenchResults['stages'][string]['scenarios']): string[] {
  const lines = [
    'CPU per request in the closed loop, ms (Linux /proc; server / PostgreSQL / load generator; for pgbench: pgbench / PostgreSQL):',
    '',
    row(['scenario', 'API', 'ceiling', 'PostgreSQL alone (pgbench, simple)']),
    row(['---', '---:', '---:', '---:']),
  ];
  for (const [name, x] of Object.entries(scenarios)) {
    lines.push(
      row([
        SCENARIO_TITLES[name as ScenarioName],
        cpuCells(x.closed.api.cpu, ['server', 'postgres', 'loadGenerator']),
        cpuCells(x.closed.ceiling.cpu, ['server', 'postgres', 'loadGenerator']),
        x.postgres ? cpuCells(x.postgres.simple.cpu, ['server', 'postgres']) : '',
      ]),
    );
  }
  return lines;
}

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const m = r.meta;
  const parts = Array.isArray(m['only']) ? `, ${(m['only'] as string[]).join(' and ')} only${m['large'] ? ', on the large data' : ''}` : '';
  lines.push(`# Candor benchmark, ${m.startedAt} (${m.mode}${parts})`, '');
  lines.push(
    `Node ${m['node']}, PostgreSQL ${m.postgres}, ${m['cpus']} x ${m['cpuModel']}, ${m['memoryGb']} GB; ${m['rounds']} alternating rounds of ${m['roundSeconds']} s per side, ${m['connections']} connections closed loop; run took ${m.seconds ?? '?'} s.`,
    '',
  );
  for (const [stage, s] of Object.entries(r.stages)) {
    lines.push(`## ${s.workLogs.toLocaleString('en')} work logs (${stage})`, '');
    lines.push(
      row([
        'scenario',
        'API req/s',
        'ceiling req/s',
        'PostgreSQL tx/s simple / extended / prepared',
        'API/ceiling',
        'API/PostgreSQL simple',
        'API p50/p95/p99 ms',
        'ceiling p50/p95/p99 ms',
        'errors API/ceiling',
      ]),
    );
    lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const [name, x] of Object.entries(s.scenarios)) {
      const a = x.closed.api;
      const c = x.closed.ceiling;
      const pg = x.postgres;
      lines.push(
        row([
          SCENARIO_TITLES[name as ScenarioName],
          fmt(a.rps),
          fmt(c.rps),
          pg ? `${fmt(pg.simple.tps)} / ${fmt(pg.extended?.tps)} / ${fmt(pg.prepared.tps)}` : '',
          fmt(ratio(a.rps, c.rps), 2),
          pg ? fmt(ratio(a.rps, pg.simple.tps), 2) : '',
          `${fmt(a.p50)} / ${fmt(a.p95)} / ${fmt(a.p99)}`,
          `${fmt(c.p50)} / ${fmt(c.p95)} / ${fmt(c.p99)}`,
          `${a.errors} / ${c.errors}`,
        ]),
      );
    }
    lines.push('', 'Fixed offered rate (open loop; latency from when each request was due):', '');
    lines.push(
      row([
        'scenario',
        'rate /s',
        'API p50/p95/p99 ms',
        'API p95, median of 0.5-s windows',
        'ceiling p50/p95/p99 ms',
        'errors API/ceiling',
      ]),
    );
    lines.push(row(['---', '---:', '---:', '---:', '---:', '---:']));
    for (const [name, x] of Object.entries(s.scenarios)) {
      const title = SCENARIO_TITLES[name as ScenarioName];
      const fillTitle = `${title.replace(' (page of 50)', '')} (page of ${x.equalFill?.limit})`;
      for (const [o, label] of [
        [x.open, title],
        [x.openAtSmallRate, title],
        [x.largestAtSmallRate, `${title} (largest tenant's clients)`],
        [x.equalFill?.mix, fillTitle],
        [x.equalFill?.largest, `${fillTitle} (largest tenant's clients)`],
      ] as const) {
        if (!o) continue;
        lines.push(
          row([
            label,
            o.rate,
            `${fmt(o.api.p50)} / ${fmt(o.api.p95)} / ${fmt(o.api.p99)}`,
            fmt(o.api.windowP95),
            `${fmt(o.ceiling.p50)} / ${fmt(o.ceiling.p95)} / ${fmt(o.ceiling.p99)}`,
            `${o.api.errors} / ${o.ceiling.errors}`,
          ]),
        );
      }
    }
    for (const [name, x] of Object.entries(s.scenarios))
      if (x.equalFill)
        lines.push(
          '',
          `${name}: a client's page holds ${fmt(x.equalFill.rows.full)} rows on average with a limit of 50, ${fmt(x.equalFill.rows.equal)} with a limit of ${x.equalFill.limit} (the page measured alike at both sizes).`,
        );
    lines.push('', ...cpuTable(s.scenarios), '');
  }
  lines.push('## Queries per request', '');
  lines.push(row(['scenario', 'API statements', 'API round trips', 'ceiling']), row(['---', '---:', '---:', '---:']));
  for (const [name, q] of Object.entries(r.queries))
    lines.push(row([SCENARIO_TITLES[name as ScenarioName] ?? name, q.api, q.apiRoundTrips ?? '', fmt(q.ceiling, 0)]));
  for (const [name, q] of Object.entries(r.nPlusOne ?? {}))
    lines.push(row([`${name}, page size 10 / 100 (API)`, `${q.limit10} / ${q.limit100}`, '', '']));
  lines.push(
    '',
    `Counted by ${m['queryCounting']}; BEGIN, SET LOCAL and COMMIT included (BEGIN and the SET LOCALs one statement when sent ` +
      "together, the session's confirmation another). The API sends a transaction's opening and the session's confirmation in " +
      "front of its first statement, and a read-only route's COMMIT after each statement, in that statement's round trip.",
    '',
  );
  if (r.notifications) {
    const n = r.notifications;
    lines.push('## Notifications', '');
    lines.push(
      `${n.events} disclose events at 20/s, ${n.emailsAtSink}/${n.emails} emails at the sink. From the API's response to the event's last email accepted by the SMTP sink: p50 ${fmt(n.toSink.p50, 0)} ms, p95 ${fmt(n.toSink.p95, 0)} ms, p99 ${fmt(n.toSink.p99, 0)} ms, max ${fmt(n.toSink.max, 0)} ms. The disclose request itself: p50 ${fmt(n.discloseResponse.p50)} ms, p95 ${fmt(n.discloseResponse.p95)} ms.`,
      '',
    );
  }
  if (r.email) {
    const { emails, worker, nodemailer, underLoad } = r.email;
    const rate = (d: Drain) => `${fmt(d.perSecond)} emails/s (${fmt(d.seconds)} s)`;
    lines.push(
      `Bursts of ${emails} emails, the worker's timed from the outbox rows' commit to the last email at the sink${r.email.drained ? '' : ' (NOT drained)'}:`,
      '',
      '| | alone | while the API takes list-work-logs at ' + `${underLoad.rate}/s |`,
      '| --- | ---: | ---: |',
      `| worker | ${rate(worker)} | ${rate(underLoad.worker)} |`,
      `| plain nodemailer to the same sink | ${rate(nodemailer)} | ${rate(underLoad.nodemailer)} |`,
      '',
    );
  }
  if (r.burst) {
    const b = r.burst;
    lines.push(
      `API list-work-logs at ${b.rate}/s: p95 ${fmt(b.idle.p95)} ms with the worker idle, ${fmt(b.during.p95)} ms while it drains the burst, ${fmt(b.duringReference.p95)} ms while plain nodemailer does (${b.during.requests} / ${b.duringReference.requests} requests; errors ${b.idle.errors} / ${b.during.errors} / ${b.duringReference.errors}).`,
      '',
    );
  }
  if (r.csv) {
    const c = r.csv;
    lines.push(
      '## CSV export',
      '',
      `${c.rows.toLocaleString('en')} rows of one engagement's month: HTTP ${c.status || c.error}, ${(c.bytes / 2 ** 20).toFixed(1)} MB in ${fmt(c.seconds)} s (sha256 ${c.sha256?.slice(0, 16) ?? '-'}, after ${c.idleSeconds} s idle); API RSS ${fmt(c.rssBeforeMb)} MB before, peak ${fmt(c.peakRssMb)} MB, increase ${fmt(c.increaseMb)} MB${c.apiSurvived ? '' : ' (the API process died)'}.`,
      '',
    );
  }
  if (r.targets) {
    lines.push('## Targets', '', row(['target', 'measured', 'met']), row(['---', '---', '---']));
    for (const t of r.targets) lines.push(row([t.target, t.measured.replace(/\|/g, '/'), t.met ? 'yes' : '**no**']));
    lines.push('');
  }
  return lines.join('\n');
}
