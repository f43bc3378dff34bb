import { AuditEvent } from './audit-event.entity';
import { ClientAccount } from './client-account.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { Notification } from './notification.entity';
import { RefreshToken } from './refresh-token.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

export { AuditEvent, ClientAccount, Invitation, Membership, Notification, RefreshToken, Tenant, User };
export type { NotificationStatus } from './notification.entity';

export const ENTITIES = [Tenant, User, Membership, ClientAccount, Invitation, RefreshToken, Notification, AuditEvent];
