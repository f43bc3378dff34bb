import type { Logger } from 'pino';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries an outcome's write on a fresh pooled connection until it lands or `leaseMs` would have
 * run out: a delivery that happened must be recorded, or it would be repeated.
 */
export async function persistently(
  logger: Logger,
  leaseMs: number,
  context: Record<string, unknown>,
  what: string,
  write: () => Promise<unknown>,
) {
  const deadline = Date.now() + leaseMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      logger.warn({ err: error, ...context, attempt }, `could not record the delivery as ${what}; retrying`);
      await sleep(Math.min(100 * 2 ** (attempt - 1), 2000));
    }
  }
}
