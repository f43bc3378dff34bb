import { eventsFor, isTimeZone, modeAllowed, NOTIFICATION_EVENTS } from './notification-events';
import { signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token';

const claim = { tenantId: '00000000-0000-4000-8000-000000000001', userId: '00000000-0000-4000-8000-000000000002', event: 'disclosure_comment' };

describe('notification events', () => {
  it('lets a client put a disclosure or a remedy in the digest but never off', () => {
    expect(modeAllowed('disclosure_disclosed', 'digest')).toBe(true);
    expect(modeAllowed('disclosure_disclosed', 'off')).toBe(false);
    expect(modeAllowed('disclosure_remedy_proposed', 'off')).toBe(false);
    expect(modeAllowed('disclosure_comment', 'off')).toBe(true);
  });

  it('lists the events of each audience, comments for both', () => {
    expect(eventsFor('client')).toContain('disclosure_comment');
    expect(eventsFor('staff')).toContain('disclosure_comment');
    expect(eventsFor('client')).not.toContain('deliverable_late');
    expect(Object.keys(NOTIFICATION_EVENTS)).not.toContain('invitation');
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'a'.repeat(32);

  it('round-trips a claim', () => {
    expect(verifyUnsubscribe(signUnsubscribe(claim, secret), secret)).toEqual(claim);
  });

  it('refuses another secret, a changed event and garbage', () => {
    const token = signUnsubscribe(claim, secret);
    expect(verifyUnsubscribe(token, 'b'.repeat(32))).toBeNull();
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify([claim.tenantId, claim.userId, 'disclosure_disclosed'])).toString('base64url')}.${mac}`;
    expect(verifyUnsubscribe(forged, secret)).toBeNull();
    expect(verifyUnsubscribe('nonsense', secret)).toBeNull();
    expect(verifyUnsubscribe('a.b.c', secret)).toBeNull();
  });
});
