import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the queue can tell about its jobs, counted per state. */
export type QueueCounts = () => Promise<Record<string, Record<string, number>>>;

/**
 * The worker's own Prometheus metrics, in a registry of its own (several workers can share a test
 * process). Queue depth is read from Redis at scrape time; a scrape while Redis is away leaves it out.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly emailsSent = new Counter({
    name: 'candor_emails_sent_total',
    help: 'Emails the SMTP server accepted',
    registers: [this.registry],
  });
  readonly emailsFailed = new Counter({
    name: 'candor_emails_failed_total',
    help: 'Notifications that failed for good, by kind (permanent: 5xx or unrenderable; temporary: retry window spent)',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly emailsRetrying = new Counter({
    name: 'candor_emails_retrying_total',
    help: 'Temporary send failures scheduled for another attempt',
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'candor_job_duration_seconds',
    help: 'Time a job took to process, by queue, job name and outcome',
    labelNames: ['queue', 'job', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor(counts: QueueCounts) {
    collectDefaultMetrics({ register: this.registry, prefix: 'candor_worker_' });
    new Gauge({
      name: 'candor_queue_depth',
      help: 'Jobs in each queue, by state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const byQueue = await counts().catch(() => ({}));
        this.reset();
        for (const [queue, states] of Object.entries(byQueue)) {
          for (const [state, value] of Object.entries(states)) this.set({ queue, state }, value);
        }
      },
    });
  }

  /** Serves GET /metrics; resolves with the port once listening. */
  serve(port: number, host: string): Promise<{ port: number; close(): Promise<void> }> {
    const server: Server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        resolve({
          port: typeof address === 'object' && address ? address.port : port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      });
    });
  }
}
