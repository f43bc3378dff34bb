import 'reflect-metadata';
import { dataSourceOptions } from '@candor/db';
import { DataSource } from 'typeorm';
import { seedDemoWorld } from './demo-world';
import { DEMO_PASSWORD, DEMO_USERS } from './tenant-and-people';

/** `npm start` runs this after the migrations, with the runtime role's DATABASE_URL. */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required to seed');
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    for (const line of await seedDemoWorld(dataSource)) console.log(`demo data: ${line}`);
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
