import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportChoices } from '../../../shared/import/series';
import { UNIT_CODES, unitLabel, type UnitCode } from '../../../shared/units';
import { useFormatters } from '../../i18n/format';

/**
 * The questions a plain series raises (its file has no name or unit columns): the name, taken from
 * the file name, and the unit, 亿元 until the analyst picks another. An answer reads the file again.
 */
export function SeriesChoices({ choices, busy, onChange }: { choices: ImportChoices; busy: boolean; onChange(choices: ImportChoices): void }) {
  const { t } = useTranslation('import');
  const { lang } = useFormatters();
  const id = useId();
  const name = choices.name;
  const [draft, setDraft] = useState({ zh: name?.zh ?? '', en: name?.en ?? '', for: name });
  if (draft.for !== name) setDraft({ zh: name?.zh ?? '', en: name?.en ?? '', for: name });
  const commitName = () => {
    if (!name) return;
    const zh = draft.zh.trim().slice(0, 200);
    const en = draft.en.trim().slice(0, 200);
    // A name is needed: a blank Chinese name takes the English one, and both blank keep the current name.
    const next = { zh: zh || en || name.zh, en };
    if (next.zh !== name.zh || next.en !== name.en) onChange({ ...choices, name: next });
  };
  const onKey = (event: { key: string }) => {
    if (event.key === 'Enter') commitName();
  };
  return (
    <fieldset className="import-series" aria-busy={busy || undefined} aria-describedby={`${id}-about`} data-testid="import-series">
      <legend>{t('series.title')}</legend>
      <p id={`${id}-about`} className="import-series-about">
        {t('series.about')}
      </p>
      {name ? (
        <>
          <label className="import-series-field">
            <span>{t('series.nameZh')}</span>
            <input
              type="text"
              value={draft.zh}
              maxLength={200}
              data-testid="import-series-name-zh"
              onChange={(event) => setDraft({ ...draft, zh: event.target.value })}
              onBlur={commitName}
              onKeyDown={onKey}
            />
          </label>
          <label className="import-series-field">
            <span>{t('series.nameEn')}</span>
            <input
              type="text"
              value={draft.en}
              maxLength={200}
              data-testid="import-series-name-en"
              onChange={(event) => setDraft({ ...draft, en: event.target.value })}
              onBlur={commitName}
              onKeyDown={onKey}
            />
          </label>
        </>
      ) : null}
      {choices.unit ? (
        <label className="import-series-field">
          <span>{t('series.unit')}</span>
          <select
            value={choices.unit}
            data-testid="import-series-unit"
            onChange={(event) => onChange({ ...choices, unit: event.target.value as UnitCode })}
            aria-describedby={`${id}-unit`}
          >
            {UNIT_CODES.map((code) => (
              <option key={code} value={code}>
                {unitLabel(code, lang)}
              </option>
            ))}
          </select>
          <span id={`${id}-unit`} className="import-series-hint">
            {t('series.unitHint')}
          </span>
        </label>
      ) : null}
      {busy ? <p role="status">{t('series.rereading')}</p> : null}
    </fieldset>
  );
}
