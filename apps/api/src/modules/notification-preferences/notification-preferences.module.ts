import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationPreferencesService } from './notification-preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

@Module({
  controllers: [NotificationPreferencesController, UnsubscribeController],
  providers: [NotificationPreferencesService, NotificationPreferencesRepository],
})
export class NotificationPreferencesModule {}
