import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageHeader, QueryView, Section, SelectField, TextField } from '../../ui';
import { listLessons } from './disclosure-insight-endpoints';
import { type DisclosureCategory } from '../disclosures/disclosure-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { DISCLOSURE_CATEGORIES } from '@candor/domain';

/** The team's blameless lessons across disclosures, searchable by words and category. */
export function LessonsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<DisclosureCategory | ''>('');
  const words = useDeferredValue(q.trim());
  const filter = { ...(words ? { q: words } : {}), ...(category ? { category } : {}) };
  const lessons = useQuery({ queryKey: ['lessons', filter], queryFn: () => listLessons(filter), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title={t('lessons.title')} description={t('lessons.description')} />
      <form className="filter-bar" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={t('lessons.search')}
          hint={t('lessons.searchHint')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          label={t('disclosure.editor.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value as DisclosureCategory | '')}
        >
          <option value="">{t('lessons.allCategories')}</option>
          {DISCLOSURE_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`disclosure.category.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <QueryView query={lessons}>
        {(list) =>
          list.length === 0 ? (
            <Section title={t('lessons.title')}>
              <EmptyState title={t('lessons.emptyTitle')}>{t('lessons.emptyText')}</EmptyState>
            </Section>
          ) : (
            <ul className="lesson-list" data-testid="lessons">
              {list.map((lesson) => (
                <li key={lesson.disclosureId} className="panel lesson">
                  <p className="lesson-meta">
                    <span className={`severity severity-${lesson.severity}`}>{t(`disclosure.severity.${lesson.severity}`)}</span>
                    <Link to={`/disclosures/${lesson.disclosureId}`} className="text-link">
                      {t(`disclosure.category.${lesson.category}`)} · {lesson.clientName} · {lesson.engagementName}
                    </Link>
                    <span>{format.date(lesson.createdAt)}</span>
                  </p>
                  <dl className="stacked">
                    {lesson.lessonsLearned ? (
                      <div>
                        <dt>{t('lessons.lesson')}</dt>
                        <dd className="notes">{lesson.lessonsLearned}</dd>
                      </div>
                    ) : null}
                    {lesson.rootCause ? (
                      <div>
                        <dt>{t('lessons.rootCause')}</dt>
                        <dd className="notes">{lesson.rootCause}</dd>
                      </div>
                    ) : null}
                    {lesson.preventiveActions ? (
                      <div>
                        <dt>{t('lessons.prevention')}</dt>
                        <dd className="notes">{lesson.preventiveActions}</dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
