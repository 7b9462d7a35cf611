import type { zh } from './zh';

/** Every language has exactly the keys of the Chinese resources, with any string values. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type TranslationShape = Widen<typeof zh>;
