import { Client } from 'pg';
import { readTestEnv } from '../setup/test-env';

/** Runs `work` on a connection as the database owner: for arranging and inspecting rows behind the API. */
export async function withOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: readTestEnv().ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
