import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import articleText from '../../../assets/source/article.txt?raw';
import type { DatasetSource, SourceRef } from '../../../shared/dataset';
import { useFormatters } from '../../i18n/format';
import { formatPartialDate, splitArticle } from './data-model';

export interface ArticlePaneProps {
  datasetSource: DatasetSource;
  /** The quote to mark, or null to show the article unmarked. */
  quote: SourceRef | null;
  /** Changes whenever the selection changes, so re-selecting scrolls again. */
  selectionKey: string | null;
}

/**
 * The bundled article as plain React text with the selected quote in a <mark>
 * (never innerHTML: the text is data), scrolled so the quote sits mid-pane.
 */
export function ArticlePane({ datasetSource, quote, selectionKey }: ArticlePaneProps) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const textRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const split = useMemo(() => (quote === null ? null : splitArticle(articleText, quote)), [quote]);

  useLayoutEffect(() => {
    const container = textRef.current;
    const mark = markRef.current;
    if (!container || !mark) return;
    // Centre the quote inside the pane first, then make sure the pane itself is on screen.
    container.scrollTop = Math.max(0, mark.offsetTop - container.clientHeight / 2 + mark.offsetHeight / 2);
    mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectionKey, split]);

  return (
    <section className="data-article" aria-labelledby="data-article-title">
      <header className="data-article-header">
        <h3 id="data-article-title">{t('article.label')}</h3>
        <p className="data-muted">
          {datasetSource.publisher[lang]} · {formatPartialDate(datasetSource.publishedDate, lang)}
        </p>
      </header>
      {split?.placement === 'relocated' ? (
        <p className="data-article-notice" role="note">
          <span aria-hidden="true">ℹ </span>
          {t('article.quoteRelocated')}
        </p>
      ) : null}
      {split?.placement === 'missing' && quote ? (
        <p className="data-article-notice is-warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('article.quoteNotFound', { quote: quote.quote })}
        </p>
      ) : null}
      <div
        ref={textRef}
        className="data-article-text"
        lang="zh-CN"
        tabIndex={0}
        role="region"
        aria-label={`${datasetSource.publisher[lang]} ${formatPartialDate(datasetSource.publishedDate, lang)}`}
        data-testid="article-text"
      >
        {split !== null && split.placement !== 'missing' ? (
          <>
            {split.before}
            <span className="visually-hidden">{t('article.highlighted')}: </span>
            <mark ref={markRef} data-testid="article-highlight">
              {split.quote}
            </mark>
            {split.after}
          </>
        ) : (
          articleText
        )}
      </div>
      <p className="data-article-caveat data-muted">{t('article.caveats', { text: datasetSource.caveats[lang] })}</p>
    </section>
  );
}
