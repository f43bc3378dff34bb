import type { DataSource, EntityManager } from 'typeorm';
import type { AuthChallenge } from '@candor/db';
import { hashToken } from '@candor/domain-node';
import type { AuthChallengesRepository } from './auth-challenges.repository';
import type { AccountEmail, AuthMailerService } from './auth-mailer.service';
import { ChallengesService } from './challenges.service';

/** The service over a repository and a mailer that record what they are given. */
function service() {
  const calls: string[] = [];
  const inserted: Omit<AuthChallenge, 'createdAt'>[] = [];
  const sent: AccountEmail[] = [];
  const repository = {
    retire: (_manager: EntityManager, userId: string, purpose: string) => {
      calls.push(`retire ${userId} ${purpose}`);
      return Promise.resolve();
    },
    insert: (_manager: EntityManager, values: Omit<AuthChallenge, 'createdAt'>) => {
      calls.push(`insert ${values.purpose}`);
      inserted.push(values);
      return Promise.resolve();
    },
  } as unknown as AuthChallengesRepository;
  const mailer = {
    send: (email: AccountEmail) => {
      sent.push(email);
      return Promise.resolve();
    },
  } as unknown as AuthMailerService;
  return { challenges: new ChallengesService({ manager: {} as EntityManager } as DataSource, repository, mailer), calls, inserted, sent };
}

const to = { email: 'ana@example.com', userId: 'u1', displayName: 'Ana', locale: 'en' };

describe('ChallengesService.send', () => {
  it('retires the earlier challenge, stores the new one hashed and emails its token in the link', async () => {
    const { challenges, calls, inserted, sent } = service();
    await challenges.send(
      { userId: 'u1', purpose: 'password_reset', ttlMinutes: 60 },
      { tenantId: 't1', template: 'password_reset', to, path: '/reset-password' },
    );
    expect(calls).toEqual(['retire u1 password_reset', 'insert password_reset']);
    const [email] = sent;
    expect(email).toMatchObject({ tenantId: 't1', template: 'password_reset', to, link: { path: '/reset-password' } });
    expect(email.secrets).toBeUndefined();
    const token = email.link.query!['token'];
    expect(inserted[0]).toMatchObject({ tokenHash: hashToken(token), codeHash: null, browserHash: null, usedAt: null, attempts: 0 });
    expect(token).not.toBe(inserted[0].tokenHash);
  });

  it('sends a magic link its 6-digit code as a secret, stored hashed with the challenge id', async () => {
    const { challenges, inserted, sent } = service();
    await challenges.send(
      { id: 'c1', userId: 'u1', purpose: 'magic_link', ttlMinutes: 15, tenantId: 't1', browserKey: 'k'.repeat(22) },
      { tenantId: 't1', template: 'magic_link', to, path: '/magic-link' },
    );
    const code = sent[0].secrets!['code'];
    expect(code).toMatch(/^\d{6}$/);
    expect(inserted[0]).toMatchObject({
      id: 'c1',
      codeHash: hashToken(`c1:${code}`),
      browserHash: hashToken('k'.repeat(22)),
      tenantId: 't1',
    });
  });
});
