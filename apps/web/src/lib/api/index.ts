export * from './endpoints';
export { refreshSession } from './client';
export { ApiError, errorMessages, toErrorMessages } from './errors';
