import { describe, expect, it } from 'vitest';
import { i18nResources } from './bundles';

/** Every leaf text of a nested text object. */
function leafTexts(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leafTexts);
}

/** Every key path of a nested text object, e.g. `views.data.title`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in Chinese and English in every namespace, and no empty text', () => {
    for (const namespace of Object.keys(i18nResources.zh)) {
      const zhText = (i18nResources.zh as Record<string, unknown>)[namespace];
      const enText = (i18nResources.en as Record<string, unknown>)[namespace];
      expect(keyPaths(enText).sort(), namespace).toEqual(keyPaths(zhText).sort());
      for (const text of [zhText, enText]) {
        for (const leaf of leafTexts(text)) {
          expect(typeof leaf === 'string' && leaf.trim().length > 0, `${namespace} has an empty or non-text entry`).toBe(true);
        }
      }
    }
  });
});
