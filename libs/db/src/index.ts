export * from './entities';
export * from './migrations';
export * from './tenancy/with-tenant';
export * from './data-source';
export * from './runtime-role';
export * from './writes/recipients';
export * from './writes/outbox';
export * from './writes/audit';
