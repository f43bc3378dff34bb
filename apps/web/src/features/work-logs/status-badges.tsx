import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../ui';
import type { EngagementStatus } from '../engagements/engagement-endpoints';
import type { WeekStatus } from '../timesheet-weeks/timesheet-week-endpoints';
import type { WorkLogStatus } from './work-log-endpoints';

const ENGAGEMENT_TONES: Record<EngagementStatus, Tone> = { active: 'success', paused: 'waiting', completed: 'neutral' };
const WEEK_TONES: Record<WeekStatus, Tone> = { submitted: 'waiting', disputed: 'danger', approved: 'success' };
const ENTRY_TONES: Record<WorkLogStatus, Tone> = { draft: 'neutral', submitted: 'waiting', disputed: 'danger', locked: 'success' };

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={ENGAGEMENT_TONES[status]}>{t(`status.engagement.${status}`)}</StatusBadge>;
}

export function WeekStatusBadge({ status }: { status: WeekStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={WEEK_TONES[status]}>{t(`status.week.${status}`)}</StatusBadge>;
}

export function EntryStatusBadge({ status }: { status: WorkLogStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={ENTRY_TONES[status]}>{t(`status.entry.${status}`)}</StatusBadge>;
}
