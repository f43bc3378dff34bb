import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Section, SubmitButton, SuccessNotice, TextAreaField } from '../../ui';
import { updateDisclosure, type StaffDisclosure } from './disclosure-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { staffOf, useMembers } from '../members/member-queries';
import { useDisclosureChange } from './disclosure-queries';
import { internalSchema, internalValues, type InternalForm } from './disclosure-schema';

/** The blameless review (root cause, people, lessons, prevention): staff keep it up to date until the disclosure closes. */
function InternalEditor({ disclosure, onDone }: { disclosure: StaffDisclosure; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const members = useMembers();
  const save = useDisclosureChange((values: InternalForm) => updateDisclosure(disclosure.id, values));
  const form = useForm<InternalForm>({ resolver: zodResolver(internalSchema), defaultValues: internalValues(disclosure) });
  const { errors } = form.formState;
  const named = new Set(disclosure.involved.map((person) => person.id));
  const people = [
    ...disclosure.involved,
    ...staffOf(members.data ?? [])
      .filter((person) => !named.has(person.userId))
      .map((person) => ({ id: person.userId, displayName: person.displayName })),
  ];
  return (
    <form
      className="form form-compact"
      noValidate
      aria-label={t('disclosure.staff.editInternal')}
      onSubmit={form.handleSubmit((values) => {
        if (!save.isPending) save.mutate(values, { onSuccess: onDone });
      })}
    >
      <ErrorAlert messages={save.isError ? errorMessages(save.error) : []} />
      <TextAreaField
        label={t('disclosure.editor.rootCause')}
        hint={t('disclosure.editor.rootCauseHint')}
        rows={3}
        error={fieldError(errors.rootCause)}
        {...form.register('rootCause')}
      />
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('disclosure.editor.involved')}</legend>
        <p className="field-hint">{t('disclosure.editor.involvedHint')}</p>
        {people.map((person) => (
          <label key={person.id} className="checkbox">
            <input type="checkbox" value={person.id} {...form.register('involvedUserIds')} />
            <span>{person.displayName}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('disclosure.editor.contributingFactors')}
        rows={3}
        error={fieldError(errors.contributingFactors)}
        {...form.register('contributingFactors')}
      />
      <TextAreaField
        label={t('disclosure.editor.lessonsLearned')}
        hint={t('disclosure.editor.lessonsLearnedHint')}
        rows={3}
        error={fieldError(errors.lessonsLearned)}
        {...form.register('lessonsLearned')}
      />
      <TextAreaField
        label={t('disclosure.editor.preventiveActions')}
        rows={3}
        error={fieldError(errors.preventiveActions)}
        {...form.register('preventiveActions')}
      />
      <div className="form-actions">
        <SubmitButton pending={save.isPending}>{t('common.saveChanges')}</SubmitButton>
        <Button variant="quiet" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function InternalReview({ disclosure }: { disclosure: StaffDisclosure }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = disclosure.status !== 'closed';
  const rows: [string, string][] = [
    [t('disclosure.editor.rootCause'), disclosure.rootCause],
    [t('disclosure.editor.involved'), disclosure.involved.map((person) => person.displayName).join(', ')],
    [t('disclosure.editor.contributingFactors'), disclosure.contributingFactors],
    [t('disclosure.editor.lessonsLearned'), disclosure.lessonsLearned],
    [t('disclosure.editor.preventiveActions'), disclosure.preventiveActions],
  ];
  return (
    <Section
      title={t('disclosure.editor.internalTitle')}
      description={t('disclosure.editor.internalDescription')}
      className="panel-internal"
      actions={
        editable && !editing ? (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('disclosure.staff.editInternal')}
          </Button>
        ) : null
      }
    >
      {saved ? <SuccessNotice>{t('disclosure.editor.saved')}</SuccessNotice> : null}
      {editing ? (
        <InternalEditor
          disclosure={disclosure}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <dl className="stacked">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="notes">{value.trim() || <span className="muted">{t('disclosure.staff.noInternal')}</span>}</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
