/**
 * The open workspace: its undo history, the file it belongs to, the autosaved draft, and the
 * file commands (New, Open, Save, Save As, recent files). It provides the `run` of the registry
 * commands new, open, save, saveAs, undo and redo (`shared/commands/catalog.ts` declares their
 * labels and shortcuts). Every view reads and edits the workspace through `useWorkspace()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError, type DeskApi, type WorkspaceDraft, type WorkspaceEntry } from '../../../shared/platform/desk-api';
import { createEmptyWorkspace, serializeWorkspace, WorkspaceError, type Workspace } from '../../../shared/workspace';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { langOf } from '../../../shared/units';
import { useCommand } from '../commands/hooks';
import { useNotify } from '../notifications';
import { workspaceTitle } from './workspace-title';
import { canRedo, canUndo, recordEdit, redo as redoHistory, startHistory, undo as undoHistory, type History } from './history';
import {
  readWorkspaceText,
  workspaceReadLimits,
  type ReadOptions,
  type WorkspaceRead,
  type WorkspaceReadProblem,
  type WorkspaceReadResult,
} from './workspace-read';

export const draftDebounceMs = 800;

export interface WorkspaceContextValue {
  workspace: Workspace;
  entry: WorkspaceEntry | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  recent: WorkspaceEntry[];
  /** The name of the file being read, once reading it has taken longer than `workspaceReadLimits.progressAfterMs`; else `null`. */
  reading: string | null;
  selectedScenarioId: string | null;
  selectScenario(id: string | null): void;
  /** Applies an edit; edits with the same `coalesceKey` in quick succession are one undo step. */
  edit(change: (workspace: Workspace, nowIso: string) => Workspace, coalesceKey?: string): void;
  undo(): void;
  redo(): void;
  newWorkspace(): void;
  openWorkspace(): Promise<void>;
  openRecent(id: string): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

interface DocumentInfo {
  entry: WorkspaceEntry | null;
  dirty: boolean;
}

/** What became of a draft that could not be read; shown to the user once at start-up. */
export interface UnreadableDraft {
  /**
   * `set-aside`: moved to `fileName`, a new draft may start; `kept`: it could not be moved, so
   * nothing may autosave over it; `not-loaded`: the platform could not even read it (`reason`).
   */
  outcome: 'set-aside' | 'kept' | 'not-loaded';
  fileName: string | null;
  problems: readonly WorkspaceReadProblem[];
  /** The draft's text exactly as stored, for "Export this draft…"; `null` when it could not be read. */
  text: string | null;
  reason?: string;
}

export interface InitialWorkspace {
  workspace: Workspace;
  entry: WorkspaceEntry | null;
  dirty: boolean;
  /** `false` when an unreadable draft is still where autosave would write: this session must not replace it. */
  autosaveDraft: boolean;
  unreadableDraft: UnreadableDraft | null;
}

/** How many of an unreadable draft's problems the notice lists. */
const draftProblemsShown = 5;

/** What messages call the draft: the name of its file on the desktop, and of the copies set aside. */
const draftName = 'draft.sdesk.json';

/**
 * The draft from the last session if there is a usable one, else the bundled starter workspace.
 * A draft that is there but cannot be read is never overwritten: it is set aside first, and only
 * once that worked does the starter workspace (and with it a new draft) begin; if it did not, this
 * session does not autosave at all.
 */
export async function loadInitialWorkspace(platform: DeskApi, readOptions?: ReadOptions): Promise<InitialWorkspace> {
  const starter = { workspace: loadStarterWorkspace(), entry: null, dirty: false };
  let draft: WorkspaceDraft | null;
  try {
    draft = await platform.loadDraft();
  } catch (error) {
    // What is stored may still be the user's work, so this session leaves it alone rather than autosaving over it.
    const reason = error instanceof Error ? error.message : String(error);
    return { ...starter, autosaveDraft: false, unreadableDraft: { outcome: 'not-loaded', fileName: null, problems: [], text: null, reason } };
  }
  if (!draft) return { ...starter, autosaveDraft: true, unreadableDraft: null };
  // On a worker with the time limit, like any file: a draft that takes too long (or kills the worker) is
  // set aside like an unreadable one, so it is kept byte for byte and the next start is not stuck on it.
  const parsed = await readWorkspaceText(draft.text, draftName, readOptions).result;
  if (parsed.ok) return { workspace: parsed.workspace, entry: draft.entry, dirty: draft.dirty, autosaveDraft: true, unreadableDraft: null };
  const problems = parsed.problems.slice(0, draftProblemsShown);
  try {
    const { fileName } = await platform.setAsideDraft();
    return { ...starter, autosaveDraft: true, unreadableDraft: { outcome: 'set-aside', fileName, problems, text: draft.text } };
  } catch {
    return { ...starter, autosaveDraft: false, unreadableDraft: { outcome: 'kept', fileName: null, problems, text: draft.text } };
  }
}

export function WorkspaceProvider({ platform, initial, children }: { platform: DeskApi; initial: InitialWorkspace; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [history, setHistory] = useState<History<Workspace>>(() => startHistory(initial.workspace));
  const [doc, setDoc] = useState<DocumentInfo>({ entry: initial.entry, dirty: initial.dirty });
  const [recent, setRecent] = useState<WorkspaceEntry[]>([]);
  const [reading, setReading] = useState<string | null>(null);
  const [selectedScenarioId, setSelectedScenarioId] = useState<string | null>(initial.workspace.scenarios[0]?.id ?? null);
  const workspace = history.present;
  // Save commands read the newest state without being re-created on every edit.
  const latest = useRef({ workspace, doc });
  useEffect(() => {
    latest.current = { workspace, doc };
  }, [workspace, doc]);

  const describeProblems = useCallback(
    (problems: readonly WorkspaceReadProblem[]) => problems.map((p) => `${p.path}: ${i18n.language === 'en' ? p.message : p.messageZh}`),
    [i18n.language],
  );

  const reportError = useCallback(
    (error: unknown, what: string) => {
      if (error instanceof WorkspaceError) notify('error', t('workspace.invalid', { what }), describeProblems(error.problems));
      else if (error instanceof DeskError) notify('error', t('workspace.failed', { what }), [error.message]);
      else notify('error', t('workspace.failed', { what }), [error instanceof Error ? error.message : String(error)]);
    },
    [notify, t, describeProblems],
  );

  const refreshRecent = useCallback(() => {
    platform.listWorkspaces().then(setRecent, () => setRecent([]));
  }, [platform]);
  useEffect(refreshRecent, [refreshRecent]);

  const edit = useCallback<WorkspaceContextValue['edit']>((change, coalesceKey) => {
    setHistory((h) => {
      const next = change(h.present, new Date().toISOString());
      return next === h.present ? h : recordEdit(h, next, coalesceKey ?? null);
    });
    setDoc((d) => (d.dirty ? d : { ...d, dirty: true }));
  }, []);

  const undo = useCallback(() => {
    setHistory(undoHistory);
    setDoc((d) => ({ ...d, dirty: true }));
  }, []);
  const redo = useCallback(() => {
    setHistory(redoHistory);
    setDoc((d) => ({ ...d, dirty: true }));
  }, []);

  const replaceWorkspace = useCallback((next: Workspace, entry: WorkspaceEntry | null, dirty: boolean) => {
    setHistory(startHistory(next));
    setDoc({ entry, dirty });
    setSelectedScenarioId(next.scenarios[0]?.id ?? null);
  }, []);

  // One read at a time: opening another file stops the read still running, and leaving the page stops it too.
  const currentRead = useRef<WorkspaceRead | null>(null);
  useEffect(() => () => currentRead.current?.cancel(), []);

  /** Reads a workspace's text on the worker; after `progressAfterMs` the toolbar says it is reading `fileName`. */
  const readText = useCallback(async (text: string, fileName: string): Promise<WorkspaceReadResult> => {
    if (currentRead.current) {
      currentRead.current.cancel();
      setReading(null);
    }
    const read = readWorkspaceText(text, fileName);
    currentRead.current = read;
    const slow = setTimeout(() => {
      if (currentRead.current === read) setReading(fileName);
    }, workspaceReadLimits.progressAfterMs);
    try {
      return await read.result;
    } finally {
      clearTimeout(slow);
      if (currentRead.current === read) {
        currentRead.current = null;
        setReading(null);
      }
    }
  }, []);

  const openText = useCallback(
    async (text: string, entry: WorkspaceEntry, what: string): Promise<void> => {
      const parsed = await readText(text, what);
      if (parsed.ok) {
        replaceWorkspace(parsed.workspace, entry, parsed.migratedFrom !== null);
        const opened = parsed.migratedFrom !== null ? t('workspace.openedMigrated', { what, version: parsed.migratedFrom }) : t('workspace.opened', { what });
        // What the upgrade changed in the user's scenarios (a forecast moved to a reference, a spread on an actual dropped) is said, not done silently.
        const english = i18n.language === 'en';
        const changes = parsed.changes.map((change) => (english ? change.message : change.messageZh)).join(english ? '; ' : '；');
        notify('success', changes === '' ? opened : `${opened}${t('workspace.migrationChanges', { changes })}`);
        refreshRecent();
        return;
      }
      if (parsed.reason === 'cancelled') return;
      // The headline names the file and the limit; the problem's own text would only repeat it.
      if (parsed.reason === 'timeout') {
        const seconds = (parsed.limitMs ?? workspaceReadLimits.timeoutMs) / 1000;
        notify('error', t('workspace.readTimeout', { what, seconds }));
        return;
      }
      if (parsed.reason === 'failed') {
        notify('error', t('workspace.readFailed', { what }));
        return;
      }
      // The file is left exactly as it is; the problems name where it is wrong, and the backup
      // kept by the last save (`.bak`) is offered as a copy to open, if it can be read.
      const details = describeProblems(parsed.problems);
      const backup = await platform.openWorkspaceBackup(entry.id).catch(() => null);
      const backupParsed = backup ? await readText(backup.text, backup.fileName) : null;
      const action =
        backup && backupParsed?.ok
          ? { label: t('workspace.openBackup', { file: backup.fileName }), run: () => replaceWorkspace(backupParsed.workspace, null, true) }
          : undefined;
      notify('error', t('workspace.invalid', { what }), details, action);
    },
    [platform, notify, t, i18n.language, describeProblems, replaceWorkspace, refreshRecent, readText],
  );

  const newWorkspace = useCallback(() => {
    // Untitled in both languages, so switching the language after New does not leave the other language's word.
    const empty = createEmptyWorkspace(i18n.getFixedT('zh')('workspace.untitled'), new Date().toISOString());
    replaceWorkspace({ ...empty, nameEn: i18n.getFixedT('en')('workspace.untitled') }, null, false);
  }, [replaceWorkspace, i18n]);

  const openWorkspace = useCallback(async () => {
    try {
      const opened = await platform.openWorkspace();
      if (opened) await openText(opened.text, opened.entry, opened.entry.name);
    } catch (error) {
      reportError(error, t('workspace.theFile'));
    }
  }, [platform, openText, reportError, t]);

  const openRecent = useCallback(
    async (id: string) => {
      try {
        const opened = await platform.openRecentWorkspace(id);
        await openText(opened.text, opened.entry, opened.entry.name);
      } catch (error) {
        reportError(error, t('workspace.theFile'));
      }
    },
    [platform, openText, reportError, t],
  );

  const saveAs = useCallback(async () => {
    try {
      const text = serializeWorkspace(latest.current.workspace);
      const entry = await platform.saveWorkspaceAs(workspaceTitle(latest.current.workspace, null, langOf(i18n.language), t('workspace.untitled')), text);
      if (!entry) return;
      setDoc({ entry, dirty: false });
      notify('success', t('workspace.saved', { what: entry.name }));
      refreshRecent();
    } catch (error) {
      reportError(error, latest.current.workspace.name);
    }
  }, [platform, notify, t, i18n, refreshRecent, reportError]);

  const save = useCallback(async () => {
    const { entry } = latest.current.doc;
    if (!entry) return saveAs();
    try {
      const saved = await platform.saveWorkspace(entry.id, serializeWorkspace(latest.current.workspace));
      setDoc({ entry: saved, dirty: false });
      notify('success', t('workspace.saved', { what: saved.name }));
    } catch (error) {
      reportError(error, entry.name);
    }
  }, [platform, saveAs, notify, t, reportError]);

  // Told once, even when React runs the effect twice (StrictMode in development).
  const toldAboutDraft = useRef(false);
  useEffect(() => {
    const unreadable = initial.unreadableDraft;
    if (!unreadable || toldAboutDraft.current) return;
    toldAboutDraft.current = true;
    const message =
      unreadable.outcome === 'set-aside'
        ? t('workspace.draftSetAside', { file: unreadable.fileName })
        : unreadable.outcome === 'kept'
          ? t('workspace.draftKept')
          : t('workspace.draftNotLoaded', { reason: unreadable.reason ?? '' });
    const text = unreadable.text;
    if (text === null) {
      notify('error', message);
      return;
    }
    const exportDraft = () => {
      platform
        // The text as stored, UTF-8, not re-serialized: what the user exports is what the draft held.
        .saveExport({ suggestedName: unreadable.fileName ?? 'draft.sdesk.json', kind: 'json', bytes: new TextEncoder().encode(text) })
        .then(
          (result) => {
            if (result.saved) notify('success', t('workspace.saved', { what: result.fileName ?? '' }));
          },
          (error: unknown) => reportError(error, t('workspace.theFile')),
        );
    };
    notify('error', message, describeProblems(unreadable.problems), { label: t('workspace.exportDraft'), run: exportDraft });
  }, [initial.unreadableDraft, platform, notify, t, describeProblems, reportError]);

  // Autosave the draft shortly after the last change, so a crash or reload loses nothing.
  useEffect(() => {
    if (!initial.autosaveDraft) return;
    const timer = setTimeout(() => {
      let text: string;
      try {
        text = serializeWorkspace(workspace);
      } catch {
        return;
      }
      platform.saveDraft({ text, entry: doc.entry, dirty: doc.dirty }).catch(() => notify('error', t('workspace.draftFailed')));
    }, draftDebounceMs);
    return () => clearTimeout(timer);
  }, [workspace, doc, platform, notify, t, initial.autosaveDraft]);

  useEffect(() => {
    const title = workspaceTitle(workspace, doc.entry, langOf(i18n.language), t('workspace.untitled'));
    void platform.setDocumentState({ title, dirty: doc.dirty }).catch(() => undefined);
  }, [platform, doc, workspace, t, i18n.language]);

  const undoable = canUndo(history);
  const redoable = canRedo(history);
  useCommand('new', newWorkspace);
  useCommand('open', () => void openWorkspace());
  useCommand('save', () => void save());
  useCommand('saveAs', () => void saveAs());
  useCommand('undo', undo, { enabled: undoable });
  useCommand('redo', redo, { enabled: redoable });

  const value = useMemo<WorkspaceContextValue>(
    () => ({
      workspace,
      entry: doc.entry,
      dirty: doc.dirty,
      canUndo: undoable,
      canRedo: redoable,
      recent,
      reading,
      selectedScenarioId:
        selectedScenarioId && workspace.scenarios.some((s) => s.id === selectedScenarioId) ? selectedScenarioId : (workspace.scenarios[0]?.id ?? null),
      selectScenario: setSelectedScenarioId,
      edit,
      undo,
      redo,
      newWorkspace,
      openWorkspace,
      openRecent,
      save,
      saveAs,
    }),
    [workspace, doc, undoable, redoable, recent, reading, selectedScenarioId, edit, undo, redo, newWorkspace, openWorkspace, openRecent, save, saveAs],
  );

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside WorkspaceProvider');
  return value;
}
