import { Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { createFileStorage } from '../deliverables/storage/create-file-storage';
import { FILE_STORAGE } from '../deliverables/storage/file-storage';
import { BrandController } from './brand.controller';
import { BrandRepository } from './brand.repository';
import { BrandService } from './brand.service';
import { PublicBrandLogoController } from './public-brand-logo.controller';

/** The agency's brand (issue 17). Its logo lives in the deliverables' upload storage (disk or S3). */
@Module({
  controllers: [BrandController, PublicBrandLogoController],
  providers: [
    BrandRepository,
    BrandService,
    { provide: FILE_STORAGE, useFactory: (config: ApiConfig) => createFileStorage(config), inject: [API_CONFIG] },
  ],
  exports: [BrandRepository, BrandService],
})
export class BrandModule {}
