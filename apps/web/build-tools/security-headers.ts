/**
 * The web app's Content-Security-Policy, sent by `vite preview` (what `npm start` serves) and, in the
 * same words, by docker/nginx.conf: its own scripts and styles only, images also as data: URLs (the
 * two-factor QR code), API calls to its own origin, never framed.
 */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};
