import { ApiProperty } from '@nestjs/swagger';
import { TenantSettingsDto } from './update-tenant.dto';

export class TenantResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() defaultLocale: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: TenantSettingsDto, description: 'every setting, defaults filled in' }) settings: Required<TenantSettingsDto>;
}
