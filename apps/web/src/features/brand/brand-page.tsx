import type { CSSProperties } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BRAND_MIN_CONTRAST, checkBrandColor, DEFAULT_BRAND_COLOR } from '@candor/domain';
import { ErrorAlert, PageHeader, QueryView, Section, SubmitButton, SuccessNotice, TextAreaField, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { isBrandSettings, type BrandPatch, type BrandSettings } from './brand-endpoints';
import { BrandLogoSection } from './brand-logo-section';
import { useBrand, useUpdateBrand } from './brand-queries';

interface BrandForm {
  displayName: string;
  primaryColor: string;
  senderName: string;
  replyTo: string;
  footerText: string;
}

const blankAsNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** The verdict the API will give, shown while the owner types: the ratio, and a shade that passes when it fails. */
function ContrastVerdict({ color, onUse }: { color: string; onUse: (color: string) => void }) {
  const { t } = useTranslation();
  if (!color.trim()) return <p className="field-hint">{t('brand.colorDefault')}</p>;
  const verdict = checkBrandColor(color.trim().toLowerCase());
  if (verdict.ratio === 0) return <p className="field-hint">{t('brand.colorFormat')}</p>;
  const ratio = verdict.ratio.toFixed(2);
  return (
    <div
      className={verdict.ok ? 'brand-verdict brand-verdict-ok' : 'brand-verdict brand-verdict-fail'}
      role="status"
      data-testid="contrast-verdict"
    >
      <p>{verdict.ok ? t('brand.contrastOk', { ratio }) : t('brand.contrastFail', { ratio, needed: BRAND_MIN_CONTRAST })}</p>
      {verdict.suggestion ? (
        <button type="button" className="button button-secondary" onClick={() => onUse(verdict.suggestion ?? '')}>
          <span className="brand-swatch" style={{ '--swatch': verdict.suggestion } as CSSProperties} />
          <span>{t('brand.useSuggestion', { color: verdict.suggestion })}</span>
        </button>
      ) : null}
    </div>
  );
}

/** A small header and button in the chosen colour: what members will see. */
function Preview({ name, color }: { name: string; color: string }) {
  const { t } = useTranslation();
  const verdict = checkBrandColor(color);
  const shown = verdict.ok ? color : DEFAULT_BRAND_COLOR;
  return (
    <div className="brand-preview" aria-label={t('brand.preview')} role="group" style={{ '--preview': shown } as CSSProperties}>
      <p className="brand-preview-name" dir="auto">
        {name}
      </p>
      <span className="brand-preview-button">{t('brand.previewButton')}</span>
      <span className="brand-preview-link">{t('brand.previewLink')}</span>
    </div>
  );
}

function BrandFormView({ brand }: { brand: BrandSettings }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const update = useUpdateBrand();
  const form = useForm<BrandForm>({
    defaultValues: {
      displayName: brand.displayName ?? '',
      primaryColor: brand.storedColor ?? '',
      senderName: brand.senderName ?? '',
      replyTo: brand.replyTo ?? '',
      footerText: brand.storedFooterText ?? '',
    },
  });
  const color = useWatch({ control: form.control, name: 'primaryColor' });
  const name = useWatch({ control: form.control, name: 'displayName' });
  const useColor = (value: string) => form.setValue('primaryColor', value, { shouldDirty: true });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('brand.title')}
      onSubmit={form.handleSubmit((values) => {
        if (update.isPending) return;
        const patch: BrandPatch = {
          displayName: blankAsNull(values.displayName),
          primaryColor: blankAsNull(values.primaryColor)?.toLowerCase() ?? null,
          senderName: blankAsNull(values.senderName),
          replyTo: blankAsNull(values.replyTo),
          footerText: blankAsNull(values.footerText),
        };
        update.mutate(patch, { onSuccess: () => form.reset(values) });
      })}
    >
      <ErrorAlert messages={update.isError ? errorMessages(update.error) : []} />
      {update.isSuccess && !form.formState.isDirty ? <SuccessNotice>{t('brand.saved')}</SuccessNotice> : null}
      <Section title={t('brand.lookTitle')}>
        <TextField
          label={t('brand.displayName')}
          hint={t('brand.displayNameHint', { name: brand.name })}
          optional
          maxLength={100}
          {...form.register('displayName')}
        />
        <div className="brand-color-row">
          <TextField
            label={t('brand.primaryColor')}
            optional
            placeholder="#1f5fa8"
            className="field-narrow"
            spellCheck={false}
            {...form.register('primaryColor')}
          />
          <input
            type="color"
            className="brand-color-picker"
            aria-label={t('brand.pickColor')}
            value={/^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : DEFAULT_BRAND_COLOR}
            onChange={(event) => useColor(event.target.value)}
          />
        </div>
        <ContrastVerdict color={color} onUse={useColor} />
        <Preview name={name.trim() || brand.name} color={color.trim().toLowerCase()} />
      </Section>
      <Section title={t('brand.emailTitle')}>
        <TextField
          label={t('brand.senderName')}
          hint={t('brand.senderNameHint')}
          optional
          maxLength={100}
          {...form.register('senderName')}
        />
        <TextField label={t('brand.replyTo')} hint={t('brand.replyToHint')} optional type="email" {...form.register('replyTo')} />
        <TextAreaField
          label={t('brand.footerText')}
          hint={t('brand.footerTextHint')}
          optional
          maxLength={500}
          rows={2}
          {...form.register('footerText')}
        />
      </Section>
      <div className="form-actions">
        <SubmitButton pending={update.isPending}>{t('brand.save')}</SubmitButton>
      </div>
    </form>
  );
}

/** The owner's brand: name, colour with its contrast verdict, logo, email sender and footer, with a preview. */
export function BrandPage() {
  const { t } = useTranslation();
  const brand = useBrand();
  return (
    <>
      <PageHeader
        title={t('brand.title')}
        description={t('brand.description')}
        actions={
          <Link to="/settings" className="button button-secondary">
            {t('brand.backToSettings')}
          </Link>
        }
      />
      <QueryView query={brand}>
        {(data) =>
          isBrandSettings(data) ? (
            <>
              <BrandLogoSection brand={data} />
              <BrandFormView brand={data} />
            </>
          ) : null
        }
      </QueryView>
    </>
  );
}
