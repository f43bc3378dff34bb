import type { Provider } from '@nestjs/common';
import { Resolver } from 'node:dns/promises';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';

/** What the custom-domain check needs of DNS: the TXT records at a name (each record's strings). */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}

export const TXT_RESOLVER = Symbol('TXT_RESOLVER');

/** node:dns's Resolver, asking `DNS_SERVERS` when set (tests point it at a local DNS server), else the system's. */
export const txtResolverProvider: Provider = {
  provide: TXT_RESOLVER,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): TxtResolver => {
    const resolver = new Resolver({ timeout: 3000, tries: 2 });
    if (config.DNS_SERVERS.length) resolver.setServers(config.DNS_SERVERS);
    return resolver;
  },
};
