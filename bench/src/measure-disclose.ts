import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { openLoop, type HttpCall } from './load';
import type { Child } from './processes';
import type { BenchResults } from './report';
import { summarize } from './stats';

/** Discloses each draft once at a steady 20/s; an event's latency runs from the API's response to its last email at the sink. */
export async function measureDisclose(
  apiUrl: string,
  drafts: { tenantId: string; id: string }[],
  owners: Map<string, string>,
  owner: Client,
  sink: Child,
  events: number,
): Promise<NonNullable<BenchResults['notifications']>> {
  const answeredAt = new Map<string, number>();
  let i = 0;
  const next = (): HttpCall => {
    const d = drafts[i++ % drafts.length]!;
    return { method: 'POST', path: `/api/v1/disclosures/${d.id}/disclose`, token: owners.get(d.tenantId)! };
  };
  const run = await openLoop(apiUrl, next, 20, events / 20, {
    onAnswer: (call, answer) => {
      if (answer.status < 300) answeredAt.set(call.path.split('/')[4]!, answer.doneAt);
    },
  });
  const { rows } = await owner.query<{ id: string; url: string }>(
    `SELECT id, payload->>'url' AS url FROM notifications WHERE template = 'disclosure_disclosed'`,
  );
  const byNotification = new Map(rows.map((r) => [r.id, r.url.split('/').pop()!]));
  let arrivals = new Map<string, number>();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const accepted = (await sink.ask<{ accepted: { id: string | null; at: number }[] }>({ type: 'log' }, 60_000)).accepted;
    arrivals = new Map(accepted.filter((m) => m.id && byNotification.has(m.id)).map((m) => [m.id!, m.at]));
    if (arrivals.size >= byNotification.size) break;
    await sleep(500);
  }
  const lastEmail = new Map<string, number>();
  for (const [notificationId, at] of arrivals) {
    const disclosureId = byNotification.get(notificationId)!;
    lastEmail.set(disclosureId, Math.max(lastEmail.get(disclosureId) ?? 0, at));
  }
  const latencies = [...answeredAt].filter(([id]) => lastEmail.has(id)).map(([id, at]) => lastEmail.get(id)! - at);
  return {
    events: answeredAt.size,
    emails: byNotification.size,
    emailsAtSink: arrivals.size,
    errors: run.errors,
    errorSamples: run.errorSamples,
    discloseResponse: summarize(run.latencies),
    toSink: summarize(latencies),
  };
}
