import { Query, type QueryConfig, type QueryResult } from 'pg';

/** What pg's Connection offers a query that writes its own protocol messages (pg/lib/connection.js). */
interface WireConnection {
  parse(config: { text: string; name?: string }): void;
  bind(config: { values: unknown[] }): void;
  execute(config: { portal?: string; rows?: number }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void };
  /** Named statements sent but not yet confirmed (pg's bookkeeping: a query that finds its name here sends no Parse). */
  submittedNamedStatements: Record<string, string>;
}

/** The parts of pg's Query a subclass reaches (not in @types/pg). */
interface QueryInternals {
  portal?: string;
  name?: string;
  hasBeenParsed(connection: WireConnection): boolean;
  prepare(connection: WireConnection): void;
  _getRows(connection: WireConnection, rows?: number): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
}
type ExtendedQueryConfig = QueryConfig & {
  queryMode: 'extended';
  name?: string;
  callback: (error: Error | null, result: QueryResult) => void;
};
const QueryBase = Query as unknown as new (config: ExtendedQueryConfig) => QueryInternals;

/**
 * A query sent behind statements that open its transaction, in ONE write and ONE round trip: each opening
 * statement as Parse/Bind/Execute, then the query as pg would send it (Parse/Bind/Describe/Execute), then the
 * closing statements (a COMMIT) the same way, then one Sync. PostgreSQL runs the messages in order, so
 * `START TRANSACTION` and the tenant's `SET LOCAL` still come first in the transaction; an error in any of them
 * skips the rest (up to the Sync, the closing COMMIT included) and answers that error. The other statements'
 * completions are not results: the query answers only its own rows.
 */
export class OpenedQuery extends QueryBase {
  /** CommandComplete messages seen: the opening's, then the query's own, then the closing's. */
  private completions = 0;

  constructor(
    readonly opening: readonly string[],
    readonly text: string,
    readonly values: unknown[],
    callback: (error: Error | null, result: QueryResult) => void,
    readonly closing: readonly string[] = [],
    name?: string,
  ) {
    super({ text, values, queryMode: 'extended', callback, ...(name && { name }) });
  }

  /**
   * A named statement this connection has not parsed yet is parsed first, in front of the opening: pg records a
   * name as parsed at the first ParseComplete of its query, which must then be the statement's own. If that Parse
   * fails, nothing after it runs and nothing is recorded; if the opening fails, the statement exists all the same.
   * The Parse then runs in the implicit transaction the opening's START TRANSACTION turns into its own: fine for
   * the openings here (READ COMMITTED; a Parse takes a snapshot, so an opening that set REPEATABLE READ or
   * SERIALIZABLE would fail with SQLSTATE 25001), and a Parse error answers before the session's check.
   */
  override prepare(connection: WireConnection): void {
    if (this.name && !this.hasBeenParsed(connection)) {
      connection.parse({ text: this.text, name: this.name });
      connection.submittedNamedStatements[this.name] = this.text;
    }
    for (const statement of this.opening) sendStatement(connection, statement);
    super.prepare(connection);
  }

  /** pg's: Execute, then Sync; the closing statements go between the two. */
  override _getRows(connection: WireConnection, rows?: number): void {
    if (rows || !this.closing.length) {
      super._getRows(connection, rows);
      return;
    }
    connection.execute({ portal: this.portal, rows });
    for (const statement of this.closing) sendStatement(connection, statement);
    connection.sync();
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    const index = this.completions++;
    if (index === this.opening.length) super.handleCommandComplete(message, connection);
  }
}

/** One statement without parameters, as Parse/Bind/Execute (no Describe: it answers no rows). */
function sendStatement(connection: WireConnection, statement: string): void {
  connection.parse({ text: statement });
  connection.bind({ values: [] });
  connection.execute({});
}

type QueryFn = (...args: unknown[]) => unknown;
interface OpenableClient {
  query: QueryFn;
}

const WAITING = Symbol('candor.opening');
const wrapped = new WeakSet<object>();

/** Pooled clients that run the texts marked `prepared` as named statements (see namePreparedStatements). */
const naming = new WeakSet<object>();
/** The texts marked `prepared`, and their statement names; bounded, so a text built from data cannot grow it. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

/**
 * Marks a hot query's text (returned unchanged) to run as a named prepared statement on the connections that
 * allow it: parsed and planned once per connection, then only bound and executed (PostgreSQL keeps a generic
 * plan once it costs no more than the custom ones). Only texts whose variants are few: each named text stays
 * prepared on every pooled connection for its lifetime.
 */
export function prepared(text: string): string {
  if (statementNames.has(text)) return text;
  if (statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, `candor_${statementNames.size + 1}`);
  else if (!capWarned) {
    capWarned = true;
    process.emitWarning(`${MAX_NAMED_STATEMENTS} texts are named prepared statements already: later ones run unnamed`);
  }
  return text;
}
let capWarned = false;

/**
 * From now on `client` runs the texts marked `prepared` as named statements. Only on a connection that is one
 * session to the end: a pooler in transaction mode older than PgBouncer 1.21 hands the next transaction another
 * server connection, which never saw the statement (DATABASE_PREPARED_STATEMENTS=false there).
 */
export function namePreparedStatements(client: OpenableClient): void {
  naming.add(client);
  wrap(client);
}

const statementNameOf = (client: OpenableClient, text: unknown): string | undefined =>
  typeof text === 'string' && naming.has(client) ? statementNames.get(text) : undefined;

/** What pg's Client keeps of the statements parsed on its connection (pg/lib/client.js, not in @types/pg). */
type NamingClient = OpenableClient & { connection?: { parsedStatements?: Record<string, string> } };

/**
 * A named statement the server does not have (SQLSTATE 26000) while pg believes it parsed (pg closes a statement
 * whose values fail to serialise after recording its ParseComplete; a DEALLOCATE) is forgotten: the query that met
 * it fails, and the next one parses it again instead of failing the same way for the connection's lifetime.
 */
function forgetMissing(client: NamingClient, name: string, result: unknown): unknown {
  return Promise.resolve(result).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === '26000') delete client.connection?.parsedStatements?.[name];
    throw error;
  });
}

/** A statement with no `;` before its end can be Parsed alone (the extended protocol takes one statement a message). */
const singleStatement = (text: string) => !/;\s*\S/.test(text);

/** What `armOpening` leaves for the next query: the statements to send in front of it and after it. */
interface Armed {
  opening: readonly string[];
  closing: readonly string[];
}

/**
 * Makes `client`'s next `query(text, values?)` carry `opening` in front of it and `closing` after it (see
 * OpenedQuery). Until it does, `disarm` takes them back unsent. Installed once per pooled client; a query while
 * nothing is armed is pg's own. A text holding several statements cannot go behind Parse, so its opening is sent
 * first and its closing after it, unpipelined.
 */
export function armOpening(client: OpenableClient, opening: readonly string[], closing: readonly string[] = []): void {
  wrap(client);
  (client as OpenableClient & { [WAITING]?: Armed })[WAITING] = { opening, closing };
}

/** Installs, once per pooled client, the query that carries an armed opening and names the `prepared` texts. */
function wrap(client: OpenableClient): void {
  if (wrapped.has(client)) return;
  wrapped.add(client);
  const holder = client as OpenableClient & { [WAITING]?: Armed };
  // pg's own query, looked up at each call (a counter may wrap the prototype's later: bench, statements test).
  const original: QueryFn = function (this: OpenableClient, ...args: unknown[]) {
    return (Object.getPrototypeOf(this) as OpenableClient).query.apply(this, args);
  };
  client.query = function query(this: OpenableClient, ...args: unknown[]) {
    const [config, values, callback] = args;
    const armed = holder[WAITING];
    const plain = typeof config === 'string' && callback === undefined && (values === undefined || Array.isArray(values));
    const name = plain ? statementNameOf(this, config) : undefined;
    if (!armed) return name ? forgetMissing(this, name, original.call(this, { name, text: config, values })) : original.apply(this, args);
    holder[WAITING] = undefined;
    if (!plain || !singleStatement(config)) return unpipelined(this, original, armed, args);
    const sent = new Promise((resolve, reject) => {
      original.call(
        this,
        new OpenedQuery(
          armed.opening,
          config,
          (values as unknown[] | undefined) ?? [],
          (e, r) => (e ? reject(e) : resolve(r)),
          armed.closing,
          name,
        ),
      );
    });
    return name ? forgetMissing(this, name, sent) : sent;
  };
}

/** The armed statements and the query one after another, for a query OpenedQuery cannot carry. */
async function unpipelined(client: OpenableClient, original: QueryFn, { opening, closing }: Armed, args: unknown[]): Promise<unknown> {
  if (opening.length) await original.call(client, opening.join('; '));
  const result = await (original.apply(client, args) as Promise<unknown>);
  if (closing.length) await original.call(client, closing.join('; '));
  return result;
}

/** Takes back what `armOpening` left that no query carried; true when there was something (nothing was sent). */
export function disarm(client: OpenableClient): boolean {
  const holder = client as OpenableClient & { [WAITING]?: Armed };
  const unsent = holder[WAITING] !== undefined;
  holder[WAITING] = undefined;
  return unsent;
}
