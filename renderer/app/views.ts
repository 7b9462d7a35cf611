export const viewIds = ['data', 'scenarios', 'compare', 'targets', 'export'] as const;
export type ViewId = (typeof viewIds)[number];
