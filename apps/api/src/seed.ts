import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClientAccount, Membership, Tenant, User, dataSourceOptions, withTenant } from '@candor/db';
import type { Role } from '@candor/domain';
import { hashPassword } from './modules/auth/auth.service';

export const DEMO_PASSWORD = 'candor-demo-2026';
const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'owner@demo.candor.test', name: 'Olivia Owner', role: 'owner' },
  { email: 'manager@demo.candor.test', name: 'Max Manager', role: 'manager' },
  { email: 'assistant@demo.candor.test', name: 'Ada Assistant', role: 'assistant' },
  { email: 'client.admin@demo.candor.test', name: 'Clara Client', role: 'client_admin' },
  { email: 'client.member@demo.candor.test', name: 'Colin Colleague', role: 'client_member' },
];

/** Seeds the demo tenant once (skips when its owner exists) and prints the demo logins. */
async function main() {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required to seed');
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const exists = await dataSource.getRepository(User).existsBy({ email: DEMO_USERS[0]!.email });
    if (!exists) {
      const tenantId = randomUUID();
      const clientAccountId = randomUUID();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await withTenant(dataSource, tenantId, async (manager) => {
        await manager.insert(Tenant, { id: tenantId, name: 'Northwind Assistants', slug: 'northwind', defaultLocale: 'en', timeZone: 'Europe/Berlin', settings: {} });
        await manager.insert(ClientAccount, { tenantId, id: clientAccountId, name: 'Acme Bakery', billingEmail: 'accounts@acme-bakery.test', notes: null });
        for (const demo of DEMO_USERS) {
          const userId = randomUUID();
          await manager.insert(User, { id: userId, email: demo.email, displayName: demo.name, passwordHash, locale: 'en' });
          const isClient = demo.role === 'client_admin' || demo.role === 'client_member';
          await manager.insert(Membership, { tenantId, id: randomUUID(), userId, role: demo.role, clientAccountId: isClient ? clientAccountId : null });
        }
      });
      console.log('demo data: seeded the Northwind Assistants workspace');
    } else {
      console.log('demo data: already present');
    }
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const demo of DEMO_USERS) console.log(`  ${demo.role.padEnd(14)} ${demo.email}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
