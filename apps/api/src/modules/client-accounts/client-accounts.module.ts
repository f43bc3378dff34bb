import { Module } from '@nestjs/common';
import { ClientAccountsController } from './client-accounts.controller';
import { ClientAccountsRepository } from './client-accounts.repository';
import { ClientAccountsService } from './client-accounts.service';

@Module({
  controllers: [ClientAccountsController],
  providers: [ClientAccountsService, ClientAccountsRepository],
  exports: [ClientAccountsRepository, ClientAccountsService],
})
export class ClientAccountsModule {}
