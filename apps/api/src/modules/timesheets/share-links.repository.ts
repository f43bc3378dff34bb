import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ShareLink } from '@candor/db';

/** Share links of an engagement's timesheet; takes the tenant-scoped manager. */
@Injectable()
export class ShareLinksRepository {
  async insert(manager: EntityManager, values: Omit<ShareLink, 'createdAt'>): Promise<ShareLink> {
    await manager.insert(ShareLink, values);
    return manager.findOneByOrFail(ShareLink, { tenantId: values.tenantId, id: values.id });
  }

  get(manager: EntityManager, tenantId: string, id: string): Promise<ShareLink | null> {
    return manager.findOneBy(ShareLink, { tenantId, id });
  }

  /** The link a token opens (tokens are stored hashed). */
  byTokenHash(manager: EntityManager, tenantId: string, tokenHash: string): Promise<ShareLink | null> {
    return manager.findOneBy(ShareLink, { tenantId, tokenHash });
  }

  ofEngagement(manager: EntityManager, tenantId: string, engagementId: string): Promise<ShareLink[]> {
    return manager.find(ShareLink, { where: { tenantId, engagementId }, order: { createdAt: 'DESC' } });
  }

  async revoke(manager: EntityManager, tenantId: string, id: string): Promise<ShareLink> {
    await manager.update(ShareLink, { tenantId, id }, { revokedAt: new Date() });
    return manager.findOneByOrFail(ShareLink, { tenantId, id });
  }
}
