/**
 * The agency of an `/a/<slug>/...` link, kept for this tab: a link from an email opens the page inside the
 * app, and if sign-in is needed first, the sign-in page still shows (and signs in to) that agency.
 */
const KEY = 'candor.portalSlug';
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function rememberPortalSlug(slug: string): void {
  if (SLUG.test(slug)) sessionStorage.setItem(KEY, slug);
}

export function rememberedPortalSlug(): string | undefined {
  const slug = sessionStorage.getItem(KEY);
  return slug && SLUG.test(slug) ? slug : undefined;
}

/** Where an `/a/<slug>/<rest>` address leads inside the app: the agency's sign-in page, or the page itself. */
export function portalTarget(rest: string | undefined, search: string): { login: true } | { login: false; to: string } {
  const path = (rest ?? '').replace(/^\/+|\/+$/g, '');
  if (path === '' || path === 'login') return { login: true };
  return { login: false, to: `/${path}${search}` };
}
