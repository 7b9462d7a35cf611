import { useCallback, useEffect, useState } from 'react';
import { useWorkspace } from '../workspace/WorkspaceProvider';

export interface ImportCommand {
  isOpen: boolean;
  open(): void;
  close(): void;
}

/** Opens the import panel from the native menu's "Import data…" (and from any button given `open`). */
export function useImportCommand(): ImportCommand {
  const { registerCommand } = useWorkspace();
  const [isOpen, setOpen] = useState(false);
  const open = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => registerCommand('importData', open), [registerCommand, open]);
  return { isOpen, open, close };
}
