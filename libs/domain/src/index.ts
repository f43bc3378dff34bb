export * from './roles/role';
export * from './authorization/actor';
export * from './authorization/ability';
export * from './security/sealed-box';
export * from './locales';
