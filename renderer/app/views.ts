export const viewIds = ['data', 'scenarios', 'compare', 'targets', 'sensitivity', 'export'] as const;
export type ViewId = (typeof viewIds)[number];
