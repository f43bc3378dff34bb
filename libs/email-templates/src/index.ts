export * from './render';
export * from './brand';
export { toInstant } from './formatters';
