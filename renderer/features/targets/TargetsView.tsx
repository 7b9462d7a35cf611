import { PlaceholderView } from '../../app/PlaceholderView';

export function TargetsView() {
  return <PlaceholderView view="targets" />;
}
