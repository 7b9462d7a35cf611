import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_SOURCE_DOCS, generateDataSourceDoc } from './gen-data-source-docs';
import { computeDerivedFigures, getBundledDataset, type Dataset } from '../shared/dataset';
import { renderDataSourceBlock } from '../shared/dataset/data-source-docs';

describe('#14.13.5 the derived figures in docs/data-source.*.md are generated from the dataset', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`#14.13.5 data-source.${lang}.md is up to date with the generator (run \`npx tsx scripts/gen-data-source-docs.ts\`)`, () => {
      expect(readFileSync(DATA_SOURCE_DOCS[lang], 'utf8')).toBe(generateDataSourceDoc(lang));
    });
  }

  it('#14.13.5 12.89, 1219, 6346 and 5.26 in the docs are the computed values', () => {
    const zh = readFileSync(DATA_SOURCE_DOCS.zh, 'utf8');
    const en = readFileSync(DATA_SOURCE_DOCS.en, 'utf8');
    // (5500 ÷ 3000)^(1/5) − 1 = 12.888…%; 7565 ÷ 1.192 = 6346.48; 7565 − 6346.48 = 1218.52; 33.44 ÷ 6.36 = 5.2579.
    for (const doc of [zh, en]) {
      expect(doc).toContain('(5500 ÷ 3000)^(1/5) − 1 ≈ 12.89%');
      expect(doc).toContain('7565 ÷ (1 + 19.2%) ≈ 6346');
      expect(doc).toContain('7565 − 7565 ÷ (1 + 19.2%) ≈ 1219');
      expect(doc).toContain('33.44 ÷ 6.36 ≈ 5.26');
    }
  });

  it('#14.13.5 a corrected figure changes the docs’ derived numbers with it', () => {
    const dataset: Dataset = structuredClone(getBundledDataset());
    const leverage = dataset.observations.find((o) => o.id === 'cq.projects-5-8.social-investment@2023-actual');
    if (!leverage) throw new Error('no social investment figure');
    leverage.value = 31.8;
    // 31.8 ÷ 6.36 = 5 exactly.
    expect(computeDerivedFigures(dataset).find((f) => f.id === 'cq.projects-5-8.fiscal-leverage@2023-implied')?.roundedValue).toBe(5);
    expect(renderDataSourceBlock(dataset, 'derived-figures', 'zh')).toContain('31.8 ÷ 6.36 ≈ 5倍');
    expect(renderDataSourceBlock(dataset, 'derived-figures', 'en')).toContain('31.8 ÷ 6.36 ≈ 5×');
  });
});
