import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '@candor/domain';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, description: 'staff roles change among staff roles, client roles among client roles' })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;
}
