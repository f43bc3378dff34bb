// Browser-safe: pure rules and lists, no I/O and no Node built-ins, so apps/web imports this too.
// Node-only rules (node:crypto) live in @candor/domain-node.
export * from './roles/role';
export * from './authorization/actor';
export * from './authorization/api-key-scope';
export * from './authorization/ability';
export * from './authorization/scope';
export * from './locales';
export * from './tenancy/tenant-settings';
export * from './work-logs/time-entry';
export * from './money/decimal';
export * from './disclosures/disclosure-lifecycle';
export * from './disclosures/compensation';
export * from './disclosures/blameless';
export * from './deliverables/revision-rounds';
export * from './notifications/notification-events';
export * from './engagements/engagement-status';
export * from './work-logs/work-log-status';
export * from './timesheets/timesheet-lists';
export * from './comments/comment-visibility';
export * from './disclosures/follow-ups';
export * from './notifications/delivery-states';
export * from './roles/audience';
export * from './branding/brand-colour';
export * from './branding/brand';
export * from './webhooks/webhook-event-types';
export * from './invoices/invoice-money';
export * from './invoices/invoice-calculation';
