import { withTenant } from '@candor/db';
import type { Role } from '@candor/domain';
import { insertClientAccount, insertMembership, insertTenant, insertUser, newId } from '@candor/testing';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';

/** The one password of every demo login (scripts/start.mjs prints it in its final box). */
export const DEMO_PASSWORD = 'candor-demo-2026';

export const DEMO_USERS = [
  { key: 'owner', email: 'owner@demo.candor.test', name: 'Olivia Owner', role: 'owner' },
  { key: 'manager', email: 'manager@demo.candor.test', name: 'Max Manager', role: 'manager' },
  { key: 'assistant', email: 'assistant@demo.candor.test', name: 'Ada Assistant', role: 'assistant' },
  { key: 'clientAdmin', email: 'client.admin@demo.candor.test', name: 'Clara Client', role: 'client_admin' },
  { key: 'clientMember', email: 'client.member@demo.candor.test', name: 'Colin Colleague', role: 'client_member' },
] as const satisfies readonly { key: string; email: string; name: string; role: Role }[];

export type DemoPeople = Record<(typeof DEMO_USERS)[number]['key'], string>;

/** What every later feature of the demo builds on. */
export interface DemoTenant {
  tenantId: string;
  timeZone: string;
  people: DemoPeople;
}

const TIME_ZONE = 'Europe/Berlin';

/** Northwind Assistants, its client Acme Bakery, and the five demo people (the client's two at Acme). */
export async function seedTenantAndPeople(dataSource: DataSource): Promise<DemoTenant> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const tenantId = newId();
  const people = {} as DemoPeople;
  await withTenant(dataSource, tenantId, async (db) => {
    await insertTenant(db, { id: tenantId, name: 'Northwind Assistants', slug: 'northwind', timeZone: TIME_ZONE });
    const acme = await insertClientAccount(db, { tenantId, name: 'Acme Bakery', billingEmail: 'accounts@acme-bakery.test' });
    for (const demo of DEMO_USERS) {
      const userId = await insertUser(db, { email: demo.email, displayName: demo.name, passwordHash });
      const isClient = demo.role === 'client_admin' || demo.role === 'client_member';
      await insertMembership(db, { tenantId, userId, role: demo.role, clientAccountId: isClient ? acme : null });
      people[demo.key] = userId;
    }
  });
  return { tenantId, timeZone: TIME_ZONE, people };
}

/** The demo tenant seeded earlier, or null on an empty database. */
export async function findDemoTenant(dataSource: DataSource): Promise<DemoTenant | null> {
  const users: { id: string; email: string }[] = await dataSource.query(`SELECT id, email FROM users WHERE email = ANY($1)`, [
    DEMO_USERS.map((u) => u.email),
  ]);
  const owner = users.find((u) => u.email === DEMO_USERS[0].email);
  if (!owner) return null;
  const [membership]: { tenant_id: string }[] = await dataSource.query(`SELECT tenant_id FROM auth_user_memberships($1)`, [owner.id]);
  if (!membership) return null;
  const [tenant]: { time_zone: string }[] = await withTenant(dataSource, membership.tenant_id, (db) =>
    db.query(`SELECT time_zone FROM tenants`),
  );
  const people = Object.fromEntries(DEMO_USERS.map((demo) => [demo.key, users.find((u) => u.email === demo.email)?.id])) as DemoPeople;
  return { tenantId: membership.tenant_id, timeZone: tenant?.time_zone ?? TIME_ZONE, people };
}
