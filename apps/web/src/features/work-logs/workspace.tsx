import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, QueryView, Section, SuccessNotice } from '../../ui';
import type { WorkLog } from './work-log-endpoints';
import { mondayOf } from '../../lib/format';
import { useMember } from '../me/current-member';
import { WeekList } from '../timesheet-weeks/week-list';
import { useWeeks } from '../timesheet-weeks/week-queries';
import { DraftWeek, type DraftGroup } from './draft-week';
import { EntryForm } from './entry-form';
import { entryFormValues, toWorkLogInput } from './entry-schema';
import { useCreateWorkLog, useWorkLogs } from './time-queries';

/** Drafts by engagement and week (weeks cut in the agency's time zone, as the API cuts them), newest week first. */
export function groupDrafts(entries: WorkLog[], timeZone: string): DraftGroup[] {
  const groups = new Map<string, DraftGroup>();
  for (const entry of [...entries].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const weekStart = mondayOf(new Date(entry.startedAt), timeZone);
    const key = `${weekStart}:${entry.engagementId}`;
    const group = groups.get(key) ?? { engagementId: entry.engagementId, engagementName: entry.engagementName, weekStart, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.weekStart.localeCompare(a.weekStart) || a.engagementName.localeCompare(b.engagementName));
}

function LogTime() {
  const { t } = useTranslation();
  const create = useCreateWorkLog();
  const [open, setOpen] = useState(false);
  const [logged, setLogged] = useState(false);
  return (
    <Section
      title={t('time.logTitle')}
      description={t('time.logDescription')}
      actions={
        open ? undefined : (
          <Button
            variant="secondary"
            onClick={() => {
              setLogged(false);
              setOpen(true);
            }}
          >
            {t('time.logAction')}
          </Button>
        )
      }
    >
      {logged ? <SuccessNotice>{t('time.logged')}</SuccessNotice> : null}
      {open ? (
        <EntryForm
          initial={entryFormValues()}
          submitLabel={t('time.logSubmit')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) =>
            create.mutate(toWorkLogInput(values), {
              onSuccess: () => {
                setOpen(false);
                setLogged(true);
              },
            })
          }
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </Section>
  );
}

/** An assistant's time: log by hand, fix drafts, submit weeks, and follow the weeks already submitted. */
export function Workspace() {
  const { t } = useTranslation();
  const member = useMember();
  const drafts = useWorkLogs({ status: 'draft', assistantId: member.user.id, limit: 100 });
  const weeks = useWeeks({ assistantId: member.user.id });
  // Said outside the group: once submitted, the group leaves the list of drafts.
  const [submitted, setSubmitted] = useState(false);
  const groups = useMemo(() => groupDrafts(drafts.data?.items ?? [], member.tenant.timeZone), [drafts.data, member.tenant.timeZone]);

  return (
    <>
      <LogTime />
      <Section title={t('time.draftsTitle')} description={t('time.draftsDescription')}>
        {submitted ? <SuccessNotice>{t('time.submitted')}</SuccessNotice> : null}
        <QueryView query={drafts}>
          {() =>
            groups.length === 0 ? (
              <EmptyState title={t('time.draftsEmptyTitle')}>{t('time.draftsEmptyText')}</EmptyState>
            ) : (
              <div className="draft-weeks" data-testid="draft-weeks">
                {groups.map((group) => (
                  <DraftWeek key={`${group.weekStart}:${group.engagementId}`} group={group} onSubmitted={() => setSubmitted(true)} />
                ))}
              </div>
            )
          }
        </QueryView>
      </Section>
      <Section title={t('weeks.yoursTitle')} description={t('weeks.yoursDescription')}>
        <QueryView query={weeks}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('weeks.emptyTitle')}>{t('weeks.yoursEmpty')}</EmptyState>
            ) : (
              <WeekList weeks={list.slice(0, 8)} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}
