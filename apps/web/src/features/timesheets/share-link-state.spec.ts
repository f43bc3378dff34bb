import { linkState } from './share-link-state';

describe('linkState', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('is active until it expires', () => {
    expect(linkState({ expiresAt: '2027-03-11T00:00:00Z', revokedAt: null }, now)).toBe('active');
    expect(linkState({ expiresAt: '2027-03-10T12:00:00Z', revokedAt: null }, now)).toBe('expired');
  });

  it('reads as revoked once revoked, expired or not', () => {
    expect(linkState({ expiresAt: '2027-03-11T00:00:00Z', revokedAt: '2027-03-09T08:00:00Z' }, now)).toBe('revoked');
    expect(linkState({ expiresAt: '2027-03-01T00:00:00Z', revokedAt: '2027-02-20T08:00:00Z' }, now)).toBe('revoked');
  });
});
