import { withTenant } from '@candor/db';
import type { DataSource } from 'typeorm';
import { findEngagements, seedClientsAndEngagements } from './clients-and-engagements';
import { seedDisclosuresAndOffers } from './disclosures-and-offers';
import { findDemoTenant, seedTenantAndPeople } from './tenant-and-people';
import { seedWorkLogsAndWeeks } from './work-logs-and-weeks';

/**
 * Seeds the demo world once, feature by feature; a feature already present is left alone (so a
 * database seeded by an older version gets what it lacks). Answers one line per feature.
 */
export async function seedDemoWorld(dataSource: DataSource): Promise<string[]> {
  const report: string[] = [];
  let demo = await findDemoTenant(dataSource);
  if (demo) report.push('workspace already present');
  else {
    demo = await seedTenantAndPeople(dataSource);
    report.push('seeded the Northwind Assistants workspace (Acme Bakery and five people)');
  }
  const { tenantId } = demo;
  await withTenant(dataSource, tenantId, async (db) => {
    const count = async (table: 'engagements' | 'disclosures') => {
      const rows: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]);
      return rows[0]?.n ?? 0;
    };
    if ((await count('engagements')) === 0) {
      const engagements = await seedClientsAndEngagements(db, demo);
      const entries = await seedWorkLogsAndWeeks(db, demo, engagements);
      report.push(`${Object.keys(engagements).length} engagements and ${entries} time entries`);
    } else report.push('engagements already present');
    if ((await count('disclosures')) === 0) {
      const { inbox, social } = await findEngagements(db, tenantId);
      if (!inbox) report.push('no Acme Bakery engagements, so no disclosures');
      else {
        const stories = await seedDisclosuresAndOffers(db, demo, { inbox, social: social ?? inbox });
        report.push(`${stories} disclosures for Acme Bakery (sign-off, resolved, closed, in review) and a remedy policy`);
      }
    } else report.push('disclosures already present');
  });
  return report;
}
