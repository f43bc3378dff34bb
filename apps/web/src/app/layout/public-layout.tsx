import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { BrandTheme } from '../../features/brand/brand-theme';
import { usePortal } from '../../features/portal-address/portal-address-queries';
import { rememberedPortalSlug } from '../../features/portal-address/portal-slug';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { SkipLink } from './skip-link';

/** The agency of an `/a/<slug>/...` address, else the one this tab came from (the Host decides otherwise). */
function portalSlugOf(pathname: string): string | undefined {
  return /^\/a\/([a-z0-9][a-z0-9-]{1,62})(\/|$)/.exec(pathname)?.[1] ?? rememberedPortalSlug();
}

/**
 * Signed-out pages: the brand, a language choice, one centered card. At an agency's address (its domain,
 * subdomain or `/a/<slug>`) they wear the agency's brand, with Candor once, small, in the footer.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const brand = usePortal(portalSlugOf(pathname)).data?.brand;
  return (
    <BrandTheme brand={brand}>
      <div className="shell shell-public">
        <SkipLink />
        <header className="app-header">
          <div className="app-header-bar">
            <Brand brand={brand} />
            <div className="app-header-tools">
              <LanguageSwitcher />
            </div>
          </div>
        </header>
        <main id="main" className="public-main" tabIndex={-1}>
          <Outlet />
        </main>
        {brand?.customized ? (
          <footer className="public-footer" data-testid="brand-footer">
            {brand.footerText ? <p dir="auto">{brand.footerText}</p> : null}
            <small>{t('shell.poweredBy')}</small>
          </footer>
        ) : (
          <footer className="public-footer">{t('shell.footer')}</footer>
        )}
      </div>
    </BrandTheme>
  );
}
