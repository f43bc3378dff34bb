import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { SkipLink } from './skip-link';

/** Signed-out pages: the brand, a language choice, one centered card. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell shell-public">
      <SkipLink />
      <header className="app-header">
        <div className="app-header-bar">
          <Brand />
          <div className="app-header-tools">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public-footer">{t('shell.footer')}</footer>
    </div>
  );
}
