import { ExportProgressIndicator } from './ExportProgress';
import { useExcelExportCommand } from './useExcelExport';

/**
 * Mount once inside the WorkspaceProvider (e.g. in App) to make Ctrl+E and the menu export to Excel
 * from any view. With `showProgress`, a panel says how far a running export is (false where a view
 * shows the status itself, as the Export view does).
 */
export function ExcelExportCommand({ showProgress }: { showProgress: boolean }) {
  useExcelExportCommand();
  return showProgress ? <ExportProgressIndicator /> : null;
}
