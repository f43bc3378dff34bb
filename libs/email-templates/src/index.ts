export * from './render';
export * from './brand';
export * from './template-names';
export { toInstant } from './formatters';
