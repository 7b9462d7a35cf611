export * from './schema';
export * from './dataset';
export * from './derived';
export * from './checks';
export * from './search';
export * from './markdown';
export * from './pieces';
export * from './dates';
