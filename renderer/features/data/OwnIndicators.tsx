import { useTranslation } from 'react-i18next';
import { inLang, isUnitCode, unitLabel } from '../../../shared/units';
import type { ImportedIndicator } from '../../../shared/workspace';
import { useFormatters } from '../../i18n/format';

/**
 * The workspace's imported indicators that the search finds, beside the article's tree: the
 * analyst's own figures are looked up in the same box as the article's, and are marked as theirs.
 */
export function OwnIndicators({ indicators }: { indicators: readonly ImportedIndicator[] }) {
  const { t } = useTranslation('data');
  const fm = useFormatters();
  if (indicators.length === 0) return null;
  return (
    <section className="data-own" aria-labelledby="data-own-title" data-testid="data-own">
      <h3 id="data-own-title" className="data-own-title">
        {t('own.title', { count: indicators.length })}
      </h3>
      <p className="data-muted data-small">{t('own.hint')}</p>
      <ul className="data-own-list">
        {indicators.map((indicator) => (
          <li key={indicator.id} data-testid={`own-indicator-${indicator.id}`}>
            <p className="data-own-name">
              {inLang(indicator.name, fm.lang)}{' '}
              <span className="data-scope-tag">{isUnitCode(indicator.unit) ? unitLabel(indicator.unit, fm.lang) : indicator.unit}</span>
            </p>
            {indicator.sourceNote ? <p className="data-muted data-small">{t('own.source', { note: indicator.sourceNote })}</p> : null}
            <table className="data-own-table">
              <caption className="visually-hidden">{t('own.caption', { name: inLang(indicator.name, fm.lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.year')}</th>
                  <th scope="col">{t('detail.kind')}</th>
                  <th scope="col">{t('detail.value')}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.observations.map((observation) => (
                  <tr key={`${observation.year}-${observation.kind}`}>
                    <td>{observation.year}</td>
                    <td>{t(`own.kind.${observation.kind}`)}</td>
                    <td className="data-own-value">{fm.value(observation.value, indicator.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </section>
  );
}
