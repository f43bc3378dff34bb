import { useTranslation } from 'react-i18next';
import type { Member } from '../members/member-endpoints';

/**
 * The choices of a deliverable's assignee: unassigned, then the agency's staff. The current assignee
 * stays choosable while the team list loads (or after they left the team).
 */
export function AssigneeOptions({
  staff,
  current,
}: {
  staff: readonly Member[];
  current?: { id: string | null; displayName: string } | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('deliverable.unassigned')}</option>
      {current?.id && !staff.some((person) => person.userId === current.id) ? (
        <option value={current.id}>{current.displayName}</option>
      ) : null}
      {staff.map((person) => (
        <option key={person.userId} value={person.userId}>
          {person.displayName} · {t(`roles.${person.role}`)}
        </option>
      ))}
    </>
  );
}
