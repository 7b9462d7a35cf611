import { useMemo } from 'react';
import { figureSourcesOf, type FigureSources } from '../../../shared/charts/source-line';
import { useWorkspace } from './WorkspaceProvider';

/** Where the workspace's figures come from (the article's dataset and the imported indicators), for the charts' source lines. */
export function useFigureSources(): FigureSources {
  const { workspace } = useWorkspace();
  const indicators = workspace.indicators;
  // The same object until an import changes the indicators, so the charts built on it stay memoised.
  return useMemo(() => figureSourcesOf({ indicators }), [indicators]);
}
