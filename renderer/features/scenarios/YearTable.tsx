import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Formatters } from '../../i18n/format';
import type { YearRow } from './scenario-form';

export interface YearTableProps {
  rows: readonly YearRow[];
  unit: string;
  fm: Formatters;
  hasBand: boolean;
  /** True while the table shows older numbers than the chart (it is rendered at low priority). */
  stale: boolean;
}

/** The chart's numbers year by year; rendered from a deferred copy of the rows so dragging stays smooth. */
export const YearTable = memo(function YearTable({ rows, unit, fm, hasBand, stale }: YearTableProps) {
  const { t } = useTranslation('scenarios');
  const shown = rows.filter((row) => row.projection !== undefined || row.actual !== undefined);
  return (
    <div className="sc-table-wrap" aria-busy={stale || undefined}>
      <table className="sc-table sc-years" data-testid="year-table">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.year')}</th>
            <th scope="col">{t('table.actual')}</th>
            <th scope="col">{t('table.value')}</th>
            {hasBand ? (
              <>
                <th scope="col">{t('table.p10')}</th>
                <th scope="col">{t('table.p50')}</th>
                <th scope="col">{t('table.p90')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.year} data-testid={`year-row-${row.year}`}>
              <th scope="row">{row.year}</th>
              <td>{row.actual === undefined ? '' : fm.value(row.actual, unit)}</td>
              <td data-testid={`year-value-${row.year}`}>{row.projection === undefined ? '' : fm.value(row.projection, unit)}</td>
              {hasBand ? (
                <>
                  <td>{row.p10 === undefined ? '' : fm.value(row.p10, unit)}</td>
                  <td>{row.p50 === undefined ? '' : fm.value(row.p50, unit)}</td>
                  <td>{row.p90 === undefined ? '' : fm.value(row.p90, unit)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
