export { refreshSession } from './client';
export { ApiError, detailsByField, isPlainSentence, type ApiProblem } from './errors';
