import { memo, useId, useState, type KeyboardEvent } from 'react';
import { parseNumberInput, stepValue } from './scenario-form';

export interface ParameterFieldProps {
  /** Stable test id stem, e.g. `param-growthRatePercent`. */
  testId: string;
  label: string;
  /** Unit shown after the number field (%, 亿元, 年…). */
  suffix: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Without a slider for settings such as trials or a distribution's spread. */
  slider?: boolean;
  /** Passed back to `onCommit`, so one stable handler serves every field (and memo keeps untouched fields still). */
  paramKey: string;
  /** Tries the value; returns the engine's message (in the UI language) when it is refused. */
  onCommit(paramKey: string, value: number): string | null;
  /** Message when the typed text is not a number at all. */
  notANumber: string;
  hint?: string;
}

function textOf(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * A number with a slider and a text field that stay in sync. Arrow keys step, Shift+arrow ten
 * steps. A refused value stays in the field with the reason beside it; the workspace keeps the
 * last valid one.
 */
export const ParameterField = memo(function ParameterField({
  testId,
  label,
  suffix,
  value,
  min,
  max,
  step,
  slider = true,
  paramKey,
  onCommit,
  notANumber,
  hint,
}: ParameterFieldProps) {
  const id = useId();
  const def = { value, min, max, step };
  const [draft, setDraft] = useState({ text: textOf(def.value), forValue: def.value });
  const [error, setError] = useState<string | null>(null);
  if (draft.forValue !== def.value) {
    // The value changed elsewhere (slider, undo, another view): show it.
    setDraft({ text: textOf(def.value), forValue: def.value });
    setError(null);
  }

  const commit = (value: number, text: string) => {
    const refusal = onCommit(paramKey, value);
    setError(refusal);
    setDraft({ text, forValue: refusal === null ? value : def.value });
  };

  const onType = (text: string) => {
    const value = parseNumberInput(text);
    if (Number.isNaN(value)) {
      setDraft({ text, forValue: def.value });
      setError(text.trim() === '' ? null : notANumber);
      return;
    }
    commit(value, text);
  };

  const onArrow = (event: KeyboardEvent<HTMLInputElement>, vertical: boolean) => {
    const up = event.key === 'ArrowUp' || (!vertical && event.key === 'ArrowRight');
    const down = event.key === 'ArrowDown' || (!vertical && event.key === 'ArrowLeft');
    if (!up && !down) return;
    event.preventDefault();
    const current = parseNumberInput(draft.text);
    const from = Number.isNaN(current) ? def.value : current;
    const next = stepValue(from, def.step, up ? 1 : -1, event.shiftKey);
    commit(next, textOf(next));
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="sc-field" data-testid={testId}>
      <label htmlFor={`${id}-number`} className="sc-field-label">
        {label}
      </label>
      <div className="sc-field-inputs">
        {slider ? (
          <input
            type="range"
            className="sc-slider"
            aria-label={label}
            min={def.min}
            max={def.max}
            step={def.step}
            value={def.value}
            data-testid={`${testId}-slider`}
            onChange={(event) => commit(Number(event.target.value), event.target.value)}
            onKeyDown={(event) => onArrow(event, false)}
            aria-describedby={describedBy}
          />
        ) : null}
        <input
          id={`${id}-number`}
          type="text"
          inputMode="decimal"
          className="sc-number"
          value={draft.text}
          data-testid={`${testId}-input`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={(event) => onArrow(event, true)}
          onBlur={() => {
            if (error === null && draft.forValue === def.value && parseNumberInput(draft.text) !== def.value)
              setDraft({ text: textOf(def.value), forValue: def.value });
          }}
        />
        <span className="sc-field-suffix">{suffix}</span>
      </div>
      {hint ? (
        <p id={hintId} className="sc-field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="sc-field-error" role="alert" data-testid={`${testId}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
});
