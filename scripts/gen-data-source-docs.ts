/**
 * Regenerates the computed blocks of docs/data-source.zh.md and data-source.en.md (derived figures,
 * consistency checks) from assets/data/dataset.json:
 *   npx tsx scripts/gen-data-source-docs.ts
 * The rendering lives in shared/dataset/data-source-docs.ts; the prose around the blocks is kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getBundledDataset } from '../shared/dataset';
import { withGeneratedBlocks } from '../shared/dataset/data-source-docs';
import type { Lang } from '../shared/units';

export const DATA_SOURCE_DOCS: Readonly<Record<Lang, string>> = {
  zh: fileURLToPath(new URL('../docs/data-source.zh.md', import.meta.url)),
  en: fileURLToPath(new URL('../docs/data-source.en.md', import.meta.url)),
};

/** The full text the doc in `lang` must have for the bundled dataset. */
export function generateDataSourceDoc(lang: Lang): string {
  return withGeneratedBlocks(readFileSync(DATA_SOURCE_DOCS[lang], 'utf8'), getBundledDataset(), lang);
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  for (const lang of ['zh', 'en'] as const) {
    writeFileSync(DATA_SOURCE_DOCS[lang], generateDataSourceDoc(lang), 'utf8');
    console.log(`wrote ${DATA_SOURCE_DOCS[lang]}`);
  }
}
