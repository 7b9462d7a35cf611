import { useCallback, useState } from 'react';
import { useCommand } from '../../app/commands/hooks';

export interface ImportCommand {
  isOpen: boolean;
  open(): void;
  close(): void;
}

/** Provides the registry command 'importData' (toolbar button, native menu, palette): it opens the import panel. */
export function useImportCommand(): ImportCommand {
  const [isOpen, setOpen] = useState(false);
  const open = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  useCommand('importData', open);
  return { isOpen, open, close };
}
