import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { prepareValue } from 'pg/lib/utils';
import type { HttpCall } from './load';
import { send } from './load';
import type { Child } from './processes';
import { cpuMark, cpuSince, ticksToMs, type CpuMs } from './cpu';
import { round } from './stats';

/**
 * One round trip as the API sent it through pg: the statement's text and bind values, and the statements that
 * rode in the same round trip in front of it (a tenant transaction's opening) and after it (a read's COMMIT).
 */
export interface Statement {
  text: string;
  values: unknown[] | null;
  opening?: readonly string[];
  closing?: readonly string[];
}

export interface PgbenchResult {
  /** Transactions per second (pgbench's figure without the initial connection time). */
  tps: number;
  transactions: number;
  failed: number;
  /** Distinct request transactions replayed (one script each, equally weighted). */
  scripts: number;
  /** CPU per transaction, ms: pgbench itself as `server`, PostgreSQL, and nothing of this process. */
  cpu: CpuMs;
}

const PGBENCH = '/usr/bin/pgbench';

/** pgbench ships in Debian's postgresql-15 package: installed when missing (as root), as the cluster scripts do for theirs. */
export function ensurePgbench(): boolean {
  if (existsSync(PGBENCH)) return true;
  if (process.getuid?.() !== 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql-15'], { stdio: 'ignore', env });
  return existsSync(PGBENCH);
}

/**
 * A statement runnable without bind parameters: each `$n` becomes its value as the quoted literal of the
 * text pg would have bound (pg's own `prepareValue`), so PostgreSQL resolves its type from the context
 * exactly as it does for an untyped parameter.
 */
export function inlineParameters({ text, values }: Statement): string {
  if (!values?.length) return text;
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = prepareValue(values[Number(n) - 1]) as string | Buffer | null;
    if (value === null) return 'NULL';
    if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'::bytea`;
    return pg.escapeLiteral(value);
  });
}

/**
 * The statements of `count` real requests, one request at a time, captured in the API process by the
 * preloaded query counter: each is one transaction to replay (the session check and the tenant
 * transaction, as sent).
 */
export async function captureTransactions(api: Child, url: string, next: () => HttpCall, count: number): Promise<Statement[][]> {
  const agent = new http.Agent({ keepAlive: true });
  const transactions: Statement[][] = [];
  try {
    for (let i = 0; i < count; i++) {
      await api.ask({ type: 'queries', capture: true });
      const answer = await send(agent, url, next());
      const { statements } = await api.ask<{ statements: Statement[] | null }>({ type: 'queries', capture: false });
      if (answer.status < 300 && statements?.length) transactions.push(statements);
    }
  } finally {
    agent.destroy();
  }
  return transactions;
}

/**
 * How pgbench sends: `simple`, one Query message of literal SQL; `extended`, unnamed Parse/Bind/Execute as a
 * driver sends a query with parameters (the API's way); `prepared`, named statements parsed once per connection.
 */
export type PgbenchMode = 'simple' | 'extended' | 'prepared';

/**
 * A pgbench script of one captured request, a round trip where the API made one. Simple protocol sends what the
 * API sent in one round trip as one multi-statement query (pgbench's `\;`); the extended protocol cannot
 * carry several statements in one message, so they go as one pipeline (`\startpipeline` ... `\endpipeline`, one
 * Sync), as the API's OpenedQuery sends them.
 */
export function pgbenchScript(statements: Statement[], mode: PgbenchMode): string {
  const lines: string[] = [];
  for (const statement of statements) {
    const query = inlineParameters(statement).replace(/\s+/g, ' ').trim().replace(/;$/, '');
    const parts = [...(statement.opening ?? []), query, ...(statement.closing ?? [])];
    if (mode === 'simple') lines.push(`${parts.join('; ').replace(/;\s*/g, '\\; ')};`);
    else {
      const split = parts.flatMap((sql) => sql.split(/;\s*/)).map((part) => `${part};`);
      lines.push(...(split.length > 1 ? ['\\startpipeline', ...split, '\\endpipeline'] : split));
    }
  }
  return lines.join('\n') + '\n';
}

/** A script running one of `scripts` at random each time, equally weighted (pgbench's `\set` and `\if`, a branch each). */
export function pgbenchMix(scripts: string[]): string {
  const lines = [`\\set pick random(1, ${scripts.length})`];
  scripts.forEach((script, i) => lines.push(i === 0 ? '\\if :pick = 1' : `\\elif :pick = ${i + 1}`, script.trimEnd()));
  lines.push('\\endif');
  return lines.join('\n') + '\n';
}

/**
 * The transactions as PostgreSQL runs them best, with named prepared statements planned once per connection: the
 * statements of transactions of one shape are shared pgbench commands whose literals are variables (`:vN`, bound
 * parameters under `-M prepared`). Each draw first reads its transaction's values with one statement, the same for
 * every draw (`\gset` from a VALUES list of all of them: prepared once too, an extra round trip the rate
 * includes). A `SET LOCAL name = '…'` of an opening, which takes no parameter, becomes
 * `SELECT set_config('name', :vN, true)`; a NULL value stays a literal NULL, part of the shape.
 */
export function pgbenchPreparedMix(transactions: Statement[][]): string {
  const shapes = new Map<string, number>();
  const draws: { shape: number; literals: string[] }[] = [];
  for (const statements of transactions) {
    const literals: string[] = [];
    const variable = (literal: string) => `:v${literals.push(literal)}`;
    const lines: string[] = [];
    for (const statement of statements) {
      const opening = (statement.opening ?? []).map((sql) => {
        const set = /^SET LOCAL ([\w.]+) = ('(?:[^']|'')*')$/.exec(sql);
        if (set) return `SELECT set_config('${set[1]}', ${variable(set[2]!)}, true)`;
        return sql.replace(/'(?:[^']|'')*'/g, (literal) => variable(literal));
      });
      const bound = new Map<string, string>();
      const query = statement.text
        .replace(/\$(\d+)/g, (_, n: string) => {
          const value = prepareValue(statement.values?.[Number(n) - 1]) as string | Buffer | null;
          if (value === null) return 'NULL';
          const literal = Buffer.isBuffer(value) ? `'\\x${value.toString('hex')}'` : pg.escapeLiteral(value);
          if (!bound.has(n)) bound.set(n, variable(literal));
          return bound.get(n)!;
        })
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/;$/, '');
      const parts = [...opening, query, ...(statement.closing ?? [])].map((sql) => `${sql};`);
      lines.push(...(parts.length > 1 ? ['\\startpipeline', ...parts, '\\endpipeline'] : parts));
    }
    const shape = lines.join('\n');
    if (!shapes.has(shape)) shapes.set(shape, shapes.size + 1);
    draws.push({ shape: shapes.get(shape)!, literals });
  }
  const width = Math.max(...draws.map((d) => d.literals.length));
  const names = Array.from({ length: width }, (_, i) => `v${i + 1}`);
  const rows = draws.map(({ shape, literals }, i) => `(${[i + 1, shape, ...names.map((_, k) => literals[k] ?? 'NULL')].join(', ')})`);
  const lookup = `SELECT v.* FROM (VALUES ${rows.join(', ')}) AS v(pick, shape, ${names.join(', ')}) WHERE v.pick = :pick \\gset`;
  const branches = [...shapes.keys()].flatMap((body, i) => [i === 0 ? '\\if :shape = 1' : `\\elif :shape = ${i + 1}`, body]);
  return [`\\set pick random(1, ${draws.length})`, lookup, ...branches, '\\endif'].join('\n') + '\n';
}

/** cutime + cstime of the shell's /proc stat line: the CPU of pgbench, its one reaped child. */
function reapedCpuMs(output: string): number {
  const stat = /shell-stat: (.*)/.exec(output)?.[1];
  if (!stat) return NaN;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ticksToMs(Number(fields[13]) + Number(fields[14]));
}

/** Runs the captured transactions under pgbench (`clients` connections, 2 threads) for `seconds`. */
export async function runPgbench(
  databaseUrl: string,
  transactions: Statement[][],
  mode: PgbenchMode,
  seconds: number,
  clients: number,
): Promise<PgbenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-pgbench-'));
  try {
    // One script that draws one of the transactions each time (pgbench takes at most 128 script files).
    const file = join(dir, 'transactions.sql');
    const script =
      mode === 'prepared'
        ? pgbenchPreparedMix(transactions)
        : pgbenchMix(transactions.map((statements) => pgbenchScript(statements, mode)));
    writeFileSync(file, script);
    const url = new URL(databaseUrl);
    const args = ['-n', '-M', mode, '-c', String(clients), '-j', '2', '-T', String(Math.max(1, Math.round(seconds)))];
    args.push('-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username));
    args.push('-f', file, url.pathname.slice(1));
    const mark = cpuMark();
    // Through a shell that prints its own /proc stat after pgbench ends: its reaped child's CPU (cutime, cstime).
    const shell = `${PGBENCH} "$@"; code=$?; echo; echo "shell-stat: $(cat /proc/$$/stat)"; exit $code`;
    const output = await new Promise<string>((done, fail) => {
      const child = spawn('sh', ['-c', shell, 'sh', ...args], { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done(text) : fail(new Error(`pgbench exited ${code}: ${text.slice(-2000)}`))));
    });
    const spent = cpuSince(mark);
    const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
    const processed = number(/number of transactions actually processed: (\d+)/);
    return {
      tps: round(number(/tps = ([\d.]+) \(without initial connection time\)/), 1),
      transactions: processed,
      failed: number(/number of failed transactions: (\d+)/) || 0,
      scripts: transactions.length,
      cpu: { server: reapedCpuMs(output) / processed, postgres: spent.postgres / processed, loadGenerator: 0 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
