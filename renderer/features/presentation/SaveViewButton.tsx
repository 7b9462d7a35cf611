import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usePresentation, type ChartViewMeta } from './PresentationProvider';

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
      <span aria-hidden="true">{saved ? '✓ ' : '📌 '}</span>
      {saved ? t('savedView') : t('saveView')}
    </button>
  );
}
