/**
 * Regenerates docs/dataset.md from assets/data/dataset.json:
 *   npx tsx scripts/gen-dataset-docs.ts
 * The rendering lives in shared/dataset (pure, testable); this script only
 * validates the bundled data and writes the file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getBundledDataset, renderDatasetMarkdown } from '../shared/dataset';

export const DATASET_DOCS_PATH = fileURLToPath(new URL('../docs/dataset.md', import.meta.url));

/** The full text docs/dataset.md must have for the bundled dataset. */
export function generateDatasetDocs(): string {
  return renderDatasetMarkdown(getBundledDataset());
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  writeFileSync(DATASET_DOCS_PATH, generateDatasetDocs(), 'utf8');
  console.log(`wrote ${DATASET_DOCS_PATH}`);
}
