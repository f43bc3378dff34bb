import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';

/** The QR code to scan and the secret to type by hand. */
export function TotpSetup({ setup }: { setup: { qrCodeDataUrl: string; secret: string } }) {
  const { t } = useTranslation();
  return (
    <div className="totp-setup">
      <p>{t('security.scanQr')}</p>
      <img src={setup.qrCodeDataUrl} width={200} height={200} alt={t('security.qrAlt')} data-testid="totp-qr" />
      <p className="field-hint">
        {t('security.secretByHand')} <code data-testid="totp-secret">{setup.secret}</code>
      </p>
    </div>
  );
}

/** The ten recovery codes, shown once. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="recovery-codes">
      <p>{t('security.recoveryIntro')}</p>
      <ol className="code-list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {onDone ? (
        <Button variant="primary" onClick={onDone}>
          {t('security.savedCodes')}
        </Button>
      ) : null}
    </div>
  );
}
