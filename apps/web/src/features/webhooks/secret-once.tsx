import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';

/** A signing secret, shown this once, with a copy button. */
export function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice webhook-secret" role="status">
      <p>{t('webhooks.secretOnce', { url })}</p>
      <p>
        <code dir="ltr" data-testid="webhook-secret">
          {secret}
        </code>
      </p>
      <div className="form-actions">
        <Button
          variant="primary"
          onClick={() => {
            void navigator.clipboard.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? t('webhooks.copied') : t('webhooks.copy')}
        </Button>
        <Button onClick={onDone}>{t('webhooks.secretSaved')}</Button>
      </div>
    </div>
  );
}
