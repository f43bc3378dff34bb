import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { Button, ErrorAlert, SubmitButton, TextField } from '../../ui';
import type { Disclosure, Offer } from './disclosure-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { OfferStatusBadge, useOfferText } from './disclosure-labels';
import { useMakeOffer, useOfferStep } from './disclosure-queries';
import { emptyOffer, offerFields, toOfferInput } from './disclosure-schema';
import { OfferFields } from './offer-fields';
import { TextActionButton } from './inline-form';

export type OfferAudience = 'staff' | 'client_admin' | 'client_member';

function OfferActions({ offer, audience }: { offer: Offer; audience: OfferAudience }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const step = useOfferStep();
  const act = (action: Parameters<typeof step.mutate>[0]) => !step.isPending && step.mutate(action);
  if (audience === 'client_member') return null;
  if (audience === 'client_admin') {
    if (offer.status !== 'offered') return null;
    return (
      <div className="offer-actions">
        <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
        <div className="form-actions">
          <Button variant="primary" pending={step.isPending} onClick={() => act({ id: offer.id, step: 'accept' })}>
            {t('disclosure.client.acceptOffer')}
          </Button>
          <TextActionButton
            label={t('disclosure.client.declineOffer')}
            fieldLabel={t('disclosure.client.declineReason')}
            submitLabel={t('disclosure.client.sendDecline')}
            required={false}
            pending={step.isPending}
            error={step.error}
            onSubmit={(reason, done) => step.mutate({ id: offer.id, step: 'decline', ...(reason ? { reason } : {}) }, { onSuccess: done })}
          />
        </div>
      </div>
    );
  }
  if (offer.status !== 'offered' && offer.status !== 'accepted') return null;
  return (
    <div className="offer-actions">
      <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
      {offer.status === 'offered' ? (
        <Button variant="quiet" pending={step.isPending} onClick={() => act({ id: offer.id, step: 'withdraw' })}>
          {t('disclosure.staff.withdraw')}
        </Button>
      ) : (
        <Button pending={step.isPending} onClick={() => act({ id: offer.id, step: 'apply' })}>
          {t('disclosure.staff.markApplied')}
        </Button>
      )}
    </div>
  );
}

/** The offers of a disclosure, with what the reader may do about each. */
export function OfferList({ offers, audience }: { offers: Offer[]; audience: OfferAudience }) {
  const { t } = useTranslation();
  const format = useFormat();
  const offerText = useOfferText();
  if (offers.length === 0) return <p className="muted">{t('disclosure.staff.noOffers')}</p>;
  return (
    <ul className="offer-list" data-testid="offer-list">
      {offers.map((offer) => (
        <li key={offer.id} className={`offer offer-${offer.status}`}>
          <div className="offer-head">
            <p className="offer-value">{offerText(offer)}</p>
            <OfferStatusBadge status={offer.status} />
          </div>
          {offer.note ? <p className="notes">{offer.note}</p> : null}
          <p className="list-meta">
            {offer.status === 'offered'
              ? t('disclosure.client.offerExpires', { date: format.dateTime(offer.expiresAt) })
              : offer.decidedAt
                ? `${t(`status.offer.${offer.status}`)} · ${format.dateTime(offer.decidedAt)}${offer.decidedBy ? ` · ${offer.decidedBy.displayName}` : ''}`
                : null}
          </p>
          {offer.declineReason ? <p className="notes muted">{offer.declineReason}</p> : null}
          <OfferActions offer={offer} audience={audience} />
        </li>
      ))}
    </ul>
  );
}

const makeOfferSchema = z.object({ offer: offerFields, expiresAt: z.string() });
type MakeOfferForm = z.infer<typeof makeOfferSchema>;

/** Staff make an offer on a disclosure that is not closed. */
export function MakeOffer({ disclosure, currency }: { disclosure: Disclosure; currency: string }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const make = useMakeOffer(disclosure.id);
  const [open, setOpen] = useState(false);
  const form = useForm<MakeOfferForm>({
    resolver: zodResolver(makeOfferSchema),
    defaultValues: { offer: { ...emptyOffer(currency), kind: 'credit' }, expiresAt: '' },
  });
  if (!open) return <Button onClick={() => setOpen(true)}>{t('disclosure.staff.makeOffer')}</Button>;
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('disclosure.staff.makeOffer')}
      onSubmit={form.handleSubmit((values) => {
        const input = toOfferInput(values.offer, values.expiresAt ? new Date(values.expiresAt).toISOString() : undefined);
        if (input && !make.isPending)
          make.mutate(input, {
            onSuccess: () => {
              setOpen(false);
              form.reset();
            },
          });
      })}
    >
      <ErrorAlert messages={make.isError ? errorMessages(make.error) : []} />
      <OfferFields control={form.control} register={form.register} errors={form.formState.errors.offer} allowNone={false} />
      <TextField
        type="datetime-local"
        label={t('disclosure.editor.offerExpires')}
        hint={t('disclosure.editor.offerExpiresHint')}
        optional
        {...form.register('expiresAt')}
      />
      <div className="form-actions">
        <SubmitButton pending={make.isPending}>{t('disclosure.staff.sendOffer')}</SubmitButton>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
