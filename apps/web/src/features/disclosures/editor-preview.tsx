import type { ReactNode } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ClientStory } from './client-story';
import { useOfferText } from './disclosure-labels';
import type { OfferInput } from './disclosure-endpoints';
import { toOfferInput, type DisclosureForm } from './disclosure-schema';

/** The live preview: the client's view of the words being written, signed "<tenant> team". */
export function EditorPreview({
  control,
  offerCurrency,
  author,
  sentOffers,
  children,
}: {
  control: Control<DisclosureForm>;
  offerCurrency: string;
  author: string;
  sentOffers: OfferInput[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const offerText = useOfferText();
  const values = useWatch({ control }) as DisclosureForm;
  const typed = values.offer?.kind ? toOfferInput(values.offer) : null;
  const offers = typed ? [...sentOffers, typed] : sentOffers;
  const empty = !values.whatHappened?.trim() && !values.impact?.trim() && !values.apology?.trim() && !values.remedyPlan?.trim();
  return (
    <aside className="editor-preview" aria-labelledby="preview-title">
      <div className="editor-preview-inner" data-testid="disclosure-preview">
        <h2 id="preview-title" className="panel-title">
          {t('disclosure.editor.previewTitle')}
        </h2>
        <p className="panel-description">{t('disclosure.editor.previewDescription')}</p>
        {empty ? <p className="muted preview-empty">{t('disclosure.editor.previewEmpty')}</p> : null}
        <ClientStory
          author={author}
          story={{
            category: values.category,
            severity: values.severity,
            whatHappened: values.whatHappened ?? '',
            impact: values.impact ?? '',
            apology: values.apology ?? '',
            remedyPlan: values.remedyPlan ?? '',
            remedyDueAt: values.remedyDueAt ? new Date(values.remedyDueAt).toISOString() : null,
          }}
          footer={
            offers.length ? (
              <div className="story-part">
                <h3 className="story-heading">{t('disclosure.client.offersTitle')}</h3>
                {offers.map((offer, index) => (
                  <div key={index}>
                    <p className="offer-value">
                      {offerText({ kind: offer.kind, value: offer.value ?? null, currency: offer.currency ?? offerCurrency })}
                    </p>
                    {offer.note ? <p className="notes muted">{offer.note}</p> : null}
                  </div>
                ))}
              </div>
            ) : null
          }
        />
      </div>
      {children}
    </aside>
  );
}
