import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';

/** A value to paste elsewhere (a DNS record's name or content): shown whole, selectable, with a copy button. */
export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the value stays there to copy by hand.
      setCopied(false);
    }
  };
  return (
    <div className="copy-value">
      <code className="copy-value-text" data-testid={testId}>
        {value}
      </code>
      <Button variant="quiet" aria-label={t('portalAddress.copyLabel', { what: label })} onClick={() => void copy()}>
        {copied ? t('portalAddress.copied') : t('portalAddress.copy')}
      </Button>
    </div>
  );
}
