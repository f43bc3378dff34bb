import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureCategory, DisclosureSeverity } from './disclosure-endpoints';
import { useFormat } from '../../lib/i18n/use-format';

/** The words the client reads, whether from a saved disclosure or the editor's live values. */
export interface StoryText {
  category: DisclosureCategory;
  severity: DisclosureSeverity;
  whatHappened: string;
  impact: string;
  apology: string;
  remedyPlan: string;
  remedyDueAt: string | null;
  resolutionSummary?: string;
  preventionSummary?: string;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="story-part">
      <h3 className="story-heading">{title}</h3>
      {children}
    </div>
  );
}

/**
 * A disclosure as the client sees it: only the client-facing words, signed by the team. The staff
 * editor renders this same component as its preview, so what the author sees is what the client gets.
 */
export function ClientStory({ story, author, footer }: { story: StoryText; author: string; footer?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paragraph = (value: string) => (value.trim() ? <p className="notes">{value.trim()}</p> : <p className="muted">—</p>);
  return (
    <article className="story">
      <p className="story-meta">
        <span className={`severity severity-${story.severity}`}>{t(`disclosure.severity.${story.severity}`)}</span>
        <span>{t(`disclosure.category.${story.category}`)}</span>
        <span>{t('disclosure.byAuthor', { name: author })}</span>
      </p>
      <Part title={t('disclosure.client.whatHappened')}>{paragraph(story.whatHappened)}</Part>
      <Part title={t('disclosure.client.impact')}>{paragraph(story.impact)}</Part>
      <Part title={t('disclosure.client.apology')}>
        {story.apology.trim() ? <blockquote className="story-apology notes">{story.apology.trim()}</blockquote> : paragraph('')}
      </Part>
      <Part title={t('disclosure.client.remedy')}>
        {paragraph(story.remedyPlan)}
        {story.remedyDueAt ? <p className="story-due">{t('disclosure.remedyDue', { date: format.dateTime(story.remedyDueAt) })}</p> : null}
      </Part>
      {story.resolutionSummary?.trim() ? <Part title={t('disclosure.client.resolution')}>{paragraph(story.resolutionSummary)}</Part> : null}
      {story.preventionSummary?.trim() ? <Part title={t('disclosure.client.prevention')}>{paragraph(story.preventionSummary)}</Part> : null}
      {footer}
    </article>
  );
}
