import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClientAccountsModule } from '../client-accounts/client-accounts.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AuthModule, ClientAccountsModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, InvitationsRepository],
})
export class InvitationsModule {}
