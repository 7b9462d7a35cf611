import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_DOCS_PATH, generateDatasetDocs } from './gen-dataset-docs';
import { getBundledDataset } from '../shared/dataset/index';

describe('docs/dataset.md', () => {
  const generated = generateDatasetDocs();

  it('is up to date with the generator (run `npx tsx scripts/gen-dataset-docs.ts`)', () => {
    expect(readFileSync(DATASET_DOCS_PATH, 'utf8')).toBe(generated);
  });

  it('lists every observation with its value, unit, kind, year and quote', () => {
    const rows = generated.split('\n');
    for (const observation of getBundledDataset().observations) {
      const row = rows.find((line) => line.startsWith(`| \`${observation.id}\` |`));
      expect(row, observation.id).toBeDefined();
      const cells = (row ?? '').split(' | ');
      expect(cells[1]).toBe(observation.date ?? String(observation.year));
      expect(cells[2]).toBe(observation.kind);
      expect(cells[4]).toBe(observation.value === null ? '**null**' : String(observation.value));
      expect(row).toContain(`「${observation.source.quote.replace(/\n/g, '⏎')}」`);
    }
  });
});
