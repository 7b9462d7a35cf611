export * from './units';
export * from './bounds';
export * from './names';
export * from './rates';
export * from './time';
