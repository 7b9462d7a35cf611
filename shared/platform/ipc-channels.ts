/**
 * One IPC channel per bridge function, and the zod schema of its arguments.
 * The main process validates every payload against these before doing anything.
 */
import { z } from 'zod';
import { settingsPatchSchema } from '../settings/settings';
import { payloadLimits, type DeskRequest } from './desk-api';

const workspaceId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id issued by the app');
const suggestedName = z.string().min(1).max(payloadLimits.nameChars);
const workspaceText = z.string().max(payloadLimits.workspaceTextChars, 'workspace is larger than 20 MB');

/** Also the shape of the stored draft, which is re-checked when read back. */
export const workspaceDraftSchema = z.strictObject({
  text: workspaceText,
  entry: z.strictObject({ id: workspaceId, name: z.string().min(1).max(500), modifiedAt: z.string().max(40).nullable() }).nullable(),
  dirty: z.boolean(),
});

export const ipcArgumentSchemas = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([settingsPatchSchema]),
  listWorkspaces: z.tuple([]),
  openWorkspace: z.tuple([]),
  openRecentWorkspace: z.tuple([workspaceId]),
  openWorkspaceBackup: z.tuple([workspaceId]),
  saveWorkspace: z.tuple([workspaceId, workspaceText]),
  saveWorkspaceAs: z.tuple([suggestedName, workspaceText]),
  saveExport: z.tuple([
    z.strictObject({
      suggestedName,
      kind: z.enum(['xlsx', 'png', 'svg', 'csv', 'json']),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= payloadLimits.exportBytes, 'export is too large'),
    }),
  ]),
  pickImportFile: z.tuple([
    z
      .array(z.enum(['csv', 'xlsx', 'sdesk']))
      .min(1)
      .max(3),
  ]),
  loadDraft: z.tuple([]),
  saveDraft: z.tuple([workspaceDraftSchema]),
  setAsideDraft: z.tuple([]),
  setDocumentState: z.tuple([z.strictObject({ title: z.string().max(300), dirty: z.boolean() })]),
} satisfies { [K in DeskRequest]: z.ZodType };

export type DeskChannel = keyof typeof ipcArgumentSchemas;
