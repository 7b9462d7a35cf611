import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usePresentation, type ChartViewMeta } from './presentation-context';

export interface SaveViewButtonProps {
  chartId: string;
  figureRef: RefObject<HTMLElement | null>;
  meta: ChartViewMeta;
}

/** The pin on a chart frame that adds the chart to the presentation; nothing outside a PresentationProvider. */
export function SaveViewButton({ chartId, figureRef, meta }: SaveViewButtonProps) {
  const { t } = useTranslation('presentation');
  const presentation = usePresentation();
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  });
  const registerChart = presentation?.registerChart;
  useEffect(() => registerChart?.(chartId, { figureRef, meta: metaRef }), [registerChart, chartId, figureRef]);
  if (!presentation) return null;
  const saved = presentation.isSaved(chartId);
  return (
    <button
      type="button"
      className="button"
      aria-pressed={saved}
      title={t('saveViewHint')}
      data-testid={`save-view-${chartId}`}
      onClick={() => presentation.toggleSavedView(chartId, figureRef.current, metaRef.current)}
    >
      {/* Drawn, not an emoji: the bundled font has no emoji, and machines without an emoji font showed a blank box. */}
      <svg className="button-icon" aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
        {saved ? <path d="M2.5 8.5l3.5 3.5 7.5-8" /> : <path d="M4 1.5h8v13l-4-3.2-4 3.2z" />}
      </svg>
      {saved ? t('savedView') : t('saveView')}
    </button>
  );
}
