import { Controller, Get, Inject, Res, VERSION_NEUTRAL, type OnApplicationShutdown } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access.decorators';
import { GracefulShutdown } from '../../common/graceful-shutdown';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { HealthRepository } from './health.repository';

type Check = 'up' | 'down';

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly database: HealthRepository,
    private readonly shutdown: GracefulShutdown,
  ) {
    // A dedicated, fail-fast connection: health must answer quickly while Redis is away.
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.redis.on('error', () => undefined);
  }

  @Get()
  @ApiOperation({ summary: 'Reports whether PostgreSQL and Redis answer' })
  @ApiOkResponse({ description: 'both up' })
  @ApiServiceUnavailableResponse({ description: 'one is down, or this replica is draining after SIGTERM' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    if (this.shutdown.draining) {
      reply.status(503);
      return { status: 'draining' };
    }
    const [database, redis] = await Promise.all([
      this.probe(() => this.database.ping(this.dataSource.manager)),
      this.probe(() => this.pingRedis()),
    ]);
    const status = database === 'up' && redis === 'up' ? 'ok' : 'degraded';
    reply.status(status === 'ok' ? 200 : 503);
    return { status, checks: { database, redis } };
  }

  // After the HTTP server has drained, so a health check in flight during shutdown still answers.
  onApplicationShutdown() {
    this.redis.disconnect();
  }

  private async pingRedis() {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    return this.redis.ping();
  }

  private async probe(check: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(check(), 1000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
