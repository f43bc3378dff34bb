import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, QueryView, Section } from '../../ui';
import { getAnalytics, type Analytics } from './disclosure-insight-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { useDuration } from '../disclosures/disclosure-labels';
import { DISCLOSURE_SEVERITIES } from '@candor/domain';
import { MonthChart, monthColumns } from './month-chart';

function Figures({ data }: { data: Analytics }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const percent = (rate: number | null) =>
    rate === null
      ? t('analytics.noData')
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
  const figures: [string, string][] = [
    [t('analytics.disclosures'), format.number(data.disclosures)],
    [t('analytics.medianDisclose'), duration(data.medianTimeToDiscloseSeconds)],
    [t('analytics.medianResolve'), duration(data.medianTimeToResolveSeconds)],
    [t('analytics.remedyRate'), percent(data.remedyAcceptanceRate)],
    [t('analytics.offerRate'), percent(data.offerAcceptanceRate)],
    [
      t('analytics.compensation'),
      data.compensationTotals.length
        ? data.compensationTotals.map((total) => format.money(total.amount, total.currency)).join(' · ')
        : t('analytics.noCompensation'),
    ],
  ];
  return (
    <dl className="figures figures-wide" data-testid="analytics-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="figure">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Report({ data }: { data: Analytics }) {
  const { t, i18n } = useTranslation();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const label = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const columns = monthColumns(data.byMonth, data.from, data.to);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <Figures data={data} />
      <Section title={t('analytics.chartTitle')} description={t('analytics.chartDescription')}>
        <MonthChart columns={columns} label={label} />
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('analytics.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.month')}</th>
                {DISCLOSURE_SEVERITIES.map((severity) => (
                  <th key={severity} scope="col">
                    {t(`disclosure.severity.${severity}`)}
                  </th>
                ))}
                <th scope="col">{t('analytics.total')}</th>
              </tr>
            </thead>
            <tbody>
              {columns
                .filter((column) => column.total > 0)
                .map((column) => (
                  <tr key={column.month}>
                    <th scope="row">{label(column.month)}</th>
                    {DISCLOSURE_SEVERITIES.map((severity) => (
                      <td key={severity}>{number.format(column.bySeverity[severity])}</td>
                    ))}
                    <td>{number.format(column.total)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}

/** Owners and managers: how fast and how well the agency handles its errors. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const analytics = useQuery({ queryKey: ['disclosure-analytics'], queryFn: () => getAnalytics() });
  return (
    <>
      <PageHeader
        title={t('analytics.title')}
        description={t('analytics.description')}
        actions={
          <Link to="/lessons" className="button button-secondary">
            {t('analytics.lessonsLink')}
          </Link>
        }
      />
      <QueryView query={analytics}>{(data) => <Report data={data} />}</QueryView>
    </>
  );
}
