import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@candor/domain';
import { hashToken } from '@candor/domain-node';

/** `cnd_live_` and 32 random bytes (base64url): the only secret part is the random one. */
const KEY_FORMAT = /^cnd_live_[A-Za-z0-9_-]{43}$/;
/** How much of a key lists show: the fixed start and four random characters. */
const SHOWN = API_KEY_PREFIX.length + 4;

export interface NewApiKeySecret {
  secret: string;
  prefix: string;
  hash: string;
}

export function newApiKeySecret(): NewApiKeySecret {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, SHOWN), hash: hashToken(secret) };
}

/** The key's hash, or null when the text cannot be a key (so nothing is looked up). */
export function apiKeyHash(text: string): string | null {
  return KEY_FORMAT.test(text) ? hashToken(text) : null;
}
