import { useTranslation } from 'react-i18next';
import type { Analytics } from './disclosure-insight-endpoints';
import type { DisclosureSeverity } from '../disclosures/disclosure-endpoints';
import { DISCLOSURE_SEVERITIES } from '@candor/domain';

export interface MonthColumn {
  month: string;
  bySeverity: Record<DisclosureSeverity, number>;
  total: number;
}

/** The analytics rows (month x category x severity) as one column per month, stacked by severity. */
export function monthColumns(byMonth: Analytics['byMonth'], from: string, to: string): MonthColumn[] {
  const columns: MonthColumn[] = [];
  const [fromYear = 0, fromMonth = 1] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 1] = to.split('-').map(Number);
  for (
    let year = fromYear, month = fromMonth;
    year < toYear || (year === toYear && month <= toMonth);
    month === 12 ? ((month = 1), year++) : month++
  ) {
    columns.push({ month: `${year}-${String(month).padStart(2, '0')}`, bySeverity: { low: 0, medium: 0, high: 0, critical: 0 }, total: 0 });
    if (columns.length > 60) break;
  }
  for (const row of byMonth) {
    const column = columns.find((c) => c.month === row.month);
    if (!column) continue;
    column.bySeverity[row.severity] += row.count;
    column.total += row.count;
  }
  return columns;
}

/**
 * Disclosures per month as a plain SVG bar chart, stacked by severity. The chart is one image with a
 * text alternative; the table after it carries the same numbers for screen readers and keyboard users.
 */
export function MonthChart({ columns, label }: { columns: MonthColumn[]; label: (month: string) => string }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...columns.map((c) => c.total));
  const width = 640;
  const height = 220;
  const bottom = 28;
  const slot = width / Math.max(1, columns.length);
  const bar = Math.min(34, slot * 0.6);
  const number = new Intl.NumberFormat(i18n.language);
  const summary = columns.map((c) => t('analytics.chartLabel', { month: label(c.month), count: number.format(c.total) })).join(', ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t('analytics.chartTitle')}: ${summary}`} className="chart-svg">
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} className="chart-axis" />
        {columns.map((column, index) => {
          // Mirrored for right-to-left readers, so time runs the way they read.
          const x = (i18n.dir() === 'rtl' ? columns.length - 1 - index : index) * slot + (slot - bar) / 2;
          let y = height - bottom;
          return (
            <g key={column.month}>
              {DISCLOSURE_SEVERITIES.map((severity) => {
                const value = column.bySeverity[severity];
                if (!value) return null;
                const h = (value / max) * (height - bottom - 24);
                y -= h;
                return <rect key={severity} x={x} y={y} width={bar} height={h} rx="3" className={`chart-bar severity-fill-${severity}`} />;
              })}
              {column.total ? (
                <text x={x + bar / 2} y={y - 6} textAnchor="middle" className="chart-value">
                  {number.format(column.total)}
                </text>
              ) : null}
              <text x={x + bar / 2} y={height - 8} textAnchor="middle" className="chart-label">
                {label(column.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {DISCLOSURE_SEVERITIES.map((severity) => (
          <span key={severity} className="legend-item">
            <span className={`legend-swatch severity-fill-${severity}`} aria-hidden="true" />
            {t(`disclosure.severity.${severity}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
