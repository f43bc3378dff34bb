import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SelectField, SubmitButton, TextAreaField, TextField } from '../../ui';
import type { Deliverable } from './deliverable-endpoints';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormErrors } from '../../lib/i18n/use-error-messages';
import { staffOf, useMembers } from '../members/member-queries';
import { deliverableFormValues, deliverableSchema, toDeliverablePatch, type DeliverableForm } from './deliverable-schema';
import { useUpdateDeliverable } from './deliverable-queries';
import { AssigneeOptions } from './assignee-options';

const FIELDS = ['title', 'description', 'assigneeId', 'dueAt'] as const;

/** Staff change what a deliverable is, who delivers it and by when (a new due date re-arms its reminder). */
export function EditDeliverableForm({ deliverable, onClose }: { deliverable: Deliverable; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const members = useMembers();
  const update = useUpdateDeliverable(deliverable.id);
  const server = useFormErrors(update.error, FIELDS);
  const form = useForm<DeliverableForm>({ resolver: zodResolver(deliverableSchema), defaultValues: deliverableFormValues(deliverable) });
  const { errors } = form.formState;
  const staff = staffOf(members.data ?? []);
  const current = deliverable.assignee;
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('deliverable.edit')}
      onSubmit={form.handleSubmit((values) => {
        if (update.isPending) return;
        const patch = toDeliverablePatch(deliverable, values);
        if (Object.keys(patch).length === 0) onClose();
        else update.mutate(patch, { onSuccess: onClose });
      })}
    >
      <ErrorAlert messages={server.alert} />
      <TextField
        label={t('deliverable.title')}
        autoFocus
        error={fieldError(errors.title) ?? server.field('title')}
        {...form.register('title')}
      />
      <TextAreaField
        label={t('deliverable.description')}
        optional
        rows={3}
        error={fieldError(errors.description) ?? server.field('description')}
        {...form.register('description')}
      />
      <div className="field-row">
        <SelectField label={t('deliverable.assignee')} optional error={server.field('assigneeId')} {...form.register('assigneeId')}>
          <AssigneeOptions staff={staff} current={current} />
        </SelectField>
        <TextField
          type="datetime-local"
          label={t('deliverable.dueAt')}
          optional
          error={fieldError(errors.dueAt) ?? server.field('dueAt')}
          {...form.register('dueAt')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton pending={update.isPending}>{t('common.saveChanges')}</SubmitButton>
        <Button variant="quiet" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
