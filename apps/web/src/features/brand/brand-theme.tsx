import { useEffect, type ReactNode } from 'react';
import { SiteName } from '../../ui';
import type { Brand } from './brand-endpoints';

const FAVICON = '/favicon.svg';

/** Points the tab's icon at `href` (the logo, or Candor's mark back). */
function setFavicon(href: string, type: string) {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  link.href = href;
  link.type = type;
}

/**
 * Dresses the portal in the agency's brand: its colour as CSS custom properties on the root (buttons,
 * links, focus rings and their tints derive from `--brand` in base.css), its logo as the favicon, its
 * name in every document title. Without a brand, or when the shell goes, Candor's own look comes back.
 */
export function BrandTheme({ brand, children }: { brand: Brand | undefined; children: ReactNode }) {
  const color = brand?.customized ? brand.primaryColor : null;
  const onPrimary = brand?.customized ? brand.onPrimary : null;
  const logo = brand?.logoUrl ?? null;
  useEffect(() => {
    const root = document.documentElement.style;
    if (color && onPrimary) {
      root.setProperty('--brand', color);
      root.setProperty('--brand-contrast', onPrimary);
    }
    if (logo) setFavicon(logo, '');
    return () => {
      root.removeProperty('--brand');
      root.removeProperty('--brand-contrast');
      if (logo) setFavicon(FAVICON, 'image/svg+xml');
    };
  }, [color, onPrimary, logo]);
  return <SiteName.Provider value={brand?.customized ? brand.name : 'Candor'}>{children}</SiteName.Provider>;
}
