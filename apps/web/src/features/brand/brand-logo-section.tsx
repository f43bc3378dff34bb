import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Section } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import type { BrandSettings } from './brand-endpoints';
import { useRemoveLogo, useUploadLogo } from './brand-queries';

/** Upload, replace or remove the logo; the API checks its bytes (PNG, JPEG or WebP, at most 512 KiB). */
export function BrandLogoSection({ brand }: { brand: BrandSettings }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const input = useRef<HTMLInputElement>(null);
  const failed = upload.isError ? upload.error : remove.isError ? remove.error : null;
  return (
    <Section title={t('brand.logoTitle')} description={t('brand.logoHint')}>
      <ErrorAlert messages={failed ? errorMessages(failed) : []} />
      <div className="brand-logo-row">
        {brand.logo ? (
          <img className="brand-logo-preview" src={brand.logo.url} alt={t('brand.currentLogo')} data-testid="brand-logo-preview" />
        ) : (
          <p className="field-hint">{t('brand.noLogo')}</p>
        )}
        <div className="brand-logo-actions">
          <Button pending={upload.isPending} onClick={() => input.current?.click()}>
            {brand.logo ? t('brand.replaceLogo') : t('brand.uploadLogo')}
          </Button>
          <input
            ref={input}
            hidden
            type="file"
            accept="image/png,image/jpeg,image/webp"
            data-testid="brand-logo-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file && !upload.isPending) upload.mutate(file, { onSettled: () => input.current && (input.current.value = '') });
            }}
          />
          {brand.logo ? (
            <Button pending={remove.isPending} onClick={() => !remove.isPending && remove.mutate()}>
              {t('brand.removeLogo')}
            </Button>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
