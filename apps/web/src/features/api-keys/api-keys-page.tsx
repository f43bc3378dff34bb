import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import {
  Button,
  EmptyState,
  ErrorAlert,
  PageHeader,
  QueryView,
  Section,
  SelectField,
  SubmitButton,
  SuccessNotice,
  TextField,
} from '../../ui';
import { API_KEY_SCOPES, canManageClients } from '@candor/domain';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { ApiKeyRow } from './api-key-row';
import { useApiKeys, useCreateApiKey } from './api-key-queries';
import { apiKeySchema, type ApiKeyForm } from './api-key-schema';
import type { CreatedApiKey } from './api-keys-endpoints';
import './api-keys.css';

/** The secret of the key just created: shown this once, with a copy button. */
function NewSecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="api-key-secret" role="status" data-testid="api-key-secret">
      <SuccessNotice>{t('apiKeys.createdNotice', { name: created.name })}</SuccessNotice>
      <p>{t('apiKeys.shownOnce')}</p>
      <code dir="ltr">{created.secret}</code>
      <div className="form-actions">
        <Button
          variant="primary"
          onClick={() =>
            void navigator.clipboard?.writeText(created.secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t('apiKeys.done')}
        </Button>
      </div>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const create = useCreateApiKey();
  const form = useForm<ApiKeyForm>({ resolver: zodResolver(apiKeySchema), defaultValues: { name: '', scope: 'read_only' } });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('apiKeys.createTitle')}
      onSubmit={form.handleSubmit((values) => {
        if (create.isPending) return;
        create.mutate(values, {
          onSuccess: (key) => {
            form.reset();
            onCreated(key);
          },
        });
      })}
    >
      <ErrorAlert messages={create.isError ? errorMessages(create.error) : []} />
      <TextField
        label={t('apiKeys.name')}
        hint={t('apiKeys.nameHint')}
        error={form.formState.errors.name ? t('apiKeys.nameRequired') : undefined}
        {...form.register('name')}
      />
      <SelectField label={t('apiKeys.scopeLabel')} hint={t(`apiKeys.scopeHint.${form.watch('scope')}`)} {...form.register('scope')}>
        {API_KEY_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {t(`apiKeys.scope.${scope}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('apiKeys.create')}</SubmitButton>
      </div>
    </form>
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} />
      <Section title={t('apiKeys.createTitle')}>
        {created ? <NewSecret created={created} onDone={() => setCreated(null)} /> : <CreateForm onCreated={setCreated} />}
      </Section>
      <Section title={t('apiKeys.listTitle')}>
        <QueryView query={keys}>
          {(data) =>
            data.length ? (
              <ul className="list" data-testid="api-keys">
                {data.map((item) => (
                  <ApiKeyRow key={item.id} item={item} />
                ))}
              </ul>
            ) : (
              <EmptyState title={t('apiKeys.emptyTitle')}>{t('apiKeys.emptyText')}</EmptyState>
            )
          }
        </QueryView>
      </Section>
    </>
  );
}

/** Owners and managers create keys for integrations (the secret shown once), see when each was last used, and revoke them. */
export function ApiKeysPage() {
  return (
    <RoleGate allow={canManageClients}>
      <ApiKeys />
    </RoleGate>
  );
}
