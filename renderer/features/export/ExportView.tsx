import { PlaceholderView } from '../../app/PlaceholderView';

export function ExportView() {
  return <PlaceholderView view="export" />;
}
