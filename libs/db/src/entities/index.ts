import { AuditEvent } from './audit-event.entity';
import { AuthChallenge } from './auth-challenge.entity';
import { ClientAccount } from './client-account.entity';
import { Comment } from './comment.entity';
import { Engagement } from './engagement.entity';
import { EngagementAssistant } from './engagement-assistant.entity';
import { EngagementRate } from './engagement-rate.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { Notification } from './notification.entity';
import { RecoveryCode } from './recovery-code.entity';
import { RefreshToken } from './refresh-token.entity';
import { Session } from './session.entity';
import { ShareLink } from './share-link.entity';
import { Tenant } from './tenant.entity';
import { TimesheetWeek } from './timesheet-week.entity';
import { User } from './user.entity';
import { WorkLog } from './work-log.entity';
import { WorkLogRevision } from './work-log-revision.entity';

export {
  AuditEvent,
  AuthChallenge,
  RecoveryCode,
  Session,
  ClientAccount,
  Comment,
  Engagement,
  EngagementAssistant,
  EngagementRate,
  Invitation,
  Membership,
  Notification,
  RefreshToken,
  ShareLink,
  Tenant,
  TimesheetWeek,
  User,
  WorkLog,
  WorkLogRevision,
};
export type { NotificationStatus } from './notification.entity';
export type { EngagementStatus, WorkingAgreement } from './engagement.entity';
export type { TimesheetWeekStatus } from './timesheet-week.entity';
export type { WorkLogSource, WorkLogStatus } from './work-log.entity';
export type { CommentKind, CommentSubject, CommentVisibility } from './comment.entity';
export type { ReportPeriod } from './share-link.entity';
export type { SignInMethod } from './session.entity';
export type { ChallengePurpose } from './auth-challenge.entity';

export const ENTITIES = [
  Tenant,
  User,
  Membership,
  ClientAccount,
  Invitation,
  RefreshToken,
  Notification,
  AuditEvent,
  Engagement,
  EngagementAssistant,
  EngagementRate,
  TimesheetWeek,
  WorkLog,
  WorkLogRevision,
  Comment,
  ShareLink,
  Session,
  AuthChallenge,
  RecoveryCode,
];
