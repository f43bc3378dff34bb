import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@candor/db';
import { EmailRenderer } from '@candor/email-templates';
import { JOBS, QUEUES, type JobName, type JobPayloads } from '@candor/queue-contracts';
import type { WorkerConfig } from './config/worker-config';
import { Mailer } from './mail/mailer';
import { SendEmailProcessor } from './processors/send-email.processor';
import { OutboxRelay } from './relay/outbox-relay';

type Handlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<unknown> };

export interface RunningWorker {
  relay: OutboxRelay;
  emailProcessor: SendEmailProcessor;
  close(): Promise<void>;
}

/** Starts the outbox relay and the queue consumers; refuses to start if a job name has no handler. */
export async function startWorker(config: WorkerConfig, logger: Logger = pino({ level: config.LOG_LEVEL })): Promise<RunningWorker> {
  const dataSource = await new DataSource(dataSourceOptions(config.DATABASE_URL, { extra: { max: config.EMAIL_CONCURRENCY + 2 } })).initialize();
  const renderer = await EmailRenderer.create();
  const mailer = new Mailer(config.SMTP_URL, config.MAIL_FROM);
  const emailProcessor = new SendEmailProcessor(dataSource, renderer, mailer, config.DATA_ENCRYPTION_KEY, logger);

  // The type checker proves this map complete; the loop below proves it at run time too.
  const handlers: Handlers = { 'email.send': (payload) => emailProcessor.handle(payload) };
  for (const name of Object.values(JOBS)) {
    if (typeof handlers[name] !== 'function') throw new Error(`job ${name} has no handler`);
  }

  // Producer connection fails fast while Redis is down, so the relay keeps rows pending instead of hanging.
  const producer = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  producer.on('error', () => undefined);
  const queue = new Queue(QUEUES.email, { connection: producer, prefix: config.QUEUE_PREFIX });
  queue.on('error', () => undefined);

  const consumerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const consumer = new Worker(
    QUEUES.email,
    async (job: Job) => {
      const handler = handlers[job.name as JobName];
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      return handler(job.data);
    },
    {
      connection: consumerConnection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.EMAIL_CONCURRENCY,
    },
  );
  consumer.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
  consumer.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      logger.error({ err: error, jobId: job.id }, 'email job failed for good');
      void emailProcessor.recordFailure(job.data, error, true);
    }
  });

  const relay = new OutboxRelay(dataSource, queue, logger, config.RELAY_INTERVAL_MS);
  relay.start();
  logger.info('worker started');

  return {
    relay,
    emailProcessor,
    async close() {
      await relay.stop();
      await consumer.close();
      await queue.close();
      producer.disconnect();
      consumerConnection.disconnect();
      mailer.close();
      await dataSource.destroy();
    },
  };
}
