// The scope's SQL lives in @candor/db, beside the tenant transaction, so the worker's digest uses it too.
export { scopeCondition, scopeNamed, scopeWhere, type ScopeColumns } from '@candor/db';
