import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ROLES, type Role } from '@candor/domain';

export class ListMembersQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: "a client account's people" })
  @IsOptional()
  @IsUUID('4', { message: 'clientAccountId must be a client account id' })
  clientAccountId?: string;
}
