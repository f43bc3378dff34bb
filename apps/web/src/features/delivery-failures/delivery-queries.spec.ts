import { bounceOf, eventKind } from './delivery-queries';

describe('failed deliveries', () => {
  it('names the kind of email from its template', () => {
    expect(eventKind('invitation')).toBe('invitation');
    expect(eventKind('disclosure_remedy_proposed')).toBe('disclosure');
    expect(eventKind('follow_up_check_in')).toBe('follow_up');
    expect(eventKind('week_submitted')).toBe('week');
    expect(eventKind('invoice_sent')).toBeNull();
  });

  it('finds a bounce whatever the case of the address', () => {
    const bounced = [
      { email: 'Ana@Example.com', userId: null, clientAccountId: null, reason: '550', notificationId: 'n', at: '2026-01-01T00:00:00Z' },
    ];
    expect(bounceOf(bounced, 'ana@example.com')?.reason).toBe('550');
    expect(bounceOf(bounced, 'bob@example.com')).toBeUndefined();
    expect(bounceOf(undefined, 'ana@example.com')).toBeUndefined();
  });
});
