import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent during a measurement, per process group, in ms: the server under load (API or ceiling, or
 * pgbench), every PostgreSQL process, and this process (the load generator). Read from Linux's /proc; the
 * machine's cores are shared by all three, so where a request's CPU goes explains a rate.
 */
export interface CpuMs {
  server: number;
  postgres: number;
  loadGenerator: number;
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]; utime is field 14 of the whole line. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone
  }
}

export const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** utime + stime of a process (+ cutime + cstime: its reaped children's, with `children`). */
export function processCpuMs(pid: number | string, children = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  const own = Number(f[11]) + Number(f[12]);
  return ticksToMs(children ? own + Number(f[13]) + Number(f[14]) : own);
}

/** A server's CPU with its live children's: a server run as several processes (node:cluster) counts them all. */
function serverCpuMs(pid: number): number {
  let total = processCpuMs(pid, true);
  for (const child of readdirSync('/proc')) {
    if (/^\d+$/.test(child) && statFields(child)?.[1] === String(pid)) total += processCpuMs(child);
  }
  return total;
}

/** Every `postgres` process, the postmaster's reaped backends included (a backend that ended mid-measurement counts). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    if (readComm(pid) !== 'postgres') continue;
    const parent = statFields(pid)?.[1];
    const isPostmaster = parent !== undefined && readComm(parent) !== 'postgres';
    total += processCpuMs(pid, isPostmaster);
  }
  return total;
}

function readComm(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

export interface CpuMark {
  server: number;
  postgres: number;
  self: NodeJS.CpuUsage;
}

/** Where the CPU counters stand now; `serverPid` is the server's (none for pgbench, counted by the caller). */
export function cpuMark(serverPid?: number): CpuMark {
  return { server: serverPid ? serverCpuMs(serverPid) : 0, postgres: postgresCpuMs(), self: process.cpuUsage() };
}

/** CPU spent since `mark`. */
export function cpuSince(mark: CpuMark, serverPid?: number): CpuMs {
  const self = process.cpuUsage(mark.self);
  return {
    server: (serverPid ? serverCpuMs(serverPid) : 0) - mark.server,
    postgres: postgresCpuMs() - mark.postgres,
    loadGenerator: (self.user + self.system) / 1000,
  };
}

/** Summed over measurements, then per request. */
export function cpuPerRequest(spent: readonly CpuMs[], requests: number): CpuMs {
  const sum = (key: keyof CpuMs) => spent.reduce((total, s) => total + s[key], 0) / Math.max(requests, 1);
  return { server: sum('server'), postgres: sum('postgres'), loadGenerator: sum('loadGenerator') };
}
