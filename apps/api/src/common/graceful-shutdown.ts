import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * SIGTERM (enableShutdownHooks) closes the app: Fastify stops accepting and waits for the requests in
 * flight, and only then are the database and Redis closed. Two gaps are closed here: a keep-alive
 * connection (a load balancer's) would hold the server open until it idles out, so answers given
 * while closing say `Connection: close`; and a request still running after the grace period is cut.
 */
@Injectable()
export class GracefulShutdown implements OnModuleInit, BeforeApplicationShutdown {
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (_request, reply) => {
      if (this.closing) reply.header('connection', 'close');
    });
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server | undefined;
    if (!server) return;
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), this.config.SHUTDOWN_GRACE_MS).unref();
  }
}
