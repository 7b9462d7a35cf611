// Writes docs/workspace.schema.json from the zod schema. Run: npx tsx scripts/gen-workspace-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceJsonSchema } from '../shared/workspace/schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'docs/workspace.schema.json');
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, output)}`);
