export * from './endpoints';
export { refreshSession } from './client';
export { ApiError, detailsByField, isPlainSentence, type ApiProblem } from './errors';
export * from './work-endpoints';
export * from './disclosure-endpoints';
export * from './deliverable-endpoints';
export * from './profile-endpoints';
