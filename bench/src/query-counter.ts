/**
 * Preloaded (`node -r`) into the API and the ceiling: counts every statement sent through pg's
 * Client (TypeORM's driver included) and, on request, the statements' text and bind values (the
 * PostgreSQL column of the bench replays them under pgbench). pg_stat_statements is not loaded on the
 * machine's PostgreSQL (it needs shared_preload_libraries and a restart of a server other work
 * shares), so the count is taken in the process, per request, instead.
 */
import pg from 'pg';

/** One round trip: the statement pg was given, and what rode in front of it and after it (the tenant opening, a COMMIT). */
interface Captured {
  text: string;
  values: unknown[] | null;
  opening?: readonly string[];
  closing?: readonly string[];
}

/**
 * Statements (a tenant transaction's START and SET LOCALs counted as one, a session's confirmation riding in the
 * opening as one more, a COMMIT riding after a statement as one more) and round trips (pg queries sent).
 */
let count = 0;
let trips = 0;
let captured: Captured[] | null = null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  // The API sends a tenant transaction's opening in front of its first statement (@candor/db OpenedQuery).
  const config = args[0] as string | { text?: string; values?: unknown[]; opening?: readonly string[]; closing?: readonly string[] };
  const opening = typeof config === 'string' ? undefined : config?.opening;
  const closing = (typeof config === 'string' ? undefined : config?.closing) ?? [];
  count += (opening ? 2 + opening.filter((statement) => statement.startsWith('CALL ')).length : 1) + closing.length;
  trips += 1;
  if (captured && captured.length < 500) {
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const values = (typeof config === 'string' ? args[1] : config?.values) as unknown[] | undefined;
    captured.push({ text, values: Array.isArray(values) ? values : null, ...(opening && { opening }), ...(closing.length && { closing }) });
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

process.on('message', (message: { type?: string; capture?: boolean }) => {
  if (message?.type !== 'queries') return;
  const texts = captured?.flatMap((c) => [...(c.opening ? [c.opening.join('; ')] : []), c.text, ...(c.closing ?? [])]) ?? null;
  process.send?.({ type: 'queries', count, trips, texts, statements: captured });
  captured = message.capture ? [] : null;
});
