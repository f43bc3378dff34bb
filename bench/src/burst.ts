import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { renderNotification } from './email-reference';
import { openLoop, type HttpCall, type RunResult } from './load';
import { lowerPriorityOf, startChild, type Child } from './processes';
import { round } from './stats';

const wallClock = () => performance.timeOrigin + performance.now();

/** Emails per second over a drain, and how long it took. */
export interface Drain {
  seconds: number;
  perSecond: number;
  drained: boolean;
}

/** The API's read traffic kept up during a drain: `rate` requests a second until the drain ends. */
export interface Load {
  url: string;
  next: () => HttpCall;
  rate: number;
}

/** A drain's figures without the load's samples (for the results file). */
export const drainOnly = ({ seconds, perSecond, drained }: Drain): Drain => ({ seconds, perSecond, drained });

const drainOf = (emails: number, seconds: number, drained: boolean): Drain => ({
  seconds: round(seconds, 2),
  perSecond: round(emails / seconds, 1),
  drained,
});

/** Runs `work` alone, or with `load` offered until it is done; answers its result and the load's requests. */
async function alongside<T>(load: Load | null, work: (done: () => void) => Promise<T>): Promise<{ result: T; during: RunResult | null }> {
  let finished = false;
  const during = load ? openLoop(load.url, load.next, load.rate, 600, { stop: () => finished }) : Promise.resolve(null);
  const result = await work(() => (finished = true)).finally(() => (finished = true));
  return { result, during: await during };
}

/**
 * `emails` copies of the notification `templateId` written to the outbox in one statement, then the worker's
 * drain timed from that commit to the last of them accepted by the SMTP sink (with `load` on the API meanwhile).
 */
export async function workerBurst(
  owner: Client,
  sink: Child,
  templateId: string,
  emails: number,
  load: Load | null,
): Promise<Drain & { during: RunResult | null }> {
  const before = (await sink.ask<{ count: number }>({ type: 'count' })).count;
  const { result, during } = await alongside(load, async (done) => {
    const start = wallClock();
    await owner.query(
      `INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload)
       SELECT n.tenant_id, gen_random_uuid(), n.template, n.recipient_email, n.recipient_user_id, n.locale, n.payload
       FROM notifications n CROSS JOIN generate_series(1, $2::int) WHERE n.id = $1`,
      [templateId, emails],
    );
    const deadline = Date.now() + 300_000;
    let drained = false;
    while (!drained && Date.now() < deadline) {
      if ((await sink.ask<{ count: number }>({ type: 'count' })).count >= before + emails) drained = true;
      else await sleep(100);
    }
    done();
    const accepted = (await sink.ask<{ accepted: { at: number }[] }>({ type: 'log' }, 60_000)).accepted.slice(before);
    const last = accepted.reduce((latest, m) => Math.max(latest, m.at), start);
    return drainOf(emails, (last - start) / 1000, drained);
  });
  return { ...result, during };
}

/**
 * The same email sent `emails` times by nodemailer alone (the fast reference), with `load` on the API meanwhile.
 * It runs in a process of its own at the worker's priority (`nice`), so that under load the two get the same share
 * of the machine and neither slows the load generator.
 */
export async function referenceBurst(
  owner: Client,
  sinkPort: number,
  templateId: string,
  emails: number,
  load: Load | null,
  nice: number,
): Promise<Drain & { during: RunResult | null }> {
  const email = await renderNotification(owner, templateId);
  const sender = startChild('reference', 'bench/dist/reference-sender.js', {});
  try {
    try {
      lowerPriorityOf(sender, nice);
    } catch (error) {
      // As the worker: raising a priority needs privileges, and the reference runs anyway.
      console.warn(`could not set the reference's CPU priority to ${nice}: ${String(error)}`);
    }
    const { result, during } = await alongside(load, async () => {
      const reply = await sender.ask<{ seconds?: number; error?: string }>({ type: 'send', port: sinkPort, email, count: emails }, 300_000);
      if (reply.seconds === undefined) throw new Error(`the reference failed: ${reply.error}`);
      return reply.seconds;
    });
    return { ...drainOf(emails, result, true), during };
  } finally {
    await sender.stop();
  }
}
