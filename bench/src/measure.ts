import { cpuMark, cpuPerRequest, cpuSince, type CpuMs } from './cpu';
import type { RunResult } from './load';
import http from 'node:http';
import { closedLoop, openLoop, send, type HttpCall } from './load';
import { median, round, summarize, type LatencySummary } from './stats';

export interface Measured extends LatencySummary {
  requests: number;
  rps: number;
  errors: number;
  errorSamples: string[];
  /** CPU per request, ms (closed-loop runs). */
  cpu?: CpuMs;
  /** Open-loop runs: the median of the p95s of their half-second windows (see windowP95sOf); the targets' p95. */
  windowP95?: number;
}

export interface Side {
  name: 'api' | 'ceiling';
  url: string;
  /** The server's process, whose CPU is counted. */
  pid?: number;
}

function merge(runs: RunResult[]): Measured {
  const requests = runs.reduce((a, r) => a + r.latencies.length, 0);
  const seconds = runs.reduce((a, r) => a + r.seconds, 0);
  return {
    ...summarize(runs.flatMap((r) => r.latencies)),
    requests,
    rps: round(requests / seconds, 1),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    errorSamples: [...new Set(runs.flatMap((r) => r.errorSamples))].slice(0, 5),
    ...(runs.some((r) => r.windowP95s?.length) && { windowP95: median(runs.flatMap((r) => r.windowP95s ?? [])) }),
    ...(runs.every((r) => r.cpu) && {
      cpu: cpuPerRequest(
        runs.map((r) => r.cpu!),
        requests,
      ),
    }),
  };
}

/**
 * API and ceiling measured in alternation (A, C, A, C ...), so a drift of the machine (autovacuum,
 * cache, a neighbour) lands on both; samples of a side's rounds are pooled.
 */
export async function alternate(
  sides: Side[],
  rounds: number,
  run: (side: Side) => Promise<RunResult>,
): Promise<Record<Side['name'], Measured>> {
  const runs: Record<string, RunResult[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const side of sides) (runs[side.name] ??= []).push(await run(side));
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, merge(v)])) as Record<Side['name'], Measured>;
}

/** A closed-loop run of one side, with the CPU its server, PostgreSQL and the load generator spent meanwhile. */
export const closed = (maker: () => () => HttpCall, seconds: number, connections: number) => async (side: Side) => {
  const mark = cpuMark(side.pid);
  const run = await closedLoop(side.url, maker(), seconds, connections);
  return { ...run, cpu: cpuSince(mark, side.pid) };
};

export const open = (maker: () => () => HttpCall, rate: number, seconds: number) => (side: Side) =>
  openLoop(side.url, maker(), rate, seconds);

export const measuredOf = (runs: RunResult[]) => merge(runs);

/** Rows per page, on average over `n` sequential requests of a list scenario (its `items`). */
export async function pageRows(baseUrl: string, next: () => HttpCall, n = 50): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  let rows = 0;
  try {
    for (let i = 0; i < n; i++) {
      const answer = await send(agent, baseUrl, next());
      if (answer.status !== 200) throw new Error(`page rows: HTTP ${answer.status} ${answer.body.slice(0, 160)}`);
      rows += (JSON.parse(answer.body) as { items: unknown[] }).items.length;
    }
  } finally {
    agent.destroy();
  }
  return round(rows / n, 1);
}
