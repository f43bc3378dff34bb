import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three Standard Webhooks headers of one delivery attempt. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs a payload with every secret still valid (during a rotation's overlap, the new and the old):
 * the signature header lists one `v1,<base64>` per secret, separated by spaces, and a receiver that
 * knows either secret verifies it.
 */
export function signWebhook(id: string, at: Date, body: string, secrets: string[]): WebhookHeaders {
  if (!secrets.length) throw new Error('no signing secret');
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
}
