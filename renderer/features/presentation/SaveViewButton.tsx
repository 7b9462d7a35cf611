import { useTranslation } from 'react-i18next';
import type { ChartFrameActionProps } from '../../app/chart-actions';
import { usePresentation } from './presentation-context';

/** The pin on a chart frame that adds the chart's current state to the presentation; nothing outside a PresentationProvider. */
export function SaveViewButton({ chartId, state }: ChartFrameActionProps) {
  const { t } = useTranslation('presentation');
  const presentation = usePresentation();
  if (!presentation) return null;
  const saved = presentation.isSaved(chartId);
  return (
    <button
      type="button"
      className="button"
      aria-pressed={saved}
      title={t('saveViewHint')}
      data-testid={`save-view-${chartId}`}
      onClick={() => presentation.toggleSavedView(chartId, state)}
    >
      {/* Drawn, not an emoji: the bundled font has no emoji, and machines without an emoji font showed a blank box. */}
      <svg
        className="button-icon"
        aria-hidden="true"
        width="12"
        height="12"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      >
        {saved ? <path d="M2.5 8.5l3.5 3.5 7.5-8" /> : <path d="M4 1.5h8v13l-4-3.2-4 3.2z" />}
      </svg>
      {saved ? t('savedView') : t('saveView')}
    </button>
  );
}
