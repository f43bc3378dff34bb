/**
 * The positional parameters of one statement built from parts: `bind(value)` appends the value and
 * answers its placeholder (`$3`), so SQL written by several functions numbers its parameters as one.
 */
export class SqlParams {
  readonly values: unknown[];

  constructor(...values: unknown[]) {
    this.values = values;
  }

  readonly bind = (value: unknown): string => `$${this.values.push(value)}`;
}

/** Part of a statement that writes several things at once: one or more CTE definitions (`name AS (...)`), values bound through `bind`. */
export type CtePart = (bind: (value: unknown) => string) => string;

/** Runs `parts` as the CTEs of one statement (PostgreSQL runs every data-modifying CTE once, referenced or not). */
export async function writeTogether(manager: { query(sql: string, params: unknown[]): Promise<unknown> }, parts: CtePart[]): Promise<void> {
  if (!parts.length) return;
  const params = new SqlParams();
  await manager.query(`WITH ${parts.map((part) => part(params.bind)).join(',\n')} SELECT 1`, params.values);
}
