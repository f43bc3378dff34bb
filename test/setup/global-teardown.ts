import { rmSync } from 'node:fs';
import { stopSuitePgbouncer } from './pgbouncer';
import { testEnvFile } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const maildev = (globalThis as Record<string, unknown>)['__maildev'] as { close(cb: () => void): void } | undefined;
  if (maildev) await new Promise<void>((resolve) => maildev.close(resolve));
  await stopSuitePgbouncer();
  rmSync(testEnvFile(), { force: true });
}
