import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@candor/domain';
import { ErrorAlert, SubmitButton, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import type { WebhookSecret } from './webhooks-endpoints';
import { useCreateWebhookEndpoint } from './webhooks-queries';

const endpointSchema = z.object({
  url: z.string().check(z.refine((value) => /^https?:\/\/\S+$/.test(value.trim()), { message: 'url' })),
  description: z.string().check(z.maxLength(500)),
  events: z.array(z.string()).check(z.minLength(1)),
});
type EndpointForm = z.infer<typeof endpointSchema>;

/** Registers an endpoint; its secret is handed to `onCreated`, the one time it is shown. */
export function NewEndpointForm({ onCreated }: { onCreated: (created: WebhookSecret) => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const create = useCreateWebhookEndpoint();
  const form = useForm<EndpointForm>({ resolver: zodResolver(endpointSchema), defaultValues: { url: '', description: '', events: [] } });
  const { errors } = form.formState;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('webhooks.newTitle')}
      onSubmit={form.handleSubmit((values) => {
        if (create.isPending) return;
        const body = { url: values.url.trim(), description: values.description.trim(), events: values.events as WebhookEventType[] };
        create.mutate(body, {
          onSuccess: (created) => {
            form.reset();
            onCreated(created);
          },
        });
      })}
    >
      <ErrorAlert messages={create.isError ? errorMessages(create.error) : []} />
      <TextField
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        inputMode="url"
        dir="ltr"
        error={errors.url ? t('webhooks.urlInvalid') : undefined}
        {...form.register('url')}
      />
      <TextField label={t('webhooks.descriptionLabel')} {...form.register('description')} />
      <fieldset className="webhook-events">
        <legend>{t('webhooks.eventsLabel')}</legend>
        {errors.events ? (
          <p className="field-error" role="alert">
            {t('webhooks.eventsRequired')}
          </p>
        ) : null}
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" value={type} {...form.register('events')} />
            <span>
              {t(`webhooks.events.${type}`)} <code dir="ltr">{type}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('webhooks.create')}</SubmitButton>
      </div>
    </form>
  );
}
