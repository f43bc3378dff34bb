import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

@Module({ controllers: [NotificationPreferencesController, UnsubscribeController], providers: [NotificationPreferencesService] })
export class NotificationPreferencesModule {}
