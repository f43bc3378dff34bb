import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLIENT_ROLES, STAFF_ROLES, isClientRole } from '@candor/domain';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert } from '../../ui';
import { changeMemberRole, removeMember, type Member } from './member-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { memberKeys } from './member-queries';

/** The owner's controls on one member: the role (within team or client roles) and removal. Effective at once. */
export function MemberAdmin({ member }: { member: Member }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: memberKeys.all });
  const changeRole = useMutation({ mutationFn: (role: Member['role']) => changeMemberRole(member.userId, role), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => removeMember(member.userId), onSuccess: refresh });
  const roles = isClientRole(member.role) ? CLIENT_ROLES : STAFF_ROLES;
  return (
    <div className="member-admin">
      <ErrorAlert messages={[changeRole, remove].flatMap((m) => (m.isError ? errorMessages(m.error) : []))} />
      <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
        {t('teamAdmin.roleOf', { name: member.displayName })}
      </label>
      <select
        id={`role-${member.userId}`}
        className="field-input field-select"
        value={member.role}
        disabled={changeRole.isPending}
        onChange={(event) => changeRole.mutate(event.target.value as Member['role'])}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <Button
        pending={remove.isPending}
        onClick={() => {
          if (window.confirm(t('teamAdmin.confirmRemove', { name: member.displayName }))) remove.mutate();
        }}
      >
        {t('teamAdmin.remove')}
      </Button>
    </div>
  );
}
