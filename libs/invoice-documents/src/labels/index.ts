import type { InvoiceLocale } from '../invoice-document';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { ja } from './ja';
import type { Labels } from './labels';
import { nb } from './nb';
import { zhHant } from './zh-Hant';

export type { Labels } from './labels';

/** The catalog: a language missing a word does not compile. */
export const LABELS: Record<InvoiceLocale, Labels> = { en, de, nb, ja, 'zh-Hant': zhHant, ar };

/** A label with its `{name}` placeholders filled in. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
