import type { Scope } from '@candor/domain';

/** The columns of a query that the scope is tested against (SQL expressions, e.g. `w.engagement_id`). */
export interface ScopeColumns {
  /** The row's engagement; leave out for rows that belong to a client account only. */
  engagementId?: string;
  clientAccountId: string;
}

/**
 * The SQL condition that keeps a query inside `scope`, binding values through `bind` (which returns the
 * placeholder: `$3` or `:p3`). Always returns a condition; the whole tenant is `TRUE` (RLS and the
 * tenant_id predicate still apply).
 */
export function scopeCondition(scope: Scope, columns: ScopeColumns, bind: (value: unknown) => string): string {
  switch (scope.kind) {
    case 'tenant':
      return 'TRUE';
    case 'engagements':
      return columns.engagementId
        ? `${columns.engagementId} = ANY(${bind([...scope.engagementIds])}::uuid[])`
        : `${columns.clientAccountId} = ANY(${bind([...scope.clientAccountIds])}::uuid[])`;
    case 'client_account':
      return `${columns.clientAccountId} = ${bind(scope.clientAccountId)}`;
  }
}

/** `scopeCondition` for raw SQL with positional parameters: appends to `params`. */
export function scopeWhere(scope: Scope, columns: ScopeColumns, params: unknown[]): string {
  return scopeCondition(scope, columns, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
}

/** `scopeCondition` for a TypeORM query builder: named parameters `scope0`, `scope1`, ... */
export function scopeNamed(scope: Scope, columns: ScopeColumns): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const sql = scopeCondition(scope, columns, (value) => {
    const name = `scope${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  });
  return { sql, params };
}

/**
 * An assistant's scope for one row of `engagementColumn`, with the assignments read inside the same
 * statement: the same rows as `scopeCondition` of the scope `scopeOf` builds from those assignments.
 */
export function assignedCondition(engagementColumn: string, tenantId: string, userId: string, bind: (value: unknown) => string): string {
  return `EXISTS (SELECT 1 FROM engagement_assistants ea
    WHERE ea.tenant_id = ${bind(tenantId)} AND ea.engagement_id = ${engagementColumn} AND ea.user_id = ${bind(userId)})`;
}
