import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** One resolved address of a host. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (injectable, so tests can make a name point anywhere). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * `WEBHOOK_HOSTS` ("name=address,name=address"): host names resolved from this list alone, never from DNS. For tests
 * (no query leaves the machine for a generated host name) and closed networks; empty: the system's resolver.
 */
export function parseHostMap(value: string): Record<string, string> | null {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => entry.split('=').map((part) => part.trim()) as [string, string]);
  if (!entries.length) return null;
  for (const [name, address] of entries) if (!name || !address || !ipaddr.isValid(address)) throw new Error(`not name=address: ${name}`);
  return Object.fromEntries(entries.map(([name, address]) => [name.toLowerCase(), address]));
}

/** Whether `value` is a host map {@link parseHostMap} reads (empty counts). */
export function isHostMap(value: string): boolean {
  try {
    parseHostMap(value);
    return true;
  } catch {
    return false;
  }
}

/** The resolver of a host map (see {@link parseHostMap}): a name not in it does not resolve. */
export function hostMapResolver(hosts: Record<string, string> | null): HostResolver {
  if (!hosts) return systemResolver;
  return (hostname) => {
    const address = hosts[hostname.toLowerCase()];
    if (!address) return Promise.reject(new Error(`${hostname} is not in WEBHOOK_HOSTS`));
    return Promise.resolve([{ address, family: ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4 }]);
  };
}

export interface WebhookUrlPolicy {
  /** Only https:// (production). */
  httpsOnly: boolean;
  /** Addresses or CIDRs allowed even though they are private (tests, self-hosting): `WEBHOOK_ALLOW_PRIVATE_NETWORKS`. */
  allowedNetworks: string[];
  resolve?: HostResolver;
}

/** A URL refused as a webhook target; the message is plain English, fit for a 400. */
export class WebhookUrlRefused extends Error {
  override readonly name = 'WebhookUrlRefused';
}

/** A URL checked for delivery: the addresses it resolved to, all public (or allowed), to pin the connection to. */
export interface CheckedWebhookUrl {
  url: URL;
  addresses: ResolvedAddress[];
}

/** A name that does not resolve within this long is refused (a hung DNS server must not hold a request or a delivery). */
const RESOLVE_TIMEOUT_MS = 5000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS timeout')), RESOLVE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** ipaddr.js's ranges that are not the public internet: loopback, private, link-local, unique-local, CGNAT, multicast, ... */
const PUBLIC_RANGE = 'unicast';

/** The one CIDR list parser, shared by both apps' configuration. */
export function parseNetworks(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) =>
      entry.includes('/') ? ipaddr.parseCIDR(entry) : ipaddr.parseCIDR(`${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`),
    );
}

/** Whether each entry of a comma-separated list is an address or a CIDR. */
export function isNetworkList(value: string): boolean {
  try {
    parseNetworks(value);
    return true;
  } catch {
    return false;
  }
}

function isAllowed(address: string, allowed: string[]): boolean {
  let parsed = ipaddr.parse(address);
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.range() === PUBLIC_RANGE) return true;
  return parseNetworks(allowed.join(',')).some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
}

/**
 * Checks a webhook URL against server-side request forgery: http(s) only (https only in production),
 * no credentials, and every address the host resolves to must be on the public internet, unless
 * listed in `allowedNetworks`. Run at registration and again before each delivery, whose connection
 * is then pinned to the addresses checked here (so a DNS answer changed in between cannot slip in).
 */
export async function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): Promise<CheckedWebhookUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRefused('The endpoint URL is not a valid address.');
  }
  if (url.protocol !== 'https:' && (policy.httpsOnly || url.protocol !== 'http:')) {
    throw new WebhookUrlRefused(
      policy.httpsOnly ? 'The endpoint URL must start with https://.' : 'The endpoint URL must start with https:// or http://.',
    );
  }
  if (url.username || url.password) throw new WebhookUrlRefused('The endpoint URL must not contain a user name or password.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: ipaddr.parse(host).toString(), family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await withinTimeout((policy.resolve ?? systemResolver)(host));
    } catch {
      throw new WebhookUrlRefused(`The endpoint's host name ${host} could not be resolved.`);
    }
    if (!addresses.length) throw new WebhookUrlRefused(`The endpoint's host name ${host} could not be resolved.`);
  }
  const refused = addresses.find((a) => !isAllowed(a.address, policy.allowedNetworks));
  if (refused) {
    throw new WebhookUrlRefused(
      `The endpoint URL points to a private, loopback or link-local address (${refused.address}); webhooks go only to public addresses.`,
    );
  }
  return { url, addresses };
}
