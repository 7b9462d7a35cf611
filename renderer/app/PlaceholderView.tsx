import { useTranslation } from 'react-i18next';
import type { ViewId } from './views';

/** A view whose feature has not arrived yet: says what it is for and that it is empty. */
export function PlaceholderView({ view }: { view: Exclude<ViewId, 'data'> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`view-${view}-title`}>
      <h2 id={`view-${view}-title`} className="view-title">
        {t(`views.${view}.title`)}
      </h2>
      <p className="view-intro">{t(`views.${view}.intro`)}</p>
      <div className="empty-state" role="status">
        {t(`views.${view}.empty`)}
      </div>
    </section>
  );
}
