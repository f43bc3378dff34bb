import pino from 'pino';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay';

/** The relay's decision logic with its two collaborators replaced; the real path runs in test/e2e and test/faults. */
describe('OutboxRelay.drain', () => {
  const claimed = [
    {
      tenant_id: '11111111-1111-4111-8111-111111111111',
      id: '22222222-2222-4222-8222-222222222222',
      resends: 1,
      attempts: 2,
      was_queued: false,
    },
  ];
  const silent = pino({ level: 'silent' });

  it('enqueues claimed rows with a job id naming the notification, its resends and its attempts', async () => {
    const query = jest.fn().mockResolvedValueOnce(claimed).mockResolvedValueOnce([]);
    const addBulk = jest.fn().mockResolvedValue([]);
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk } as unknown as Queue, silent, 10);
    expect(await relay.drain(1)).toBe(1);
    expect(addBulk.mock.calls[0][0][0]).toMatchObject({ name: 'email.send', opts: { jobId: `${claimed[0].id}.r1.a2` } });
  });

  it('releases the rows when the queue refuses them', async () => {
    const query = jest.fn().mockResolvedValueOnce(claimed).mockResolvedValueOnce(undefined);
    const addBulk = jest.fn().mockRejectedValue(new Error('Stream is not writeable'));
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk } as unknown as Queue, silent, 10);
    expect(await relay.drain(10)).toBe(0);
    expect(query.mock.calls[1][0]).toContain('outbox_release');
    expect(query.mock.calls[1][1]).toEqual([[claimed[0].tenant_id], [claimed[0].id]]);
  });

  it('after a reconnect claims queued rows at once, then goes back to the usual staleness', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk: jest.fn() } as unknown as Queue, silent, 10, 60_000);
    relay.reclaimQueued();
    await relay.drain();
    expect(query.mock.calls[0][1][1]).toBeLessThan(1000);
    await relay.drain();
    expect(query.mock.calls[1][1][1]).toBe(60_000);
  });

  it('re-claims a queued row only when its job will not run: kept if waiting, fresh id if held by a dead worker', async () => {
    const row = (n: number) => ({ ...claimed[0], id: `22222222-2222-4222-8222-00000000000${n}`, was_queued: true });
    const rows = [row(1), row(2), row(3)];
    const states: Record<string, string> = { [`${rows[0].id}.r1.a2`]: 'waiting', [`${rows[1].id}.r1.a2`]: 'active' };
    const getJobState = jest.fn((key: string) => Promise.resolve(states[key] ?? 'unknown'));
    const addBulk = jest.fn().mockResolvedValue([]);
    const query = jest.fn().mockResolvedValueOnce(rows).mockResolvedValueOnce([]);
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk, getJobState } as unknown as Queue, silent, 10);
    await relay.drain(10);
    const ids = (addBulk.mock.calls[0][0] as { opts: { jobId: string } }[]).map((job) => job.opts.jobId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(new RegExp(`^${rows[1].id}\\.r1\\.a2\\.t\\d+$`));
    expect(ids[1]).toBe(`${rows[2].id}.r1.a2`);
  });
});
