import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { Button, EmptyState, ErrorAlert, QueryView, Section, StatusBadge, SubmitButton, TextField } from '../../ui';
import { createShareLink, listShareLinks, revokeShareLink, type ShareLink, type TimesheetPeriod } from './timesheet-endpoints';
import { useErrorMessages, useFormErrors } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormat } from '../../lib/i18n/use-format';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { linkState } from './share-link-state';

const shareSchema = z.object({
  expiresInDays: z.string().check(z.trim(), z.regex(/^([1-9]|[1-8]\d|90)$/, m('expiryDays'))),
});
type ShareForm = z.infer<typeof shareSchema>;

const linksKey = (engagementId: string) => ['share-links', engagementId] as const;

/** "Week of 3–9 March" or "March 2027", in the reader's language. */
export function usePeriodLabel() {
  const format = useFormat();
  return (period: TimesheetPeriod['period'], start: string) =>
    period === 'week'
      ? format.weekRange(start)
      : new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${start}T12:00:00Z`));
}

/** The address exists only in the answer to its creation (the API keeps a hash): shown once, to copy. */
function NewLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the field stays there to copy by hand.
      setCopied(false);
    }
  };
  return (
    <div className="share-new" data-testid="new-share-link">
      <TextField label={t('share.url')} hint={t('share.urlHint')} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      <div className="form-actions">
        <Button variant="primary" onClick={() => void copy()}>
          {t('share.copy')}
        </Button>
        <p role="status" className="muted">
          {copied ? t('share.copied') : ''}
        </p>
      </div>
    </div>
  );
}

function LinkRow({ link, onRevoke, revoking }: { link: ShareLink; onRevoke: () => void; revoking: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = usePeriodLabel();
  const state = linkState(link);
  const periodText = label(link.period, link.periodStart);
  return (
    <li className="list-row">
      <div className="list-main">
        <p className="list-title">{periodText}</p>
        <p className="list-meta">
          <StatusBadge tone={state === 'active' ? 'success' : 'neutral'}>{t(`share.state.${state}`)}</StatusBadge>
          <span>
            {state === 'revoked' && link.revokedAt
              ? t('share.revokedOn', { date: format.dateTime(link.revokedAt) })
              : t(state === 'expired' ? 'share.expiredOn' : 'share.expiresOn', { date: format.dateTime(link.expiresAt) })}
          </span>
          <span>{t('share.createdOn', { date: format.dateTime(link.createdAt) })}</span>
        </p>
      </div>
      {state === 'active' ? (
        <div className="list-aside">
          <Button
            variant="quiet"
            pending={revoking}
            onClick={() => !revoking && onRevoke()}
            aria-label={t('share.revokeNamed', { period: periodText })}
          >
            {t('share.revoke')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** Read-only links to the timesheet of one week or month, for people without an account: expiring, revocable. */
export function ShareLinks({ engagementId, period }: { engagementId: string; period: TimesheetPeriod }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const queryClient = useQueryClient();
  const fieldError = useFieldError();
  const errorMessages = useErrorMessages();
  const links = useQuery({ queryKey: linksKey(engagementId), queryFn: () => listShareLinks(engagementId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: linksKey(engagementId) });
  const create = useMutation({
    mutationFn: (values: ShareForm) =>
      createShareLink(engagementId, { period: period.period, start: period.start, expiresInDays: Number(values.expiresInDays) }),
    onSuccess: refresh,
  });
  const revoke = useMutation({ mutationFn: (id: string) => revokeShareLink(id), onSuccess: refresh });
  const server = useFormErrors(create.error, ['expiresInDays', 'start', 'period'] as const);
  const form = useForm<ShareForm>({ resolver: zodResolver(shareSchema), defaultValues: { expiresInDays: '14' } });
  const periodText = label(period.period, period.start);
  return (
    <Section title={t('share.title')} description={t('share.description')}>
      <form
        className="form form-compact"
        noValidate
        aria-label={t('share.create')}
        onSubmit={form.handleSubmit((values) => !create.isPending && create.mutate(values))}
      >
        <ErrorAlert
          messages={[
            ...server.alert,
            ...(server.field('start') ? [server.field('start') ?? ''] : []),
            ...(server.field('period') ? [server.field('period') ?? ''] : []),
          ]}
        />
        <p>{t(period.period === 'week' ? 'share.forWeek' : 'share.forMonth', { period: periodText })}</p>
        <TextField
          label={t('share.expiresInDays')}
          hint={t('share.expiresHint')}
          inputMode="numeric"
          className="field-narrow"
          error={fieldError(form.formState.errors.expiresInDays) ?? server.field('expiresInDays')}
          {...form.register('expiresInDays')}
        />
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{t('share.create')}</SubmitButton>
        </div>
      </form>
      {create.data?.url ? <NewLink url={create.data.url} /> : null}
      <ErrorAlert messages={revoke.isError ? errorMessages(revoke.error) : []} />
      <QueryView query={links}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('share.emptyTitle')}>{t('share.emptyText')}</EmptyState>
          ) : (
            <ul className="list" data-testid="share-links">
              {list.map((link) => (
                <LinkRow
                  key={link.id}
                  link={link}
                  revoking={revoke.isPending && revoke.variables === link.id}
                  onRevoke={() => revoke.mutate(link.id)}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Section>
  );
}
