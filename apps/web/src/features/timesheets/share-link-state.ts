import type { ShareLink } from './timesheet-endpoints';

export type ShareLinkState = 'active' | 'expired' | 'revoked';

/** A revoked link reads as revoked even after its expiry: that is what someone did to it. */
export function linkState(link: Pick<ShareLink, 'expiresAt' | 'revokedAt'>, now = new Date()): ShareLinkState {
  if (link.revokedAt) return 'revoked';
  return new Date(link.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}
