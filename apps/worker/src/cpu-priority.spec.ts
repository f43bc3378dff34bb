import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { lowerPriority } from './cpu-priority';

/** A stand-in for `/proc/self`: its stat line (pid 4242, session `session`) and its autogroup file. */
function procSelf(session: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'proc-self-'));
  // Field 2 is the command name in parentheses, spaces included; the session id is field 6.
  writeFileSync(join(dir, 'stat'), `4242 (node apps/worker) S 1 4242 ${session} 0 -1 4194560 0 0 0`);
  writeFileSync(join(dir, 'autogroup'), '/autogroup-7 nice 0\n');
  return dir;
}

describe('lowerPriority', () => {
  const logger = pino({ level: 'silent' });
  // The test process's own priority, so that setting it changes nothing here.
  const nice = getPriority();
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("lowers its scheduling group's priority when the worker leads its own session", () => {
    const dir = procSelf(4242);
    dirs.push(dir);
    expect(lowerPriority(nice, logger, { pid: 4242, dir })).toContain('group');
    expect(readFileSync(join(dir, 'autogroup'), 'utf8')).toBe(String(nice));
  });

  it("leaves the group alone when it shares its parent's session (the group may hold the API too)", () => {
    const dir = procSelf(4100);
    dirs.push(dir);
    expect(lowerPriority(nice, logger, { pid: 4242, dir })).not.toContain('group');
    expect(readFileSync(join(dir, 'autogroup'), 'utf8')).toBe('/autogroup-7 nice 0\n');
  });

  it('does without a group where the kernel has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proc-self-'));
    dirs.push(dir);
    expect(lowerPriority(nice, logger, { pid: 4242, dir })).not.toContain('group');
  });
});
