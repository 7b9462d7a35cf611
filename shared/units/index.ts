export * from './units';
export * from './bounds';
