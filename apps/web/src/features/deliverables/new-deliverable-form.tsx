import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ErrorAlert, SelectField, SubmitButton, TextAreaField, TextField } from '../../ui';
import type { Engagement } from '../engagements/engagement-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { staffOf, useMembers } from '../members/member-queries';
import { emptyDeliverable, newDeliverableSchema, toDeliverableInput, type DeliverableForm } from './deliverable-schema';
import { useCreateDeliverable } from './deliverable-queries';
import { AssigneeOptions } from './assignee-options';

/** Staff plan a deliverable on an engagement: what, for when, and who on the team delivers it. */
export function NewDeliverable({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('deliverable.new')}
      </Button>
    );
  }
  return <NewDeliverableForm engagement={engagement} onClose={() => setOpen(false)} />;
}

function NewDeliverableForm({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const members = useMembers();
  const create = useCreateDeliverable();
  const form = useForm<DeliverableForm>({ resolver: zodResolver(newDeliverableSchema), defaultValues: emptyDeliverable() });
  const { errors } = form.formState;
  // The engagement's assistants first: they are the usual choice.
  const assigned = new Set(engagement.assistants.map((person) => person.id));
  const staff = staffOf(members.data ?? []).sort((a, b) => Number(assigned.has(b.userId)) - Number(assigned.has(a.userId)));
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('deliverable.new')}
      onSubmit={form.handleSubmit((values) => {
        if (create.isPending) return;
        create.mutate(toDeliverableInput(engagement.id, values), { onSuccess: (created) => void navigate(`/deliverables/${created.id}`) });
      })}
    >
      <ErrorAlert messages={create.isError ? errorMessages(create.error) : []} />
      <TextField label={t('deliverable.title')} autoFocus error={fieldError(errors.title)} {...form.register('title')} />
      <TextAreaField
        label={t('deliverable.description')}
        hint={t('deliverable.descriptionHint')}
        optional
        rows={3}
        error={fieldError(errors.description)}
        {...form.register('description')}
      />
      <div className="field-row">
        <SelectField label={t('deliverable.assignee')} optional {...form.register('assigneeId')}>
          <AssigneeOptions staff={staff} />
        </SelectField>
        <TextField
          type="datetime-local"
          label={t('deliverable.dueAt')}
          optional
          error={fieldError(errors.dueAt)}
          {...form.register('dueAt')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('deliverable.create')}</SubmitButton>
        <Button variant="quiet" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
