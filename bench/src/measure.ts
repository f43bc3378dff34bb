import type { RunResult } from './load';
import { closedLoop, openLoop, type HttpCall } from './load';
import { round, summarize, type LatencySummary } from './stats';

export interface Measured extends LatencySummary {
  requests: number;
  rps: number;
  errors: number;
  errorSamples: string[];
}

export interface Side {
  name: 'api' | 'ceiling';
  url: string;
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

export const closed = (maker: () => () => HttpCall, seconds: number, connections: number) => (side: Side) =>
  closedLoop(side.url, maker(), seconds, connections);

export const open = (maker: () => () => HttpCall, rate: number, seconds: number) => (side: Side) =>
  openLoop(side.url, maker(), rate, seconds);

export const measuredOf = (runs: RunResult[]) => merge(runs);
