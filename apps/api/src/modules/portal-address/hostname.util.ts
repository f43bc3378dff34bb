import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why a hostname cannot be an agency's custom domain; each is said in plain words to the owner. */
export type HostnameRefusal = 'malformed' | 'ip_address' | 'local' | 'ours';

export const HOSTNAME_REFUSALS: Record<HostnameRefusal, string> = {
  malformed: 'Enter a domain name such as portal.youragency.com.',
  ip_address: 'Enter a domain name, not an IP address.',
  local: 'Enter a public domain name: local names cannot get a certificate.',
  ours: 'This address is part of Candor itself; use a domain your agency owns.',
};

/** A host as the Host header or a form gives it: lower-case ASCII (IDNA), no port, no trailing dot; '' when unreadable. */
export function normalizeHostname(input: string): string {
  let host = input.trim().toLowerCase();
  if (host.startsWith('[')) return host; // an IPv6 literal, with or without a port
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  return host ? domainToASCII(host) : '';
}

/** `host` is `base` or under it. */
export const isUnder = (host: string, base: string): boolean => host === base || host.endsWith(`.${base}`);

/**
 * The hostname an owner asks for, normalised, or why it is refused: it must be a public DNS name with a
 * dot, not an address, not a local name, and not Candor's own (the web address or the base domain).
 */
export function checkCustomHostname(input: string, ours: readonly string[]): { hostname: string } | { refusal: HostnameRefusal } {
  const raw = input.trim().replace(/\.$/, '');
  if (isIP(raw) || isIP(raw.replace(/^\[|\]$/g, ''))) return { refusal: 'ip_address' };
  if (/[\s/:@?#]/.test(raw)) return { refusal: 'malformed' };
  const hostname = raw ? domainToASCII(raw.toLowerCase()) : '';
  if (!hostname || hostname.length > 253) return { refusal: 'malformed' };
  if (['localhost', 'local', 'internal', 'localdomain', 'home.arpa'].some((local) => isUnder(hostname, local))) return { refusal: 'local' };
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
    return { refusal: 'malformed' };
  }
  if (isIP(hostname)) return { refusal: 'ip_address' };
  if (ours.some((base) => base && isUnder(hostname, base))) return { refusal: 'ours' };
  return { hostname };
}
