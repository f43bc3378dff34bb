import 'i18next';
import type en from './catalogs/en.json';

// English is the reference catalog: every t() key is checked against it at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
