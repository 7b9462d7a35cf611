import { PlaceholderView } from '../../app/PlaceholderView';

export function SensitivityView() {
  return <PlaceholderView view="sensitivity" />;
}
