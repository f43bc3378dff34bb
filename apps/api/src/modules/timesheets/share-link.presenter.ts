import type { ShareLink } from '@candor/db';
import type { ShareLinkResponse } from './dto/share-link.response';

/** A share link as staff see it: never its token or the token's hash. */
export const presentShareLink = (link: ShareLink): ShareLinkResponse => ({
  id: link.id,
  engagementId: link.engagementId,
  period: link.period,
  periodStart: link.periodStart,
  expiresAt: link.expiresAt,
  revokedAt: link.revokedAt,
  createdAt: link.createdAt,
});
