import { eventsFor, isTimeZone, modeAllowed, NOTIFICATION_EVENTS } from './notification-events';

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
