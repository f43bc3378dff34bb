import { Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';

type Increment = ThrottlerStorageRedisService['increment'];

/**
 * The Redis-backed throttler storage, failing open: while Redis is unreachable, sign-in keeps
 * working without limits (logged) instead of every login hanging on a queued command or failing.
 */
export class RateLimitStorage extends ThrottlerStorageRedisService {
  private readonly log = new Logger('RateLimits');

  constructor(url: string, keyPrefix: string) {
    super(url, { keyPrefix, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    this.redis.on('error', () => undefined);
  }

  override async increment(...args: Parameters<Increment>): ReturnType<Increment> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
      return await super.increment(...args);
    } catch (error) {
      this.log.warn(`rate limits not counted (Redis unreachable): ${error instanceof Error ? error.message : String(error)}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
