import { FaultSink } from './fault-sink';
import { addNotifications, recipients, seedTenant } from './outbox-fixture';
import type { AppProcess } from '../../support/app-process';

/** A fault file's SMTP sink and the worker process it runs (the test sets `worker`). */
export interface WorkerUnderFault {
  sink: FaultSink;
  worker: AppProcess | null;
}

/**
 * The set-up every fault file with one sink shares: the sink starts before the file's tests, and
 * the worker left running and the sink stop after them.
 */
export function workerUnderFault(sinkOptions: ConstructorParameters<typeof FaultSink>[0]): WorkerUnderFault {
  const fixture: WorkerUnderFault = { sink: new FaultSink(sinkOptions), worker: null };
  beforeAll(() => fixture.sink.start());
  afterAll(async () => {
    await fixture.worker?.kill();
    await fixture.sink.stop();
  });
  return fixture;
}

/** A tenant of its own with `total` notifications waiting in its outbox; returns the tenant's id. */
export async function seedOutbox(tag: string, total: number): Promise<string> {
  const tenantId = await seedTenant(tag);
  await addNotifications(tenantId, recipients(tag, total));
  return tenantId;
}
