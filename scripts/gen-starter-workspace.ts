/**
 * Regenerates assets/workspace/starter.sdesk from assets/data/dataset.json:
 *   npx tsx scripts/gen-starter-workspace.ts
 * The scenarios are built in shared/workspace/starter-build.ts (pure, tested); this script only
 * writes the file. shared/workspace/starter-build.test.ts fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getBundledDataset } from '../shared/dataset';
import { serializeWorkspace } from '../shared/workspace/parse';
import { buildStarterWorkspace } from '../shared/workspace/starter-build';

const STARTER_PATH = fileURLToPath(new URL('../assets/workspace/starter.sdesk', import.meta.url));

writeFileSync(STARTER_PATH, serializeWorkspace(buildStarterWorkspace(getBundledDataset())), 'utf8');
console.log(`wrote ${STARTER_PATH}`);
