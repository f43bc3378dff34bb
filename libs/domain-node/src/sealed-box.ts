import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';

function keyFrom(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Encrypts a small secret (an invitation token on its way to an email) so the outbox row never holds
 * it in plain text. Output: base64url of iv | tag | ciphertext.
 */
export function seal(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Reverses {@link seal}; throws when the box was tampered with or sealed with another secret. */
export function unseal(box: string, secret: string): string {
  const raw = Buffer.from(box, 'base64url');
  const decipher = createDecipheriv(ALGORITHM, keyFrom(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A hex SHA-256 digest: tokens are stored only as this. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A random URL-safe token with 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
