import { useTranslation } from 'react-i18next';
import type { HeatmapState } from '../../../shared/charts/chart-state';
import { cellColours } from './heatmap-colour';

/** Past this many columns the cells get a smaller type so the table still fits the frame. */
const DENSE_COLUMNS = 12;

/**
 * A thin drawing of a heatmap state as an HTML table (readable by screen readers cell by cell):
 * the printed values and axis labels come from the state, the colours from its scale.
 */
export function HeatmapTable({ state, caption }: { state: HeatmapState; caption: string }) {
  const { t } = useTranslation('sensitivity');
  const dense = state.columns.length > DENSE_COLUMNS;
  return (
    <div className="sensitivity-heatmap-wrap">
      <table className={`sensitivity-heatmap${dense ? ' is-dense' : ''}`} data-testid="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sensitivity-corner">
              {t('cornerLabel', { rows: state.yTitle, columns: state.xTitle })}
            </th>
            {state.columns.map((column, columnIndex) => (
              <th key={columnIndex} scope="col" data-testid={`heatmap-column-${columnIndex}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {state.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              <th scope="row" data-testid={`heatmap-row-${rowIndex}`}>
                {row.label}
              </th>
              {(state.cells[rowIndex] ?? []).map((cell, columnIndex) => {
                const testId = `heatmap-cell-${rowIndex}-${columnIndex}`;
                if (!Number.isFinite(cell.value)) {
                  return (
                    <td key={columnIndex} className="sensitivity-cell is-invalid" data-testid={testId}>
                      {cell.label}
                      <span className="visually-hidden">{t('invalidCell')}</span>
                    </td>
                  );
                }
                const current = state.current?.row === rowIndex && state.current.column === columnIndex;
                const colours = cellColours(cell.value, state.scale.min, state.scale.max);
                return (
                  <td
                    key={columnIndex}
                    className={`sensitivity-cell${current ? ' is-current' : ''}`}
                    style={{ background: colours.background, color: colours.text }}
                    data-testid={testId}
                  >
                    {cell.label}
                    {current ? <span className="visually-hidden"> ({t('currentCell')})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
