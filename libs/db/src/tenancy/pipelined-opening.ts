import { Query, type QueryConfig, type QueryResult } from 'pg';

/** What pg's Connection offers a query that writes its own protocol messages (pg/lib/connection.js). */
interface WireConnection {
  parse(config: { text: string }): void;
  bind(config: { values: unknown[] }): void;
  execute(config: Record<string, never>): void;
  stream: { cork?: () => void; uncork?: () => void };
}

/** The parts of pg's Query a subclass reaches (not in @types/pg). */
interface QueryInternals {
  prepare(connection: WireConnection): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
}
type ExtendedQueryConfig = QueryConfig & { queryMode: 'extended'; callback: (error: Error | null, result: QueryResult) => void };
const QueryBase = Query as unknown as new (config: ExtendedQueryConfig) => QueryInternals;

/**
 * A query sent behind statements that open its transaction, in ONE write and ONE round trip: each opening
 * statement as Parse/Bind/Execute, then the query as pg would send it (Parse/Bind/Describe/Execute), then one
 * Sync. PostgreSQL runs the messages in order, so `START TRANSACTION` and the tenant's `SET LOCAL` still come
 * first in the transaction; an error in any of them skips the rest (up to the Sync) and answers that error.
 * The opening statements' own completions are not results: the query answers only its own rows.
 */
export class OpenedQuery extends QueryBase {
  private unanswered: number;

  constructor(
    readonly opening: readonly string[],
    readonly text: string,
    readonly values: unknown[],
    callback: (error: Error | null, result: QueryResult) => void,
  ) {
    super({ text, values, queryMode: 'extended', callback });
    this.unanswered = opening.length;
  }

  override prepare(connection: WireConnection): void {
    for (const statement of this.opening) {
      connection.parse({ text: statement });
      connection.bind({ values: [] });
      connection.execute({});
    }
    super.prepare(connection);
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (this.unanswered > 0) {
      this.unanswered -= 1;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

type QueryFn = (...args: unknown[]) => unknown;
interface OpenableClient {
  query: QueryFn;
}

const WAITING = Symbol('candor.opening');
const wrapped = new WeakSet<object>();

/** A statement with no `;` before its end can be Parsed alone (the extended protocol takes one statement a message). */
const singleStatement = (text: string) => !/;\s*\S/.test(text);

/**
 * Makes `client`'s next `query(text, values?)` carry `opening` in front of it (see OpenedQuery). Until it does,
 * `disarm` takes the opening back unsent. Installed once per pooled client; a query while nothing is armed is
 * pg's own. A text holding several statements cannot go behind Parse, so its opening is sent first, unpipelined.
 */
export function armOpening(client: OpenableClient, opening: readonly string[]): void {
  const holder = client as OpenableClient & { [WAITING]?: readonly string[] };
  if (!wrapped.has(client)) {
    wrapped.add(client);
    // pg's own query, looked up at each call (a counter may wrap the prototype's later: bench, statements test).
    const original: QueryFn = function (this: OpenableClient, ...args: unknown[]) {
      return (Object.getPrototypeOf(this) as OpenableClient).query.apply(this, args);
    };
    client.query = function query(this: OpenableClient, ...args: unknown[]) {
      const [config, values, callback] = args;
      const armed = holder[WAITING];
      if (!armed) return original.apply(this, args);
      holder[WAITING] = undefined;
      if (
        typeof config !== 'string' ||
        callback !== undefined ||
        (values !== undefined && !Array.isArray(values)) ||
        !singleStatement(config)
      ) {
        return (original.call(this, armed.join('; ')) as Promise<unknown>).then(() => original.apply(this, args));
      }
      return new Promise((resolve, reject) => {
        original.call(
          this,
          new OpenedQuery(armed, config, (values as unknown[] | undefined) ?? [], (e, r) => (e ? reject(e) : resolve(r))),
        );
      });
    };
  }
  holder[WAITING] = opening;
}

/** Takes back an opening `armOpening` left that no query carried; true when there was one (nothing was sent). */
export function disarm(client: OpenableClient): boolean {
  const holder = client as OpenableClient & { [WAITING]?: readonly string[] };
  const unsent = holder[WAITING] !== undefined;
  holder[WAITING] = undefined;
  return unsent;
}
