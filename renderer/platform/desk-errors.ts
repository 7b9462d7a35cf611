import { DeskError, type DeskApi, type DeskRequest } from '../../shared/platform/desk-api';
import { deskErrorFromBridge } from '../../shared/platform/ipc-result';

/**
 * Maps the failures of one request to DeskErrors. Its type admits only functions that return a
 * promise, so an event subscription (which returns its unsubscribe function) cannot be passed.
 */
function mapErrors<A extends unknown[], R>(request: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => request(...args).catch((error: unknown) => Promise.reject(error instanceof DeskError ? error : deskErrorFromBridge(error)));
}

/**
 * Errors from the Electron bridge arrive as plain Errors (contextBridge keeps only the message);
 * this gives the renderer DeskErrors either way. Every member is listed by name, typed against
 * `DeskApi`: a new request must be added here to compile, and a member of another shape (an event
 * subscription) cannot be wrapped by `mapErrors` by mistake — it is passed through as it is.
 */
export function withDeskErrors(api: DeskApi): DeskApi {
  const requests: { [K in DeskRequest]: DeskApi[K] } = {
    getAppInfo: mapErrors(() => api.getAppInfo()),
    getSettings: mapErrors(() => api.getSettings()),
    setSettings: mapErrors((patch) => api.setSettings(patch)),
    listWorkspaces: mapErrors(() => api.listWorkspaces()),
    openWorkspace: mapErrors(() => api.openWorkspace()),
    openRecentWorkspace: mapErrors((id) => api.openRecentWorkspace(id)),
    openWorkspaceBackup: mapErrors((id) => api.openWorkspaceBackup(id)),
    saveWorkspace: mapErrors((id, text) => api.saveWorkspace(id, text)),
    saveWorkspaceAs: mapErrors((suggestedName, text) => api.saveWorkspaceAs(suggestedName, text)),
    saveExport: mapErrors((request) => api.saveExport(request)),
    pickImportFile: mapErrors((kinds) => api.pickImportFile(kinds)),
    loadDraft: mapErrors(() => api.loadDraft()),
    saveDraft: mapErrors((draft) => api.saveDraft(draft)),
    setAsideDraft: mapErrors(() => api.setAsideDraft()),
    setDocumentState: mapErrors((state) => api.setDocumentState(state)),
  };
  return {
    ...requests,
    // A subscription returns its unsubscribe function, not a promise: nothing to map.
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
