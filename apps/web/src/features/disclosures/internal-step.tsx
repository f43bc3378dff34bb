import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../ui';
import { useFieldError } from '../../lib/i18n/use-field-error';
import type { Engagement } from '../engagements/engagement-endpoints';
import { useMember } from '../me/current-member';
import type { Member } from '../members/member-endpoints';
import { staffOf, useMembers } from '../members/member-queries';
import { EditorStep } from './editor-steps';
import type { DisclosureForm } from './disclosure-schema';

/**
 * Who may be named as involved: anyone on the team (the engagement's assistants first), and the
 * author themself while the team list loads.
 */
function involvable(engagement: Engagement, member: ReturnType<typeof useMember>, members: Member[]) {
  const assigned = new Set(engagement.assistants.map((person) => person.id));
  const team = staffOf(members).map((person) => ({ id: person.userId, displayName: person.displayName }));
  const people = [...engagement.assistants, ...team.filter((person) => !assigned.has(person.id))];
  if (!people.some((person) => person.id === member.user.id)) people.push({ id: member.user.id, displayName: member.user.displayName });
  return people;
}

/** Step 6: the team's blameless review, which the client never sees. */
export function InternalStep({
  engagement,
  register,
  errors,
}: {
  engagement: Engagement;
  register: UseFormRegister<DisclosureForm>;
  errors: FieldErrors<DisclosureForm>;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const member = useMember();
  const members = useMembers();
  return (
    <EditorStep step="internal" title={t('disclosure.editor.internalTitle')} hint={t('disclosure.editor.internalDescription')} internal>
      <TextAreaField
        label={t('disclosure.editor.rootCause')}
        hint={t('disclosure.editor.rootCauseHint')}
        rows={3}
        error={fieldError(errors.rootCause)}
        {...register('rootCause')}
      />
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('disclosure.editor.involved')}</legend>
        <p className="field-hint">{t('disclosure.editor.involvedHint')}</p>
        {involvable(engagement, member, members.data ?? []).map((person) => (
          <label key={person.id} className="checkbox">
            <input type="checkbox" value={person.id} {...register('involvedUserIds')} />
            <span>{person.displayName}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('disclosure.editor.contributingFactors')}
        rows={3}
        error={fieldError(errors.contributingFactors)}
        {...register('contributingFactors')}
      />
      <TextAreaField
        label={t('disclosure.editor.lessonsLearned')}
        hint={t('disclosure.editor.lessonsLearnedHint')}
        rows={3}
        error={fieldError(errors.lessonsLearned)}
        {...register('lessonsLearned')}
      />
      <TextAreaField
        label={t('disclosure.editor.preventiveActions')}
        rows={3}
        error={fieldError(errors.preventiveActions)}
        {...register('preventiveActions')}
      />
    </EditorStep>
  );
}
