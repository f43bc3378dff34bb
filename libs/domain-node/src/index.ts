// The domain's rules that need Node (node:crypto): sealing secrets, hashing tokens, signing links.
// Kept out of @candor/domain so that lib stays importable from the browser.
export * from './sealed-box';
export * from './unsubscribe-token';
export * from './webhook-url-guard';
export * from './webhook-signing';
