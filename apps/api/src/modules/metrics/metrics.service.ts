import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

interface OutboxStats {
  pending: string;
  retrying: string;
  oldest_pending_age_seconds: number;
}

/**
 * The API's Prometheus metrics, in a registry of its own (the worker serves its own from its
 * process): HTTP requests by route template, and the outbox read from the database at scrape time.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);
  private readonly requests = new Counter({
    name: 'candor_http_requests_total',
    help: 'HTTP requests answered by the API, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'candor_http_request_duration_seconds',
    help: 'Time the API took to answer, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectDataSource() dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'candor_api_' });
    let stats: Promise<OutboxStats | null> | null = null;
    // One query per scrape feeds the three gauges.
    const read = () =>
      (stats ??= dataSource
        .query<OutboxStats[]>('SELECT pending, retrying, oldest_pending_age_seconds FROM outbox_stats()')
        .then(([row]) => row ?? null)
        .catch((error: unknown) => {
          this.logger.warn(`could not read the outbox for /metrics: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        })
        .finally(() => setTimeout(() => (stats = null), 0)));
    const gauge = (name: string, help: string, pick: (row: OutboxStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const row = await read();
          if (row) this.set(pick(row));
        },
      });
    gauge('candor_outbox_pending_notifications', 'Notifications not yet sent nor failed (pending, queued, sending), all tenants', (r) =>
      Number(r.pending),
    );
    gauge('candor_outbox_retrying_notifications', 'Pending notifications that already failed at least once and wait for another try', (r) =>
      Number(r.retrying),
    );
    gauge(
      'candor_outbox_oldest_pending_age_seconds',
      'Age of the oldest notification not yet sent nor failed (0 when none)',
      (r) => r.oldest_pending_age_seconds,
    );
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => {
      const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) };
      this.requests.inc(labels);
      this.durations.observe(labels, reply.elapsedTime / 1000);
    });
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
