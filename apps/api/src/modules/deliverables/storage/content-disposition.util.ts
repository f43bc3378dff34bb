/**
 * `attachment` with a plain ASCII fallback name and the exact name as RFC 5987 UTF-8: quotes,
 * backslashes and anything outside printable ASCII never reach the quoted form.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
