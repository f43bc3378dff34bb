export * from './roles/role';
export * from './authorization/actor';
export * from './authorization/ability';
export * from './security/sealed-box';
export * from './locales';
export * from './tenancy/tenant-settings';
export * from './work-logs/time-entry';
export * from './money/decimal';
