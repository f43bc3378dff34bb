import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@candor/db';
import { EmailRenderer } from '@candor/email-templates';
import { JOB_QUEUE, JOBS, QUEUES, SCHEDULES, jobOptions, type JobName, type JobPayloads, type QueueName } from '@candor/queue-contracts';
import type { WorkerConfig } from './config/worker-config';
import { Mailer } from './mail/mailer';
import { CheckLateDeliverablesProcessor } from './processors/check-late-deliverables.processor';
import { EscalateOverdueDisclosuresProcessor } from './processors/escalate-overdue-disclosures.processor';
import { ExpireOffersProcessor } from './processors/expire-offers.processor';
import { ReleaseHeldNotificationsProcessor } from './processors/release-held-notifications.processor';
import { RemindFollowUpsProcessor } from './processors/remind-follow-ups.processor';
import { SendEmailProcessor } from './processors/send-email.processor';
import { StopOverdueTimersProcessor } from './processors/stop-overdue-timers.processor';
import { OutboxRelay } from './relay/outbox-relay';

type Handlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<unknown> };

export interface RunningWorker {
  relay: OutboxRelay;
  emailProcessor: SendEmailProcessor;
  timerSweep: StopOverdueTimersProcessor;
  overdueDisclosureSweep: EscalateOverdueDisclosuresProcessor;
  offerSweep: ExpireOffersProcessor;
  followUpSweep: RemindFollowUpsProcessor;
  lateDeliverableSweep: CheckLateDeliverablesProcessor;
  heldNotificationSweep: ReleaseHeldNotificationsProcessor;
  close(): Promise<void>;
}

/** Starts the outbox relay, the queue consumers and the schedules; refuses to start if a job name has no handler. */
export async function startWorker(config: WorkerConfig, logger: Logger = pino({ level: config.LOG_LEVEL })): Promise<RunningWorker> {
  const dataSource = await new DataSource(dataSourceOptions(config.DATABASE_URL, { extra: { max: config.EMAIL_CONCURRENCY + 3 } })).initialize();
  const renderer = await EmailRenderer.create();
  const mailer = new Mailer(config.SMTP_URL, config.MAIL_FROM, config.EMAIL_CONCURRENCY);
  const emailProcessor = new SendEmailProcessor(dataSource, renderer, mailer, config.DATA_ENCRYPTION_KEY, logger, config.WEB_URL);
  const timerSweep = new StopOverdueTimersProcessor(dataSource, config.WEB_URL, config.DEFAULT_TIMER_LIMIT_HOURS, logger);
  const overdueDisclosureSweep = new EscalateOverdueDisclosuresProcessor(
    dataSource,
    config.WEB_URL,
    config.DEFAULT_DISCLOSURE_DEADLINE_HOURS,
    logger,
  );
  const offerSweep = new ExpireOffersProcessor(dataSource, config.WEB_URL, logger);
  const followUpSweep = new RemindFollowUpsProcessor(dataSource, config.WEB_URL, logger);
  const lateDeliverableSweep = new CheckLateDeliverablesProcessor(dataSource, config.WEB_URL, logger);
  const heldNotificationSweep = new ReleaseHeldNotificationsProcessor(dataSource, config.WEB_URL, logger);

  // The type checker proves this map complete; the loop below proves it at run time too.
  const handlers: Handlers = {
    'email.send': (payload) => emailProcessor.handle(payload),
    'work-log.stop-overdue-timers': () => timerSweep.handle(),
    'disclosure.overdue-check': () => overdueDisclosureSweep.handle(),
    'compensation-offer.expire': () => offerSweep.handle(),
    'follow-up.remind': () => followUpSweep.handle(),
    'deliverable.late-check': () => lateDeliverableSweep.handle(),
    'notification.release-held': () => heldNotificationSweep.handle(),
  };
  for (const name of Object.values(JOBS)) {
    if (typeof handlers[name] !== 'function') throw new Error(`job ${name} has no handler`);
  }

  // Producer connection fails fast while Redis is down, so the relay keeps rows pending instead of hanging.
  const producer = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  producer.on('error', () => undefined);
  const emailQueue = new Queue(QUEUES.email, { connection: producer, prefix: config.QUEUE_PREFIX });
  emailQueue.on('error', () => undefined);

  const consumerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const dispatch = async (job: Job) => {
    const handler = handlers[job.name as JobName] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    return handler(job.data);
  };
  const consume = (queue: QueueName, concurrency: number) => {
    const consumer = new Worker(queue, dispatch, { connection: consumerConnection, prefix: config.QUEUE_PREFIX, concurrency });
    consumer.on('error', (error) => logger.warn({ err: error, queue }, 'queue connection error'));
    return consumer;
  };
  const emailConsumer = consume(QUEUES.email, config.EMAIL_CONCURRENCY);
  emailConsumer.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      logger.error({ err: error, jobId: job.id }, 'email job failed for good');
      void emailProcessor.recordFailure(job.data, error, true);
    }
  });
  const maintenanceConsumer = consume(QUEUES.maintenance, 1);
  maintenanceConsumer.on('failed', (job, error) => logger.error({ err: error, job: job?.name }, 'maintenance job failed'));

  // Schedules live in Redis; upserting by name keeps one per sweep however many workers start. While
  // Redis is away this fails fast (the producer connection queues nothing) and is tried again later.
  const maintenanceQueue = new Queue(QUEUES.maintenance, { connection: producer, prefix: config.QUEUE_PREFIX });
  maintenanceQueue.on('error', () => undefined);
  let scheduleRetry: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = async (): Promise<void> => {
    try {
      for (const { name, everyMs } of SCHEDULES) {
        if (JOB_QUEUE[name] !== QUEUES.maintenance) throw new Error(`schedule ${name} is not a maintenance job`);
        await maintenanceQueue.upsertJobScheduler(name, { every: everyMs }, { name, data: {}, opts: jobOptions(name, {} as JobPayloads[typeof name]) });
      }
    } catch (error) {
      if (closed) return;
      logger.warn({ err: error }, 'could not register the schedules; retrying in 30 s');
      scheduleRetry = setTimeout(() => void schedule(), 30_000);
    }
  };
  void schedule();

  const relay = new OutboxRelay(dataSource, emailQueue, logger, config.RELAY_INTERVAL_MS);
  relay.start();
  logger.info('worker started');

  return {
    relay,
    emailProcessor,
    timerSweep,
    overdueDisclosureSweep,
    offerSweep,
    followUpSweep,
    lateDeliverableSweep,
    heldNotificationSweep,
    async close() {
      closed = true;
      if (scheduleRetry) clearTimeout(scheduleRetry);
      await relay.stop();
      await emailConsumer.close();
      await maintenanceConsumer.close();
      await maintenanceQueue.close();
      await emailQueue.close();
      producer.disconnect();
      consumerConnection.disconnect();
      mailer.close();
      await dataSource.destroy();
    },
  };
}
