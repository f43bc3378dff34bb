import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whom a one-click unsubscribe link is for and which one kind of email it turns off. */
export interface UnsubscribeClaim {
  tenantId: string;
  userId: string;
  event: string;
}

const keyFor = (secret: string): Buffer => createHmac('sha256', secret).update('candor:unsubscribe:v1').digest();

/**
 * A link token that needs no login: the claim in base64url and its HMAC. It only ever turns one
 * event off for one person, so it does not expire (a mail client may POST it years later).
 */
export function signUnsubscribe(claim: UnsubscribeClaim, secret: string): string {
  const body = Buffer.from(JSON.stringify([claim.tenantId, claim.userId, claim.event])).toString('base64url');
  const mac = createHmac('sha256', keyFor(secret)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** The claim of a token signed with `secret`, or null for anything else. */
export function verifyUnsubscribe(token: string, secret: string): UnsubscribeClaim | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', keyFor(secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) return null;
    const [tenantId, userId, event] = parsed as [string, string, string];
    return { tenantId, userId, event };
  } catch {
    return null;
  }
}
