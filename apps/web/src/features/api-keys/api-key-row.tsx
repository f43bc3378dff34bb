import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, StatusBadge } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useRevokeApiKey } from './api-key-queries';
import type { ApiKey } from './api-keys-endpoints';

/** One key: name, first characters, scope, creator, last use; a live key can be revoked after a confirmation. */
export function ApiKeyRow({ item }: { item: ApiKey }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="list-row" data-testid="api-key-row">
      <div className="list-main">
        <p className="list-title">
          {item.name} <bdi className="api-key-prefix" dir="ltr">{`${item.prefix}…`}</bdi>
        </p>
        <p className="list-meta">
          {item.revokedAt ? <StatusBadge tone="danger">{t('apiKeys.revoked')}</StatusBadge> : null}
          <span>{t(`apiKeys.scope.${item.scope}`)}</span>
          <span>{t('apiKeys.createdBy', { name: item.createdBy.displayName, date: format.dateTime(item.createdAt) })}</span>
          <span>{item.lastUsedAt ? t('apiKeys.lastUsed', { date: format.dateTime(item.lastUsedAt) }) : t('apiKeys.neverUsed')}</span>
          {item.expiresAt ? <span>{t('apiKeys.expires', { date: format.dateTime(item.expiresAt) })}</span> : null}
        </p>
        {confirming ? (
          <div className="api-key-confirm" role="group" aria-label={t('apiKeys.confirmTitle')}>
            <p>{t('apiKeys.confirm', { name: item.name })}</p>
            <div className="form-actions">
              <Button
                variant="primary"
                pending={revoke.isPending}
                onClick={() => !revoke.isPending && revoke.mutate(item.id, { onSuccess: () => setConfirming(false) })}
              >
                {t('apiKeys.confirmRevoke')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        ) : null}
        <ErrorAlert messages={revoke.isError ? errorMessages(revoke.error) : []} />
      </div>
      {!item.revokedAt && !confirming ? (
        <div className="list-aside">
          <Button onClick={() => setConfirming(true)} aria-label={t('apiKeys.revokeNamed', { name: item.name })}>
            {t('apiKeys.revoke')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
