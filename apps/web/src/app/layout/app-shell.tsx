import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { MemberProvider, useMeQuery, useSaveProfileLocale } from '../../features/me/current-member';
import { adoptProfileLocale } from '../../lib/i18n/i18n';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import type { Me } from '../../features/me/me-endpoints';
import { logsTime } from '@candor/domain';
import { useSession } from '../../lib/session';
import { TimerBar } from '../../features/work-logs/timer-bar';
import type { Brand as AgencyBrand } from '../../features/brand/brand-endpoints';
import { useBrand } from '../../features/brand/brand-queries';
import { BrandTheme } from '../../features/brand/brand-theme';
import { Button, Card, ErrorAlert, Loading, PageTitle } from '../../ui';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';
import { SkipLink } from './skip-link';

function Header({ member, brand }: { member: Me; brand?: AgencyBrand }) {
  const { t } = useTranslation();
  const saveLocale = useSaveProfileLocale();
  // On a phone the navigation folds into a menu, so every item stays reachable; it closes on arrival.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <header className="app-header">
      <div className="app-header-bar">
        <Brand tenantName={member.tenant.name} brand={brand} />
        <div className="app-header-tools">
          <LanguageSwitcher onChosen={saveLocale} />
          <p className="member-chip">
            <Link to="/profile" className="member-name" title={t('profile.title')}>
              {member.user.displayName}
            </Link>
            <span className="member-role">{t(`roles.${member.role}`)}</span>
          </p>
          <NavLink to="/profile/security" className="button button-secondary" data-testid="security-link">
            {t('security.menuLink')}
          </NavLink>
          <SignOutButton />
        </div>
      </div>
      <nav className="app-nav" aria-label={t('shell.mainNavigation')}>
        <button
          type="button"
          className="app-nav-toggle"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="app-nav-toggle-icon" aria-hidden="true" />
          {t('shell.menu')}
        </button>
        <ul id={menuId} data-open={menuOpen}>
          {navItemsFor(member.role).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/' || item.to === '/settings'} className="app-nav-link">
                {t(`nav.${item.label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function ShellFrame({ member, brand, children }: { member?: Me; brand?: AgencyBrand; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <SkipLink />
      {member ? (
        <Header member={member} brand={brand} />
      ) : (
        <header className="app-header">
          <div className="app-header-bar">
            <Brand />
          </div>
        </header>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      {brand?.customized ? (
        <footer className="app-footer" data-testid="brand-footer">
          {brand.footerText ? <p dir="auto">{brand.footerText}</p> : null}
          <small>{t('shell.poweredBy')}</small>
        </footer>
      ) : null}
    </div>
  );
}

function SignedInShell() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const brand = useBrand(me.isSuccess).data;
  const messages = useErrorMessages();
  const profileLocale = me.data?.user.locale;

  useEffect(() => {
    if (profileLocale) void adoptProfileLocale(profileLocale);
  }, [profileLocale]);

  if (me.isPending) {
    return (
      <ShellFrame>
        <Loading label={t('common.loading')} />
      </ShellFrame>
    );
  }
  if (me.isError) {
    return (
      <ShellFrame>
        <div className="centered">
          <Card title={t('shell.loadFailed')}>
            <PageTitle>{t('shell.loadFailed')}</PageTitle>
            <ErrorAlert messages={messages(me.error)} />
            <div className="card-actions">
              <Button variant="primary" onClick={() => void me.refetch()}>
                {t('common.tryAgain')}
              </Button>
              <SignOutButton />
            </div>
          </Card>
        </div>
      </ShellFrame>
    );
  }
  return (
    <MemberProvider member={me.data}>
      <BrandTheme brand={brand}>
        <ShellFrame member={me.data} brand={brand}>
          {logsTime(me.data.role) ? <TimerBar /> : null}
          <div className="page">
            <Outlet />
          </div>
        </ShellFrame>
      </BrandTheme>
    </MemberProvider>
  );
}

/** The signed-in product: header, role-aware navigation, the page. Visitors without a session go to sign in. */
export function AppShell() {
  const current = useSession();
  const location = useLocation();
  if (!current) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <SignedInShell />;
}
