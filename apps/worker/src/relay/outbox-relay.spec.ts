import pino from 'pino';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay';

/** The relay's decision logic with its two collaborators replaced; the real path runs in test/e2e and test/faults. */
describe('OutboxRelay.drain', () => {
  const claimed = [{ tenant_id: '11111111-1111-4111-8111-111111111111', id: '22222222-2222-4222-8222-222222222222', resends: 1, attempts: 2 }];
  const silent = pino({ level: 'silent' });

  it('enqueues claimed rows with a job id naming the notification, its resends and its attempts', async () => {
    const query = jest.fn().mockResolvedValueOnce(claimed).mockResolvedValueOnce([]);
    const addBulk = jest.fn().mockResolvedValue([]);
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk } as unknown as Queue, silent, 10);
    expect(await relay.drain(1)).toBe(1);
    expect(addBulk.mock.calls[0][0][0]).toMatchObject({ name: 'email.send', opts: { jobId: `${claimed[0]!.id}.r1.a2` } });
  });

  it('releases the rows when the queue refuses them', async () => {
    const query = jest.fn().mockResolvedValueOnce(claimed).mockResolvedValueOnce(undefined);
    const addBulk = jest.fn().mockRejectedValue(new Error('Stream is not writeable'));
    const relay = new OutboxRelay({ query } as unknown as DataSource, { addBulk } as unknown as Queue, silent, 10);
    expect(await relay.drain(10)).toBe(0);
    expect(query.mock.calls[1][0]).toContain('outbox_release');
    expect(query.mock.calls[1][1]).toEqual([[claimed[0]!.tenant_id], [claimed[0]!.id]]);
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
});
