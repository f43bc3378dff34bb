import type { EventEmitter } from 'node:events';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@candor/db';
import { hostMapResolver } from '@candor/domain-node';
import { EmailRenderer } from '@candor/email-templates';
import { ALL_JOBS, QUEUES, SCHEDULES, type JobName, type JobPayloads, type QueueName } from '@candor/queue-contracts';
import type { WorkerConfig } from './config/worker-config';
import { NotificationLedger } from './delivery/notification-ledger';
import { Mailer } from './mail/mailer';
import { WorkerMetrics } from './metrics/worker-metrics';
import { CheckLateDeliverablesProcessor } from './processors/check-late-deliverables.processor';
import { EscalateOverdueDisclosuresProcessor } from './processors/escalate-overdue-disclosures.processor';
import { ExpireOffersProcessor } from './processors/expire-offers.processor';
import { ReleaseHeldNotificationsProcessor } from './processors/release-held-notifications.processor';
import { RemindFollowUpsProcessor } from './processors/remind-follow-ups.processor';
import { RemindOverdueInvoicesProcessor } from './processors/remind-overdue-invoices.processor';
import { SendEmailProcessor } from './processors/send-email.processor';
import { StopOverdueTimersProcessor } from './processors/stop-overdue-timers.processor';
import { OutboxRelay, WebhookRelay } from './relay/outbox-relay';
import { DeliverWebhookProcessor } from './webhooks/deliver-webhook.processor';
import { WebhookLedger } from './webhooks/webhook-ledger';
import { WebhookSender } from './webhooks/webhook-sender';

/** Database and SMTP connections for email jobs at most, however many jobs run at once. */
const EMAIL_CONNECTIONS_MAX = 10;

type Handlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<unknown> };

export interface RunningWorker {
  relay: OutboxRelay;
  webhookRelay: WebhookRelay;
  emailProcessor: SendEmailProcessor;
  webhookProcessor: DeliverWebhookProcessor;
  timerSweep: StopOverdueTimersProcessor;
  overdueDisclosureSweep: EscalateOverdueDisclosuresProcessor;
  offerSweep: ExpireOffersProcessor;
  followUpSweep: RemindFollowUpsProcessor;
  lateDeliverableSweep: CheckLateDeliverablesProcessor;
  heldNotificationSweep: ReleaseHeldNotificationsProcessor;
  overdueInvoiceSweep: RemindOverdueInvoicesProcessor;
  metrics: WorkerMetrics;
  /** The worker's database connections: one pool for the relays, the email and webhook jobs and the sweeps. */
  dataSource: DataSource;
  /** The port GET /metrics listens on, or null when WORKER_METRICS_PORT is unset. */
  metricsPort: number | null;
  /** Stops claiming, lets in-flight jobs finish (up to SHUTDOWN_TIMEOUT_MS, then hands them back), closes everything. */
  close(): Promise<void>;
}

/** Starts the outbox relay, the queue consumers and the schedules; refuses to start if a job name has no handler. */
export async function startWorker(config: WorkerConfig, logger: Logger = pino({ level: config.LOG_LEVEL })): Promise<RunningWorker> {
  // A connection the server terminates can report the error after the pool let go of it; with no
  // listener left, Node would crash the process on the 'error' event. Every client keeps one.
  const onConnect = (client: EventEmitter) => {
    client.on('error', (error: Error) => logger.warn({ err: error }, 'database connection lost'));
  };
  // Email jobs wait on the database and the SMTP pool far more than they use them: a few connections of each
  // serve many jobs (claims and "sent" writes are shared per tenant, see NotificationLedger).
  const emailConnections = Math.min(config.EMAIL_CONCURRENCY, EMAIL_CONNECTIONS_MAX);
  const dataSource = await new DataSource(
    dataSourceOptions(config.DATABASE_URL, {
      applicationName: 'candor-worker',
      extra: {
        max: emailConnections + config.WEBHOOK_CONCURRENCY + 3,
        idleTimeoutMillis: config.DATABASE_POOL_IDLE_SECONDS * 1000,
        keepAlive: true,
        onConnect,
      },
    }),
  ).initialize();
  const renderer = await EmailRenderer.create();
  const mailer = new Mailer(config.SMTP_URL, config.MAIL_FROM, {
    connections: config.SMTP_MAX_CONNECTIONS ?? emailConnections,
    maxMessages: config.SMTP_MAX_MESSAGES,
    timeoutMs: config.SMTP_TIMEOUT_MS,
  });
  // The producer connection fails fast while Redis is down, so the relay keeps rows pending instead of hanging.
  const producer = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  producer.on('error', () => undefined);
  const emailQueue = new Queue(QUEUES.email, { connection: producer, prefix: config.QUEUE_PREFIX });
  emailQueue.on('error', () => undefined);
  const maintenanceQueue = new Queue(QUEUES.maintenance, { connection: producer, prefix: config.QUEUE_PREFIX });
  maintenanceQueue.on('error', () => undefined);
  const webhookQueue = new Queue(QUEUES.webhook, { connection: producer, prefix: config.QUEUE_PREFIX });
  webhookQueue.on('error', () => undefined);
  const queues: Record<QueueName, Queue> = { email: emailQueue, maintenance: maintenanceQueue, webhook: webhookQueue };
  const metrics = new WorkerMetrics(() =>
    withTimeout(
      Promise.all(
        [emailQueue, maintenanceQueue, webhookQueue].map(async (queue) => [queue.name, await queue.getJobCounts()] as const),
      ).then(Object.fromEntries),
      1000,
    ),
  );
  const ledger = new NotificationLedger(
    dataSource,
    logger,
    config.SEND_LEASE_MS,
    messageIdDomain(config.MAIL_FROM),
    config.EMAIL_BATCH_WAIT_MS,
  );
  const retryPolicy = { windowMs: config.RETRY_WINDOW_MS, baseDelayMs: config.RETRY_BASE_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS };
  const emailProcessor = new SendEmailProcessor(
    ledger,
    renderer,
    mailer,
    config.DATA_ENCRYPTION_KEY,
    retryPolicy,
    metrics,
    logger,
    config.WEB_URL,
  );
  const address = { webUrl: config.WEB_URL, baseDomain: config.PORTAL_BASE_DOMAIN };
  const webhookProcessor = new DeliverWebhookProcessor(
    new WebhookLedger(dataSource, logger, config.WEBHOOK_LEASE_MS),
    new WebhookSender(
      {
        httpsOnly: config.NODE_ENV === 'production',
        allowedNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
        resolve: hostMapResolver(config.WEBHOOK_HOSTS),
      },
      config.WEBHOOK_TIMEOUT_MS,
    ),
    config.DATA_ENCRYPTION_KEY,
    { scheduleMs: config.WEBHOOK_RETRY_SCHEDULE_MS, windowMs: config.WEBHOOK_RETRY_WINDOW_MS },
    { afterMs: config.WEBHOOK_DISABLE_AFTER_MS, settingsUrl: new URL('/settings/webhooks', config.WEB_URL).toString() },
    logger,
  );
  const timerSweep = new StopOverdueTimersProcessor(dataSource, address, logger);
  const overdueDisclosureSweep = new EscalateOverdueDisclosuresProcessor(dataSource, address, logger);
  const offerSweep = new ExpireOffersProcessor(dataSource, address, logger);
  const followUpSweep = new RemindFollowUpsProcessor(dataSource, address, logger);
  const lateDeliverableSweep = new CheckLateDeliverablesProcessor(dataSource, address, logger);
  const heldNotificationSweep = new ReleaseHeldNotificationsProcessor(dataSource, address, logger);
  const overdueInvoiceSweep = new RemindOverdueInvoicesProcessor(dataSource, address, logger);

  // The type checker proves this map complete; the loop below proves it at run time too.
  const handlers: Handlers = {
    'email.send': (payload) => emailProcessor.handle(payload),
    'webhook.deliver': (payload) => webhookProcessor.handle(payload),
    'work-log.stop-overdue-timers': () => timerSweep.handle(),
    'disclosure.overdue-check': () => overdueDisclosureSweep.handle(),
    'compensation-offer.expire': () => offerSweep.handle(),
    'follow-up.remind': () => followUpSweep.handle(),
    'deliverable.late-check': () => lateDeliverableSweep.handle(),
    'notification.release-held': () => heldNotificationSweep.handle(),
    'invoice.overdue-remind': () => overdueInvoiceSweep.handle(),
  };
  for (const { name } of ALL_JOBS) {
    if (typeof handlers[name] !== 'function') throw new Error(`job ${name} has no handler`);
  }

  const consumerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const dispatch = async (job: Job) => {
    const handler = handlers[job.name as JobName] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    const timer = metrics.jobDuration.startTimer({ queue: job.queueName, job: job.name });
    try {
      const result = await handler(job.data);
      timer({ outcome: typeof result === 'string' ? result : 'done' });
      return result;
    } catch (error) {
      timer({ outcome: 'error' });
      throw error;
    }
  };
  const consume = (queue: QueueName, concurrency: number) => {
    const consumer = new Worker(queue, dispatch, { connection: consumerConnection, prefix: config.QUEUE_PREFIX, concurrency });
    consumer.on('error', (error) => logger.warn({ err: error, queue }, 'queue connection error'));
    return consumer;
  };
  const emailConsumer = consume(QUEUES.email, config.EMAIL_CONCURRENCY);
  // The queue gave up on a job (attempts spent on an unreachable database, stalled too often,
  // unrecoverable): the row records why, once, and is due again. A row an attempt holds keeps its lease.
  emailConsumer.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError' || /stalled/i.test(error.message);
    if (!final) return;
    logger.error({ err: error, jobId: job.id }, 'email job failed; the notification is due again');
    const payload = job.data as JobPayloads['email.send'];
    void ledger
      .recordJobFailure({ tenantId: payload.tenantId, notificationId: payload.notificationId }, `job failed: ${error.message}`)
      .catch((dbError: unknown) => logger.error({ err: dbError }, 'could not record the job failure; the relay re-claims the row later'));
  });
  // A webhook job only fails when the database could not be reached: the relay re-claims the row
  // (queued too long, or its lease ran out), so nothing needs recording here.
  const webhookConsumer = consume(QUEUES.webhook, config.WEBHOOK_CONCURRENCY);
  webhookConsumer.on('failed', (job, error) =>
    logger.error({ err: error, jobId: job?.id }, 'webhook job failed; the relay claims the row again'),
  );
  const maintenanceConsumer = consume(QUEUES.maintenance, 1);
  maintenanceConsumer.on('failed', (job, error) => logger.error({ err: error, job: job?.name }, 'maintenance job failed'));

  // Schedules live in Redis; upserting by name keeps one per sweep however many workers start. They
  // are upserted whenever the producer connection becomes ready (a restarted Redis may be empty).
  // While Redis is away this fails fast (the producer connection queues nothing) and is tried again.
  let scheduleRetry: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = async (): Promise<void> => {
    if (scheduleRetry) clearTimeout(scheduleRetry);
    scheduleRetry = null;
    try {
      for (const job of SCHEDULES) {
        const queue = queues[job.queue];
        await queue.upsertJobScheduler(job.name, { every: job.everyMs }, { name: job.name, data: {}, opts: job.options({}) });
      }
    } catch (error) {
      if (closed) return;
      logger.warn({ err: error }, 'could not register the schedules; retrying in 30 s');
      scheduleRetry = setTimeout(() => void schedule(), 30_000);
    }
  };

  const relay = new OutboxRelay(dataSource, emailQueue, logger, config.RELAY_INTERVAL_MS, config.QUEUED_RECLAIM_MS);
  const webhookRelay = new WebhookRelay(dataSource, webhookQueue, logger, config.RELAY_INTERVAL_MS, config.QUEUED_RECLAIM_MS);
  // Registered before any await, so the first 'ready' is seen too: queued rows whose jobs a restarted
  // Redis lost go out again at once, not after QUEUED_RECLAIM_MS.
  producer.on('ready', () => {
    if (closed) return;
    logger.info('queue connection ready; re-registering schedules and re-enqueueing queued notifications');
    relay.reclaimQueued();
    webhookRelay.reclaimQueued();
    void schedule();
  });
  if (producer.status === 'ready') {
    relay.reclaimQueued();
    webhookRelay.reclaimQueued();
    void schedule();
  }
  relay.start();
  webhookRelay.start();
  const metricsServer =
    config.WORKER_METRICS_PORT === undefined ? null : await metrics.serve(config.WORKER_METRICS_PORT, config.WORKER_METRICS_HOST);
  logger.info({ metricsPort: metricsServer?.port ?? null }, 'worker started');

  return {
    relay,
    webhookRelay,
    emailProcessor,
    webhookProcessor,
    timerSweep,
    overdueDisclosureSweep,
    offerSweep,
    followUpSweep,
    lateDeliverableSweep,
    heldNotificationSweep,
    overdueInvoiceSweep,
    metrics,
    dataSource,
    metricsPort: metricsServer?.port ?? null,
    async close() {
      closed = true;
      if (scheduleRetry) clearTimeout(scheduleRetry);
      await Promise.all([relay.stop(), webhookRelay.stop()]);
      // A worker stopped while its queue connections still start: closing them mid-start makes BullMQ report the
      // start's failure after close has removed every listener, an unhandled 'error'. Up to 2 s for them to be ready.
      const consumers = [emailConsumer, webhookConsumer, maintenanceConsumer];
      await withTimeout(Promise.all(consumers.map((consumer) => consumer.waitUntilReady())), 2000).catch(() => undefined);
      // In-flight jobs finish; past the timeout they are handed back (their rows' leases run out and
      // the relay of a live worker re-claims them; BullMQ moves their jobs back as stalled).
      const finished = await withTimeout(Promise.all(consumers.map((consumer) => consumer.close())), config.SHUTDOWN_TIMEOUT_MS).then(
        () => true,
        () => false,
      );
      if (!finished) {
        logger.warn('in-flight jobs did not finish in time; handing them back');
        await Promise.all([emailConsumer.close(true), webhookConsumer.close(true), maintenanceConsumer.close(true)]);
      }
      await metricsServer?.close();
      await maintenanceQueue.close();
      await emailQueue.close();
      await webhookQueue.close();
      producer.disconnect();
      consumerConnection.disconnect();
      mailer.close();
      await dataSource.destroy();
    },
  };
}

/** The Message-ID's domain: the sender's, so receiving servers see a domain we own. */
function messageIdDomain(mailFrom: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'candor.notifications';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
