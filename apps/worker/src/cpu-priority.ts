import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { Logger } from 'pino';

/** Where a process reads its own session and scheduling group (Linux); a test points it elsewhere. */
export interface ProcSelf {
  pid: number;
  /** `/proc/self`. */
  dir: string;
}

/** The session id in `/proc/<pid>/stat` (field 6; the command name before it may hold spaces). */
const sessionOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);

/**
 * Emails can wait a few hundred milliseconds; the API's requests should not. The worker lowers its CPU priority
 * to `nice` so that a burst of sends yields the CPU to the API on a shared host.
 *
 * A nice value only orders processes within one scheduling group. Where Linux groups processes by session
 * (`/proc/sys/kernel/sched_autogroup_enabled`), a worker started as a session of its own (a service, `setsid`) is
 * a group of its own and competes with the API's group at full weight whatever its nice value. So a worker that
 * leads its session lowers its group's priority too (`/proc/self/autogroup`); `npm start` starts it that way. One
 * that shares its parent's session leaves the group alone: the group holds the parent and whatever else it started,
 * perhaps the API. Returns what it changed.
 */
export function lowerPriority(nice: number, logger: Logger, self: ProcSelf = { pid: process.pid, dir: '/proc/self' }): string[] {
  const changed: string[] = [];
  try {
    setPriority(nice);
    changed.push('process');
  } catch (error) {
    // Raising priority (nice < 0) needs privileges; the worker runs anyway.
    logger.warn({ err: error, nice }, "could not set the worker's CPU priority");
  }
  const group = `${self.dir}/autogroup`;
  try {
    if (existsSync(group) && sessionOf(readFileSync(`${self.dir}/stat`, 'utf8')) === self.pid) {
      writeFileSync(group, String(nice));
      changed.push('group');
    }
  } catch (error) {
    logger.warn({ err: error, nice }, "could not set the CPU priority of the worker's scheduling group");
  }
  return changed;
}
