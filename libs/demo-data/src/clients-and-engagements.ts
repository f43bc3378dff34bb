import { insertClientAccount, insertEngagement, type EngagementRow, type Sql } from '@candor/testing';
import { mondayIn } from './demo-clock';
import type { DemoTenant } from './tenant-and-people';

export type EngagementKey = 'inbox' | 'social' | 'onboarding';

export interface DemoEngagement {
  id: string;
  clientAccountId: string;
  /** Hourly rates from a date on, oldest first. */
  rates: { effectiveFrom: string; hourlyRate: string }[];
}

export type DemoEngagements = Record<EngagementKey, DemoEngagement>;

/**
 * Acme Bakery's inbox work (a rate rise last week) and social media retainer (terms accepted), and a
 * second client, Fjord Design Studio, in another currency; Ada is assigned to all three.
 */
export async function seedClientsAndEngagements(db: Sql, { tenantId, timeZone, people }: DemoTenant): Promise<DemoEngagements> {
  const [acme] = (await db.query(`SELECT id FROM client_accounts WHERE tenant_id = $1 AND name = 'Acme Bakery'`, [tenantId])) as {
    id: string;
  }[];
  if (!acme) throw new Error('demo data: Acme Bakery is missing');
  const fjord = await insertClientAccount(db, {
    tenantId,
    name: 'Fjord Design Studio',
    billingEmail: 'post@fjord-studio.test',
    notes: 'Prefers Norwegian for anything customer-facing. Invoices in NOK.',
  });
  const started = mondayIn(timeZone, 8);
  const common = { tenantId, assistantIds: [people.assistant], ratesBy: people.owner, createdAt: started };
  const engagement = async (
    clientAccountId: string,
    rates: DemoEngagement['rates'],
    fields: Omit<EngagementRow, 'tenantId' | 'clientAccountId'>,
  ) => ({
    id: await insertEngagement(db, { ...common, ...fields, clientAccountId, rates }),
    clientAccountId,
    rates,
  });
  return {
    inbox: await engagement(
      acme.id,
      [
        { effectiveFrom: started, hourlyRate: '42.00' },
        { effectiveFrom: mondayIn(timeZone, 1), hourlyRate: '45.00' },
      ],
      {
        name: 'Inbox & calendar management',
        description: 'The orders inbox, supplier calls and the team calendar, every weekday morning.',
        currency: 'EUR',
        workingAgreement: {
          expectations: 'Orders inbox at zero by 11:00 every weekday',
          communication: 'WhatsApp for urgent questions, email for everything else',
          responseTimes: 'Within 2 working hours',
          informationNeeded: 'Access to the orders inbox, the team calendar and the price list',
        },
        confidentialityTerms: 'Customer names, addresses and order details stay inside Acme Bakery systems and are never copied elsewhere.',
      },
    ),
    social: await engagement(acme.id, [{ effectiveFrom: started, hourlyRate: '38.00' }], {
      name: 'Social media retainer',
      description: 'Instagram and Facebook: planning, captions, scheduling and replies.',
      currency: 'EUR',
      retainerHoursPerMonth: '20',
      workingAgreement: {
        expectations: 'Three posts a week and replies within the day',
        communication: 'Weekly content review on Tuesdays',
        responseTimes: 'Same working day',
      },
      confidentialityTerms: 'Unpublished recipes and launch dates are confidential until posted.',
      confidentialityAcceptedBy: people.clientAdmin,
      confidentialityAcceptedAt: `${started}T09:30:00Z`,
    }),
    onboarding: await engagement(fjord, [{ effectiveFrom: started, hourlyRate: '650.00' }], {
      name: 'Client onboarding emails',
      description: 'A welcome sequence for new studio clients, in Norwegian and English.',
      currency: 'NOK',
      workingAgreement: { expectations: 'First draft of the sequence within two weeks', communication: 'Email' },
    }),
  };
}

/** The demo's engagements seeded earlier, found by name (for a database seeded before disclosures existed). */
export async function findEngagements(db: Sql, tenantId: string): Promise<Partial<DemoEngagements>> {
  const rows = (await db.query(`SELECT id, name, client_account_id AS "clientAccountId" FROM engagements WHERE tenant_id = $1`, [
    tenantId,
  ])) as {
    id: string;
    name: string;
    clientAccountId: string;
  }[];
  const byName = (name: string) => rows.find((row) => row.name === name);
  const found = (row: { id: string; clientAccountId: string } | undefined) =>
    row ? { id: row.id, clientAccountId: row.clientAccountId, rates: [] } : undefined;
  return { inbox: found(byName('Inbox & calendar management')), social: found(byName('Social media retainer')) };
}
