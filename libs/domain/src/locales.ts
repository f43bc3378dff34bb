/** Locales the product speaks; emails fall back to English where a template has no translation. */
export const DEFAULT_LOCALE = 'en';
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
