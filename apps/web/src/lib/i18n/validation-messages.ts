import type en from './catalogs/en.json';

/** A key of the catalog's validation section, the only thing a form schema may give as a message. */
export type ValidationMessage = `validation.${keyof (typeof en)['validation']}`;

/** Checked at compile time against the English catalog. */
export const validationMessage = (key: keyof (typeof en)['validation']): ValidationMessage => `validation.${key}`;
