import ar from './catalogs/ar.json';
import de from './catalogs/de.json';
import en from './catalogs/en.json';
import ja from './catalogs/ja.json';
import nb from './catalogs/nb.json';
import zhHant from './catalogs/zh-Hant.json';
import { concernsField, problemMessage, type ApiErrorCode } from './api-error-messages';

const known = (code: string): code is ApiErrorCode => Object.hasOwn(en.apiErrors, code);

describe('problemMessage', () => {
  it('says a known code from the catalog, never the API text with its field name', () => {
    expect(problemMessage({ code: 'blank', field: 'whatHappened', message: 'whatHappened must not be only spaces' }, known)).toEqual({
      key: 'apiErrors.blank',
    });
    expect(problemMessage({ code: 'forbidden', message: 'Your role (client_member) may not read Tenant' }, known)).toEqual({
      key: 'apiErrors.forbidden',
    });
  });

  it('keeps a plain sentence for a generic code, and hides one that names identifiers', () => {
    expect(problemMessage({ code: 'conflict', message: 'An account with this email already exists' }, known)).toEqual({
      text: 'An account with this email already exists',
    });
    expect(problemMessage({ code: 'bad_request', message: 'disclosureId must be a disclosure of this engagement' }, known)).toEqual({
      key: 'apiErrors.invalid',
    });
    expect(problemMessage({ code: 'some_new_code', message: 'remedyPlan is missing' }, known)).toEqual({ key: 'apiErrors.invalid' });
  });

  it('matches nested and indexed field paths to the form field', () => {
    expect(concernsField('settings.timerLimitHours', 'settings')).toBe(true);
    expect(concernsField('files[0]', 'files')).toBe(true);
    expect(concernsField('hourlyRateX', 'hourlyRate')).toBe(false);
  });

  it('has every code translated (not copied from English) in all six languages', () => {
    for (const catalog of [de, nb, ja, zhHant, ar]) {
      for (const [code, text] of Object.entries(en.apiErrors)) {
        const translated = (catalog.apiErrors as Record<string, string>)[code];
        expect(translated).toBeTruthy();
        expect(translated).not.toBe(text);
      }
    }
  });
});
