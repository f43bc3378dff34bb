import { signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token';

const claim = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000002',
  event: 'disclosure_comment',
};

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
