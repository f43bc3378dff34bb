import { useWatch, type Control, type FieldErrors, type Path, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui';
import type { OfferKind } from './disclosure-endpoints';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { OFFER_KINDS } from '@candor/domain';
import { OFFER_UNIT, type OfferForm } from './disclosure-schema';

type WithOffer = { offer: OfferForm };

/**
 * Kind of offer and the value that kind takes: a percent, hours, days, money with its currency, or
 * nothing for a free revision. Used by the disclosure editor, the offer form and remedy policies.
 */
export function OfferFields<T extends WithOffer>({
  control,
  register,
  errors,
  allowNone = true,
}: {
  control: Control<T>;
  register: UseFormRegister<T>;
  errors: FieldErrors<WithOffer>['offer'];
  allowNone?: boolean;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const kind = useWatch({ control, name: 'offer.kind' as Path<T> }) as OfferKind | '';
  const unit = kind ? OFFER_UNIT[kind] : null;
  const path = (name: keyof OfferForm) => `offer.${name}` as Path<T>;
  return (
    <div className="offer-fields">
      <SelectField label={t('disclosure.editor.offerKind')} {...register(path('kind'))}>
        {allowNone ? <option value="">{t('disclosure.editor.noOffer')}</option> : null}
        {OFFER_KINDS.map((option) => (
          <option key={option} value={option}>
            {t(`disclosure.offerKind.${option}`)}
          </option>
        ))}
      </SelectField>
      {unit && unit !== 'none' ? (
        <div className="field-row">
          <TextField
            label={t(`disclosure.editor.${unit === 'money' ? 'amount' : unit}`)}
            inputMode="decimal"
            autoComplete="off"
            error={fieldError(errors?.value)}
            {...register(path('value'))}
          />
          {unit === 'money' ? (
            <TextField
              label={t('disclosure.editor.currency')}
              maxLength={3}
              autoComplete="off"
              className="field-narrow"
              error={fieldError(errors?.currency)}
              {...register(path('currency'))}
            />
          ) : null}
        </div>
      ) : null}
      {unit ? (
        <TextField label={t('disclosure.editor.offerNote')} optional error={fieldError(errors?.note)} {...register(path('note'))} />
      ) : null}
    </div>
  );
}
