import { PlaceholderView } from '../../app/PlaceholderView';

export function CompareView() {
  return <PlaceholderView view="compare" />;
}
