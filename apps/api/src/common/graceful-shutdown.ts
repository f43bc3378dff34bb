import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * SIGTERM (enableShutdownHooks) closes the app: Fastify stops accepting and waits for the requests in
 * flight, and only then are the database and Redis closed. Behind a load balancer, SHUTDOWN_DRAIN_MS first
 * keeps serving while /health answers 503, so the balancer takes the replica out before it stops accepting
 * (a connection refused mid-way would otherwise reach a client as a 503). Two gaps are closed here: a keep-alive
 * connection (a load balancer's) would hold the server open until it idles out, so answers given
 * while closing say `Connection: close`; and a request still running after the grace period is cut.
 */
@Injectable()
export class GracefulShutdown implements OnModuleInit, BeforeApplicationShutdown {
  private closing = false;

  /** True from SIGTERM on: /health answers 503 so load balancers send nothing new. */
  get draining(): boolean {
    return this.closing;
  }

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

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.config.SHUTDOWN_DRAIN_MS) await new Promise((resolve) => setTimeout(resolve, this.config.SHUTDOWN_DRAIN_MS));
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server | undefined;
    if (!server) return;
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), this.config.SHUTDOWN_GRACE_MS).unref();
  }
}
