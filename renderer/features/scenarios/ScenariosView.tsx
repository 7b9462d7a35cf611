import { PlaceholderView } from '../../app/PlaceholderView';

export function ScenariosView() {
  return <PlaceholderView view="scenarios" />;
}
