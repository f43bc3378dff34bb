import { Module } from '@nestjs/common';
import { DomainsController } from './domains.controller';
import { DomainsRepository } from './domains.repository';
import { DomainsService } from './domains.service';
import { PortalResolver } from './portal-resolver.service';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';
import { txtResolverProvider } from './txt-resolver.provider';

/** Each agency's portal address: `/a/<slug>`, `<slug>.<base domain>` and a custom domain proven by a TXT record. */
@Module({
  controllers: [DomainsController, PortalController],
  providers: [DomainsService, DomainsRepository, PortalRepository, PortalResolver, txtResolverProvider],
  exports: [PortalResolver],
})
export class PortalAddressModule {}
