import { randomUUID } from 'node:crypto';
import { type Role } from '@candor/domain';
import { unseal } from '@candor/domain-node';
import type { Api } from '@candor/testing';
import { invitationLink, waitForEmails } from './mail-sink';
import { withOwner } from './owner-db';
import { SECRET } from './stack';

// The factories that need nothing of the test stack live in @candor/testing (shared with the demo data).
export * from '@candor/testing';

export const PASSWORD = 'correct horse battery staple';

export const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@e2e.candor.test`;

export interface TenantFixture {
  tenantId: string;
  slug: string;
  owner: { email: string; token: string };
}

/** A new tenant with its owner signed in. */
export async function signUpTenant(api: Api, overrides: Record<string, string> = {}): Promise<TenantFixture> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const email = uniqueEmail('owner');
  const response = await api.post('/api/v1/auth/signup', {
    tenantName: `Tenant ${slug}`,
    tenantSlug: slug,
    displayName: 'Olivia Owner',
    email,
    password: PASSWORD,
    ...overrides,
  });
  if (response.status !== 202) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = await confirmSignUp(api, email);
  const me = await api.get('/api/v1/me', token);
  return { tenantId: me.body.tenant.id, slug, owner: { email, token } };
}

/**
 * Opens the confirmation link of a sign-up, read from its outbox row (sealed there like in the
 * email), so a stack without a worker can sign up too; returns the owner's access token. The email
 * itself is read from the SMTP sink in the sign-up tests (account-access).
 */
export async function confirmSignUp(api: Api, email: string): Promise<string> {
  const { rows } = await withOwner((db) =>
    db.query<{ url: string }>(
      `SELECT payload->'sealed'->>'url' AS url FROM notifications
       WHERE lower(recipient_email) = lower($1) AND template = 'email_confirm' ORDER BY created_at DESC LIMIT 1`,
      [email],
    ),
  );
  if (!rows[0]?.url) throw new Error(`no confirmation email written for ${email}`);
  const confirmed = await api.post('/api/v1/auth/confirm-email', { token: new URL(unseal(rows[0].url, SECRET)).searchParams.get('token') });
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed.body.accessToken as string;
}

/** Invites, reads the email from the sink, accepts it, and returns the new member's token. */
export async function addMember(
  api: Api,
  inviterToken: string,
  role: Exclude<Role, 'owner'>,
  clientAccountId?: string,
): Promise<{ email: string; token: string; userId: string }> {
  const email = uniqueEmail(role);
  const invited = await api.post('/api/v1/invitations', { email, role, clientAccountId }, inviterToken);
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const [message] = await waitForEmails(email);
  const { tenantId, token } = invitationLink(message!);
  const accepted = await api.post('/api/v1/invitations/accept', { tenantId, token, displayName: `Test ${role}`, password: PASSWORD });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const me = await api.get('/api/v1/me', accepted.body.accessToken);
  return { email, token: accepted.body.accessToken, userId: me.body.user.id as string };
}

/** A signed-in member as `addMember` answers it. */
export type Member = Awaited<ReturnType<typeof addMember>>;
