import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { send } from './load';
import type { Child } from './processes';
import type { BenchResults } from './report';
import { round } from './stats';

const wallClock = () => performance.timeOrigin + performance.now();

/** One month's CSV export of a big engagement: time to the last byte and the API's peak memory while it streams. */
export async function measureCsv(
  api: Child,
  apiUrl: string,
  month: { tenantId: string; engagementId: string; ownerId: string; start: string },
  token: string,
  rows: number,
  idleSeconds: number,
): Promise<NonNullable<BenchResults['csv']>> {
  if (global.gc) global.gc();
  await sleep(1000);
  const before = api.memory().rss;
  let polled = before;
  try {
    api.resetPeak();
  } catch {
    // clear_refs not writable: the polled maximum stands in
  }
  const poller = setInterval(() => {
    if (api.alive) polled = Math.max(polled, api.memory().rss);
  }, 50);
  const start = wallClock();
  let status = 0;
  let bytes = 0;
  let sha256: string | null = null;
  let error: string | null = null;
  try {
    const agent = new http.Agent({ keepAlive: false });
    const answer = await send(
      agent,
      apiUrl,
      { method: 'GET', path: `/api/v1/engagements/${month.engagementId}/timesheet/csv?period=month&start=${month.start}`, token },
      150_000,
    );
    status = answer.status;
    bytes = Buffer.byteLength(answer.body);
    sha256 = createHash('sha256').update(answer.body).digest('hex');
  } catch (e) {
    error = (e as Error).message;
  }
  clearInterval(poller);
  const seconds = (wallClock() - start) / 1000;
  const peak = api.alive ? Math.max(api.memory().peak, polled) : polled;
  const mb = (b: number) => round(b / 2 ** 20, 1);
  return {
    rows,
    status,
    error,
    bytes,
    sha256,
    idleSeconds,
    seconds: round(seconds, 1),
    rssBeforeMb: mb(before),
    peakRssMb: mb(peak),
    increaseMb: mb(peak - before),
    apiSurvived: api.alive,
  };
}
