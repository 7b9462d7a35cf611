import { useTranslation } from 'react-i18next';

export function DataView() {
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
