/**
 * A plain series: a file of years and values (year,value or 年份,数值) with no indicator id,
 * name or unit columns, as an analyst copies one row of a statistical bulletin. What the file
 * leaves out is filled in (the name from the file name, a default unit) and shown in the preview,
 * where the analyst changes it; the file is then read again with those choices.
 */
import type { UnitCode } from '../units';

/** What the import filled in because the file does not say it; also the analyst's answers from the preview. */
export interface ImportChoices {
  /** The indicator's name, when the file has neither an indicator id nor a name column. */
  name?: { zh: string; en: string };
  /** The unit of every row, when the file has no unit column. */
  unit?: UnitCode;
}

/** The unit of a series whose file does not say one until the analyst picks another: 亿元, the article's usual unit. */
export const DEFAULT_SERIES_UNIT: UnitCode = 'cny-100m';

const maxNameLength = 200;

/** The file name without folders and extension ("统计公报/区GDP.csv" → "区GDP"), or a generic name. */
export function seriesNameFromFileName(fileName: string): { zh: string; en: string } {
  const base = (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, maxNameLength);
  if (base === '') return { zh: '导入的指标', en: 'Imported indicator' };
  // The name the analyst (or the file) gave is the name in both languages until an English one is typed:
  // an English UI shows the Chinese name when the English one is blank, so a renamed series never shows its old file name.
  return { zh: base, en: '' };
}

/** FNV-1a, 32 bits: a short stable tag of a name, so the same series name always gets the same id. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The indicator id of a series known only by its name. The same name gives the same id, so a
 * series imported again replaces the earlier import (the preview says so), and another name is a
 * new indicator: "District GDP" → own.district-gdp, "区GDP" → own.s-<8 hex digits>.
 */
export function seriesIndicatorId(name: { zh: string; en: string }): string {
  const slug = name.en
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug !== '' ? `own.${slug}` : `own.s-${fnv1a(name.zh.normalize('NFKC'))}`;
}
