import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { CpuMs } from './cpu';
import { summarize } from './stats';

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

export interface RunResult {
  requests: number;
  seconds: number;
  rps: number;
  errors: number;
  /** First error statuses or messages seen, to explain a non-zero count. */
  errorSamples: string[];
  latencies: number[];
  /** Open loop: the p95 of each half second of the run, by when its requests were due (see windowP95sOf). */
  windowP95s?: number[];
  /** CPU spent during the run, ms (see cpu.ts), when measured. */
  cpu?: CpuMs;
}

const headersOf = (call: HttpCall) => ({
  authorization: `Bearer ${call.token}`,
  ...(call.body !== undefined && { 'content-type': 'application/json' }),
});

/** Closed loop (autocannon): `connections` clients, each sending its next request when the last answered. */
export async function closedLoop(baseUrl: string, next: () => HttpCall, seconds: number, connections: number): Promise<RunResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const call = next();
          return {
            ...request,
            method: call.method,
            path: call.path,
            headers: headersOf(call),
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
          };
        },
      },
    ],
  } as autocannon.Options);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode >= 400) {
      errors += 1;
      if (errorSamples.length < 5) errorSamples.push(`HTTP ${statusCode}`);
    }
  });
  instance.on('reqError', (error: Error) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(error.message);
  });
  const result = await instance;
  const requests = latencies.length;
  return { requests, seconds: result.duration, rps: requests / result.duration, errors: errors + result.timeouts, errorSamples, latencies };
}

export interface OneCall {
  status: number;
  body: string;
  /** When it was due, sent and answered, in wall-clock ms (comparable across processes). */
  dueAt: number;
  doneAt: number;
}

const wallClock = () => performance.timeOrigin + performance.now();

/** One HTTP request on a keep-alive agent, the body read whole. */
export function send(agent: http.Agent, baseUrl: string, call: HttpCall, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
  const url = new URL(call.path, baseUrl);
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((done, fail) => {
    const request = http.request(
      url,
      {
        method: call.method,
        agent,
        headers: { ...headersOf(call), ...(payload && { 'content-length': Buffer.byteLength(payload) }) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', fail);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', fail);
    request.end(payload);
  });
}

/**
 * Open loop at a fixed offered rate (wrk2-style): request i is due at start + i/rate whether or not
 * earlier ones have answered, and its latency runs from when it was due, so queueing is counted.
 * Stops offering after `seconds` or when `stop()` says so, then waits for what is in flight.
 */
export async function openLoop(
  baseUrl: string,
  next: () => HttpCall,
  rate: number,
  seconds: number,
  options: { stop?: () => boolean; onAnswer?: (call: HttpCall, answer: OneCall) => void; maxSockets?: number } = {},
): Promise<RunResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const latencies: number[] = [];
  // Each request's latency by the window it was due in; a failed one as Infinity, so a window does not lose it.
  const windows: number[][] = [];
  const inWindow = (dueAt: number, latency: number) => (windows[Math.floor((dueAt - start) / WINDOW_MS)] ??= []).push(latency);
  const errorSamples: string[] = [];
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const start = wallClock();
  const interval = 1000 / rate;
  let sent = 0;
  while (true) {
    const now = wallClock();
    if (now - start >= seconds * 1000 || options.stop?.()) break;
    while (start + sent * interval <= now) {
      const dueAt = start + sent * interval;
      sent += 1;
      const call = next();
      const task = send(agent, baseUrl, call)
        .then((answer) => {
          const doneAt = wallClock();
          latencies.push(doneAt - dueAt);
          inWindow(dueAt, doneAt - dueAt);
          if (answer.status >= 400) {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(`HTTP ${answer.status} ${answer.body.slice(0, 160)}`);
          }
          options.onAnswer?.(call, { ...answer, dueAt, doneAt });
        })
        .catch((error: Error) => {
          inWindow(dueAt, Infinity);
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(error.message);
        });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, start + sent * interval - wallClock()))));
  }
  const offeredFor = (wallClock() - start) / 1000;
  await Promise.all([...inFlight]);
  agent.destroy();
  const windowP95s = windowP95sOf(windows.slice(0, Math.floor((offeredFor * 1000) / WINDOW_MS)), (rate * WINDOW_MS) / 1000);
  return { requests: sent, seconds: offeredFor, rps: latencies.length / offeredFor, errors, errorSamples, latencies, windowP95s };
}

/** The open loop's windows: half a second, so that even a quick run's two rounds of 1 s give four. */
const WINDOW_MS = 500;

/**
 * The p95 of each whole window of a run, of the requests due in it (a window that was offered fewer than half its
 * `perWindow` requests, as a run's last one may be, is left out). A stall of the machine (this one is a shared VM:
 * pauses of 50-200 ms come and go whatever runs) lands in a window or two, where a p95 pooled over a few seconds
 * takes it whole.
 */
export function windowP95sOf(windows: readonly (readonly number[] | undefined)[], perWindow: number): number[] {
  return Array.from(windows, (w) => w ?? [])
    .filter((w) => w.length >= perWindow / 2)
    .map((w) => summarize(w).p95);
}
