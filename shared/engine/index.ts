/**
 * Scenario Desk engine: pure TypeScript, no DOM / Node / React, safe in a Web Worker.
 * Rates are percent everywhere (15 = 15 % a year).
 */
export * from './issues';
export * from './models';
export * from './rootfind';
export * from './analysis';
export * from './verdict';
export * from './distributions';
export * from './percentiles';
export * from './montecarlo';
export { Xoshiro128 } from './prng';
