/**
 * A list of code-owned constants (statuses, roles, kinds from libs/domain) as SQL literals, for
 * `status IN (${sqlList(OPEN_DELIVERABLE_STATUSES)})`: the TS constant stays the one source. Never pass user input.
 */
export function sqlList(values: readonly string[]): string {
  if (!values.length) throw new Error('sqlList needs at least one value');
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
