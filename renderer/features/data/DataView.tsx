import { useTranslation } from 'react-i18next';

export interface DataViewProps {
  /** Starts a new scenario from a figure of the article and opens it in the Scenarios view. */
  onUseInScenario(observationId: string): void;
}

export function DataView(_props: DataViewProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="view-data-title">
      <h2 id="view-data-title" className="view-title">
        {t('views.data.title')}
      </h2>
      <p className="view-intro">{t('views.data.intro')}</p>
    </section>
  );
}
