/** Workspace file format (.sdesk). The bundled starter workspace is in ./starter (kept separate because it imports a raw asset). */
export * from './schema';
export * from './migrations';
export * from './parse';
export * from './inputs';
