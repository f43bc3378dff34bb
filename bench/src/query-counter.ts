/**
 * Preloaded (`node -r`) into the API and the ceiling: counts every statement sent through pg's
 * Client (TypeORM's driver included) and, on request, the statements' text. pg_stat_statements is
 * not loaded on the machine's PostgreSQL (it needs shared_preload_libraries and a restart of a
 * server other work shares), so the count is taken in the process, per request, instead.
 */
import pg from 'pg';

let count = 0;
let texts: string[] | null = null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  count += 1;
  if (texts && texts.length < 500) {
    const config = args[0] as string | { text?: string };
    texts.push(typeof config === 'string' ? config : (config?.text ?? ''));
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

process.on('message', (message: { type?: string; capture?: boolean }) => {
  if (message?.type !== 'queries') return;
  process.send?.({ type: 'queries', count, texts });
  texts = message.capture ? [] : null;
});
