import http from 'node:http';
import { send, type HttpCall } from './load';
import type { Child } from './processes';

export interface QueryCount {
  perRequest: number;
  roundTrips: number;
  /** Requests answered 4xx/5xx. */
  failures: number;
  /** The statements of the first request, whitespace folded. */
  texts: string[];
}

/**
 * Statements and round trips per request of one server, counted by the query counter preloaded into it
 * (`src/query-counter.ts`): `n` requests sent one after another, one in flight.
 */
export async function countQueries(child: Child, url: string, make: () => HttpCall, n = 10): Promise<QueryCount> {
  const agent = new http.Agent({ keepAlive: true });
  try {
    const before = await child.ask<{ count: number; trips: number }>({ type: 'queries', capture: true });
    let failures = 0;
    for (let i = 0; i < n; i++) if ((await send(agent, url, make())).status >= 400) failures += 1;
    const after = await child.ask<{ count: number; trips: number; texts: string[] | null }>({ type: 'queries', capture: false });
    const perRequest = (after.count - before.count) / n;
    return {
      perRequest,
      roundTrips: (after.trips - before.trips) / n,
      failures,
      texts: (after.texts ?? []).slice(0, Math.round(perRequest)).map((q) => q.replace(/\s+/g, ' ').trim()),
    };
  } finally {
    agent.destroy();
  }
}
