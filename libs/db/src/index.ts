export * from './entities';
export * from './migrations';
export * from './tenancy/with-tenant';
export * from './data-source';
export * from './runtime-role';
