import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { armOpening, disarm } from './pipelined-opening';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that scopes a transaction to one tenant: `SET LOCAL app.tenant_id = '<uuid>'`.
 * A plain SET LOCAL rather than `set_config(..., true)` because Citus (with
 * `citus.propagate_set_commands = 'local'`) forwards SET LOCAL to every worker it opens a transaction
 * on, while a `set_config` call never leaves the coordinator (see docker/scale-out.md). SET takes no
 * bind parameters, so the id is checked against the UUID shape first (nothing else can reach the
 * quotes) and lower-cased. Issue it at the top of the transaction, never inside a savepoint: Citus
 * drops a SET LOCAL made in a savepoint that is later released.
 */
export function setLocalTenantSql(tenantId: string): string {
  if (!UUID.test(tenantId)) {
    throw new Error('withTenant needs a tenant id; refusing to run an unscoped query');
  }
  return `SET LOCAL app.tenant_id = '${tenantId.toLowerCase()}'`;
}

/** An access token's claims, for a transaction that confirms its session (`auth_session_confirm`). */
export interface SessionClaims {
  sessionId: string;
  userId: string;
  role: string;
  clientAccountId: string | null;
}

const uuidLiteral = (value: string, what: string): string => {
  if (!UUID.test(value)) throw new Error(`withTenant needs a ${what} in the shape of a UUID`);
  return `'${value.toLowerCase()}'`;
};

/**
 * `CALL auth_session_confirm(...)` for the tenant and the token's claims: raises SQLSTATE CS401 unless the session
 * is alive and the person's role and client account are still the token's. Ids are checked against the UUID shape
 * and the role against a bare word before they reach the quotes (the opening takes no bind parameters).
 */
export function sessionConfirmSql(tenantId: string, session: SessionClaims): string {
  if (!/^[a-z_]{1,40}$/.test(session.role)) throw new Error('withTenant needs a role name');
  const client = session.clientAccountId === null ? 'NULL' : uuidLiteral(session.clientAccountId, 'client account id');
  const ids = [uuidLiteral(tenantId, 'tenant id'), uuidLiteral(session.sessionId, 'session id'), uuidLiteral(session.userId, 'user id')];
  return `CALL auth_session_confirm(${ids.join(', ')}, '${session.role}', ${client})`;
}

/** What a transaction is opened for besides its tenant. */
export interface OpeningOptions {
  /** The integration's key a request came with: `SET LOCAL app.api_key_id = '…'`. */
  apiKeyId?: string;
  /** A session to confirm before anything else runs (see sessionConfirmSql). */
  session?: SessionClaims;
  /**
   * Work that only reads: each statement runs in a read-only transaction of its own, opened and committed in
   * that statement's round trip (a read made of one statement is one round trip, COMMIT included). At READ
   * COMMITTED every statement reads its own snapshot anyway; a write fails (SQLSTATE 25006), and a cursor or a
   * savepoint, which need statements to share a transaction, fails too.
   */
  readOnly?: boolean;
}

/**
 * The statements that open a tenant transaction: `START TRANSACTION`, `SET LOCAL app.tenant_id = '…'`, for a
 * request made with an API key `SET LOCAL app.api_key_id = '…'`, and for a session to confirm its CALL.
 */
export function openingStatements(tenantId: string, { apiKeyId, session, readOnly }: OpeningOptions = {}): string[] {
  const statements = ['START TRANSACTION', setLocalTenantSql(tenantId)];
  if (apiKeyId !== undefined) {
    if (!UUID.test(apiKeyId)) throw new Error('withTenant needs a key id in the shape of a UUID');
    statements.push(`SET LOCAL app.api_key_id = '${apiKeyId.toLowerCase()}'`);
  }
  if (session) statements.push(sessionConfirmSql(tenantId, session));
  if (readOnly) statements.push(READ_ONLY);
  return statements;
}

const READ_ONLY = 'SET LOCAL transaction_read_only = on';

/** The SQLSTATE auth_session_confirm raises (migration 1766000000000). */
export const SESSION_REFUSED = 'CS401';

/**
 * The one entry point for tenant-owned data: runs `work` in a transaction whose `app.tenant_id`
 * is set transaction-locally (safe with pooled connections), so row-level security scopes every
 * query. A missing or malformed tenant id throws instead of running unscoped. `apiKeyId` names the
 * integration's key a request came with (`app.api_key_id`, set the same way), which audit rows record by default.
 * `session` names a session to confirm in the opening: its CALL runs before any of `work`'s statements, and is
 * sent even when `work` sends none (a check that must not be skipped): in front of the COMMIT, or of the ROLLBACK
 * when `work` failed first, and then a refusal is what withTenant throws (the session's 401 before a 400).
 *
 * TypeORM's own transaction bookkeeping is kept (nested `manager.transaction` still makes savepoints,
 * an error still rolls back). Its `START TRANSACTION` is not sent on its own: the opening statements go out
 * in front of the transaction's first statement, in the same write and round trip (`armOpening`), so they
 * are still first in the transaction. A transaction that never sends a statement sends nothing at all (but a
 * session's confirmation): its COMMIT or ROLLBACK is answered here, and no connection is taken from the pool.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
  options: OpeningOptions = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const opening = deferOpening(runner, {
    first: openingStatements(tenantId, options),
    next: openingStatements(tenantId, { ...options, session: undefined }),
    mandatory: options.session !== undefined,
    commitEach: options.readOnly === true,
  });
  try {
    return await runner.manager.transaction(work);
  } catch (error) {
    // A session refused while rolling back work that failed before it reached the database: the refusal wins.
    throw opening.refusal ?? error;
  } finally {
    await runner.release();
  }
}

/** TypeORM's query runner, as `withTenant` drives it: the pooled pg client it holds once connected. */
type RunnerQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

interface OpeningPlan {
  /** In front of the transaction's first statement. */
  first: readonly string[];
  /** In front of each later one, when each commits on its own (the session already confirmed). */
  next: readonly string[];
  /** The first opening must be sent even if no statement is (it confirms a session). */
  mandatory: boolean;
  /** Each statement is a transaction of its own: its opening in front of it, its COMMIT after it, one round trip. */
  commitEach: boolean;
}

/** What deferOpening learnt that withTenant answers with: the session's refusal, met while rolling back. */
interface OpeningOutcome {
  refusal?: unknown;
}

const sqlState = (error: unknown): unknown =>
  (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;

/**
 * Holds back the runner's `START TRANSACTION` and sends the opening in front of the next statement instead.
 * COMMIT or ROLLBACK while the opening is still held back end a transaction that never began: nothing is sent,
 * unless the opening is `mandatory` (a session to confirm) and unsent: it then goes out in front of them, and a
 * refusal met in front of a ROLLBACK is kept for withTenant to answer with. Statements go one at a time: the
 * opening waits on the connection for the next statement, and two in flight at once (Promise.all) would race
 * for it (the connection runs them one by one anyway).
 */
function deferOpening(runner: QueryRunner, plan: OpeningPlan): OpeningOutcome {
  const query = runner.query.bind(runner) as RunnerQuery;
  const outcome: OpeningOutcome = {};
  let held = false;
  let opening = plan.first;

  const confirmBeforeRollback = async (client: Parameters<typeof armOpening>[0]) => {
    armOpening(client, opening);
    try {
      await query('ROLLBACK');
    } catch (error) {
      if (sqlState(error) === SESSION_REFUSED) outcome.refusal = error;
      // The opening failed: its transaction is open and aborted.
      await query('ROLLBACK').catch(() => undefined);
    } finally {
      disarm(client);
    }
    return undefined;
  };

  const send = async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (!held) {
      if (sql !== 'START TRANSACTION') return query(sql, parameters, structured);
      held = true;
      return undefined;
    }
    const unconfirmed = plan.mandatory && opening === plan.first;
    if (sql === 'ROLLBACK' || sql === 'COMMIT') {
      held = false;
      if (!unconfirmed) return undefined;
      if (sql === 'ROLLBACK') return confirmBeforeRollback((await runner.connect()) as Parameters<typeof armOpening>[0]);
    }
    const commits = plan.commitEach && sql !== 'COMMIT';
    const client = (await runner.connect()) as Parameters<typeof armOpening>[0];
    armOpening(client, opening, commits ? ['COMMIT'] : []);
    let failed = false;
    try {
      return await query(sql, parameters, structured);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // Unsent (it failed before it reached the client): nothing began, and the opening is still held.
      if (!disarm(client)) {
        opening = plan.next;
        // Committed with its statement: the next one opens a transaction again. A failure there may leave its
        // transaction open and aborted (or nothing open, when it failed after the COMMIT): rolled back at once.
        held = commits;
        if (commits && failed) await query('ROLLBACK').catch(() => undefined);
      }
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
    const next = queue.then(() => send(sql, parameters, structured));
    queue = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return outcome;
}
