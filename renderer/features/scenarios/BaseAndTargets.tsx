import { memo, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_YEAR, MIN_YEAR } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { targetKey } from './builder-keys';
import { ParameterField } from './ParameterField';
import { baseIsLinked, canAddTarget, niceStep, withTargetAdded, withTargetLabel, withTargetRemoved } from './scenario-form';

export interface BaseAndTargetsProps {
  scenario: WorkspaceScenario;
  /** The unit after a value field (亿元, firms…) and the word after a year field (年 in Chinese). */
  unitText: string;
  yearSuffix: string;
  /** The builder's one handler for typed numbers (a builder key and its value); returns the refusal, if any. */
  commitValue(key: string, value: number): string | null;
  /** The builder's edit: one undo step, checked by the engine; returns the refusal, if any. */
  change(apply: (s: WorkspaceScenario) => WorkspaceScenario, field: string, coalesce: boolean): string | null;
}

/**
 * The scenario's base (year and value) and its targets (year, value, label), typed by the analyst.
 * A typed base or target is the analyst's own figure, and the note under the base says so. Every
 * field is labelled and refused values are explained beside the field that holds them.
 */
export const BaseAndTargets = memo(function BaseAndTargets({ scenario, unitText, yearSuffix, commitValue, change }: BaseAndTargetsProps) {
  const { t } = useTranslation('scenarios');
  const id = useId();
  const [listError, setListError] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const notANumber = (field: string) => t('field.notANumberIn', { field });
  const baseYearLabel = t('base.year');
  const baseValueLabel = t('base.value');

  const add = () => {
    const refusal = change(withTargetAdded, 'targets', false);
    setListError(refusal);
    // The new target's year field takes the focus, so the analyst types its figures at once.
    if (refusal === null) requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('.sc-target:last-child input')?.focus());
  };
  const remove = (index: number) => {
    setListError(change((s) => withTargetRemoved(s, index), 'targets', false));
    // The row with the focused button is gone: focus stays in the panel.
    addButton.current?.focus();
  };

  return (
    <fieldset className="sc-panel" data-testid="base-and-targets">
      <legend>{t('base.title')}</legend>
      <ParameterField
        testId="param-baseYear"
        paramKey="baseYear"
        label={baseYearLabel}
        suffix={yearSuffix}
        value={scenario.base.year}
        min={MIN_YEAR}
        max={MAX_YEAR}
        step={1}
        slider={false}
        onCommit={commitValue}
        notANumber={notANumber(baseYearLabel)}
      />
      <ParameterField
        testId="param-baseValue"
        paramKey="baseValue"
        label={baseValueLabel}
        suffix={unitText}
        value={scenario.base.value}
        min={0}
        max={0}
        step={niceStep(scenario.base.value)}
        slider={false}
        onCommit={commitValue}
        notANumber={notANumber(baseValueLabel)}
      />
      <p className="sc-field-hint" data-testid="base-origin" data-linked={baseIsLinked(scenario)}>
        {baseIsLinked(scenario) ? t('base.linked') : t('base.own')}
      </p>

      <h4 id={`${id}-targets`} className="sc-subtitle">
        {t('targetEdit.title')}
      </h4>
      <div ref={list} role="list" aria-labelledby={`${id}-targets`} data-testid="target-editor">
        {scenario.targets.length === 0 ? <p className="sc-muted">{t('targetEdit.none')}</p> : null}
        {scenario.targets.map((target, index) => (
          <TargetRow
            key={index}
            index={index}
            target={target}
            unitText={unitText}
            yearSuffix={yearSuffix}
            commitValue={commitValue}
            change={change}
            notANumber={notANumber}
            onRemove={remove}
          />
        ))}
      </div>
      <button
        ref={addButton}
        type="button"
        className="button"
        onClick={add}
        disabled={!canAddTarget(scenario)}
        data-testid="add-target"
        aria-describedby={listError ? `${id}-error` : undefined}
      >
        {t('targetEdit.add')}
      </button>
      {listError ? (
        <p id={`${id}-error`} className="sc-field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
});

function TargetRow({
  index,
  target,
  unitText,
  yearSuffix,
  commitValue,
  change,
  notANumber,
  onRemove,
}: {
  index: number;
  target: WorkspaceScenario['targets'][number];
  unitText: string;
  yearSuffix: string;
  commitValue: BaseAndTargetsProps['commitValue'];
  change: BaseAndTargetsProps['change'];
  notANumber(field: string): string;
  onRemove(index: number): void;
}) {
  const { t } = useTranslation('scenarios');
  const n = index + 1;
  const yearLabel = t('targetEdit.year', { n });
  const valueLabel = t('targetEdit.value', { n });
  return (
    <div className="sc-target" role="listitem" data-testid={`target-${index}`}>
      <ParameterField
        testId={`target-${index}-year`}
        paramKey={targetKey(index, 'year')}
        label={yearLabel}
        suffix={yearSuffix}
        value={target.year}
        min={MIN_YEAR}
        max={MAX_YEAR}
        step={1}
        slider={false}
        onCommit={commitValue}
        notANumber={notANumber(yearLabel)}
      />
      <ParameterField
        testId={`target-${index}-value`}
        paramKey={targetKey(index, 'value')}
        label={valueLabel}
        suffix={unitText}
        value={target.value}
        min={0}
        max={0}
        step={niceStep(target.value)}
        slider={false}
        onCommit={commitValue}
        notANumber={notANumber(valueLabel)}
      />
      <TargetLabelField index={index} label={target.label ?? ''} change={change} />
      <button type="button" className="button" onClick={() => onRemove(index)} data-testid={`target-${index}-remove`}>
        {t('targetEdit.remove', { n })}
      </button>
    </div>
  );
}

/** The target's label, stored when the field is left or Enter pressed (one undo step); Esc puts the stored one back. */
function TargetLabelField({ index, label, change }: { index: number; label: string; change: BaseAndTargetsProps['change'] }) {
  const { t } = useTranslation('scenarios');
  const [draft, setDraft] = useState({ text: label, forLabel: label });
  if (draft.forLabel !== label) setDraft({ text: label, forLabel: label });
  const commit = () => {
    if (draft.text.trim() === label) return;
    change((s) => withTargetLabel(s, index, draft.text), `targets[${index}].label`, false);
  };
  return (
    <label className="sc-field">
      <span className="sc-field-label">{t('targetEdit.label', { n: index + 1 })}</span>
      <input
        type="text"
        value={draft.text}
        maxLength={200}
        data-testid={`target-${index}-label`}
        onChange={(event) => setDraft({ text: event.target.value, forLabel: label })}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft({ text: label, forLabel: label });
        }}
      />
    </label>
  );
}
