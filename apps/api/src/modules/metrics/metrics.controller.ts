import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../../common/access.decorators';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Prometheus scrapes here; it is not a user's route, so it carries its own bearer token (METRICS_TOKEN). */
@ApiTags('health')
@Public()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP requests, outbox pending and oldest age',
    description: 'With METRICS_TOKEN set, send it as "Authorization: Bearer <token>". Without it, production serves no metrics (404).',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'METRICS_TOKEN is set and the request does not carry it' })
  @ApiNotFoundResponse({ description: 'production without METRICS_TOKEN' })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (!token && this.config.NODE_ENV === 'production') throw new NotFoundException('Metrics are off; set METRICS_TOKEN to serve them');
    if (token && !timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`))) {
      throw new UnauthorizedException('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"');
    }
    reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.metrics();
  }
}
