import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Card, ErrorAlert, Loading, PageTitle, SuccessNotice } from '../../ui';
import { lookupUnsubscribe, unsubscribe } from './notification-preference-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';

/** The footer link of an email: no sign-in; one button turns off the one kind of email it names. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const token = useSearchParams()[0].get('token')?.trim() ?? '';
  const lookup = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => lookupUnsubscribe(token),
    enabled: token !== '',
    retry: false,
  });
  const confirm = useMutation({ mutationFn: () => unsubscribe(token) });
  const invalid = t('unsubscribe.invalid');
  if (token === '') return <Problem messages={[invalid]} />;
  if (lookup.isPending) return <Loading label={t('common.loading')} />;
  if (lookup.isError) return <Problem messages={errorMessages(lookup.error, { 400: invalid, 404: invalid })} />;
  const { event, tenantName, email } = lookup.data;
  const off = confirm.isSuccess || lookup.data.mode === 'off';
  return (
    <Card title={t('unsubscribe.title')} description={t('unsubscribe.description', { email, tenant: tenantName })}>
      <PageTitle>{t('unsubscribe.title')}</PageTitle>
      <p>
        <strong>{t(`profile.events.${event}`)}</strong>
      </p>
      <ErrorAlert messages={confirm.isError ? errorMessages(confirm.error) : []} />
      {off ? (
        <SuccessNotice>{t('unsubscribe.done')}</SuccessNotice>
      ) : (
        <div className="card-actions">
          <Button variant="primary" pending={confirm.isPending} onClick={() => !confirm.isPending && confirm.mutate()}>
            {t('unsubscribe.confirm')}
          </Button>
        </div>
      )}
      <p className="card-footnote">{t('unsubscribe.onlyThis')}</p>
    </Card>
  );
}

function Problem({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('unsubscribe.title')}>
      <PageTitle>{t('unsubscribe.title')}</PageTitle>
      <ErrorAlert messages={messages} />
    </Card>
  );
}
