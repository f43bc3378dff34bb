import { Module } from '@nestjs/common';
import { DeliveryFailuresController } from './delivery-failures.controller';
import { DeliveryFailuresRepository } from './delivery-failures.repository';
import { DeliveryFailuresService } from './delivery-failures.service';

@Module({
  controllers: [DeliveryFailuresController],
  providers: [DeliveryFailuresService, DeliveryFailuresRepository],
})
export class DeliveryFailuresModule {}
