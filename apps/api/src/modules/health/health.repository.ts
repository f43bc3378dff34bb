import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What health asks of PostgreSQL: one round trip, outside any tenant. */
@Injectable()
export class HealthRepository {
  async ping(manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1');
  }
}
