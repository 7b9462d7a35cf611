// Writes docs/workspace.schema.json and docs/settings.schema.json from their zod schemas. Run: npx tsx scripts/gen-workspace-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { settingsJsonSchema } from '../shared/settings/settings';
import { workspaceJsonSchema } from '../shared/workspace/schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'docs/workspace.schema.json');
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, output)}`);
const settingsOutput = path.join(root, 'docs/settings.schema.json');
writeFileSync(settingsOutput, `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, settingsOutput)}`);
