/**
 * The import columns and the header names accepted for each, in Chinese and English.
 * A header matches when, ignoring case, spaces, brackets and slashes, it is one of the
 * names, or a Chinese name and an English name together (as the template writes them:
 * "数值 / value").
 */
export const importColumns = ['indicatorId', 'nameZh', 'nameEn', 'unit', 'year', 'value', 'kind', 'sourceNote'] as const;
export type ImportColumn = (typeof importColumns)[number];

interface ColumnNames {
  /** Header written in the template, Chinese then English. */
  template: { zh: string; en: string };
  zh: readonly string[];
  en: readonly string[];
}

export const columnNames: Readonly<Record<ImportColumn, ColumnNames>> = {
  indicatorId: {
    template: { zh: '指标代码', en: 'indicator id' },
    zh: ['指标代码', '指标编号', '指标id', '指标', '代码', '编号'],
    en: ['indicator id', 'indicatorid', 'indicator', 'id', 'code', 'indicator code'],
  },
  nameZh: {
    template: { zh: '指标名称（中文）', en: 'indicator name (zh)' },
    zh: ['指标名称（中文）', '指标名称', '中文名称', '名称', '中文名'],
    en: ['indicator name (zh)', 'name (zh)', 'name zh', 'chinese name', 'name', 'indicator name'],
  },
  nameEn: {
    template: { zh: '指标名称（英文）', en: 'indicator name (en)' },
    zh: ['指标名称（英文）', '英文名称', '英文名'],
    en: ['indicator name (en)', 'name (en)', 'name en', 'english name'],
  },
  unit: {
    template: { zh: '单位', en: 'unit' },
    zh: ['单位', '计量单位'],
    en: ['unit', 'units'],
  },
  year: {
    template: { zh: '年份', en: 'year' },
    zh: ['年份', '年度', '年'],
    en: ['year'],
  },
  value: {
    template: { zh: '数值', en: 'value' },
    zh: ['数值', '数据', '值', '数量'],
    en: ['value', 'amount', 'figure'],
  },
  kind: {
    template: { zh: '类型', en: 'kind' },
    zh: ['类型', '数据类型', '口径', '性质'],
    en: ['kind', 'type'],
  },
  sourceNote: {
    template: { zh: '来源说明', en: 'source note' },
    zh: ['来源说明', '来源', '数据来源', '备注', '说明'],
    en: ['source note', 'source', 'note', 'notes'],
  },
};

export const requiredColumns: readonly ImportColumn[] = ['indicatorId', 'unit', 'year', 'value'];

/** The template's header cell for a column: "数值 / value". */
export function templateHeader(column: ImportColumn): string {
  const { zh, en } = columnNames[column].template;
  return `${zh} / ${en}`;
}

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/|()（）[\]【】:：]+/g, '');
}

const headerLookup: ReadonlyMap<string, ImportColumn> = (() => {
  const lookup = new Map<string, ImportColumn>();
  for (const column of importColumns) {
    const zh = columnNames[column].zh.map(normaliseHeader);
    const en = columnNames[column].en.map(normaliseHeader);
    for (const name of [...zh, ...en]) if (!lookup.has(name)) lookup.set(name, column);
    for (const z of zh) {
      for (const e of en) {
        lookup.set(z + e, column);
        lookup.set(e + z, column);
      }
    }
  }
  return lookup;
})();

export function matchHeader(header: string): ImportColumn | null {
  return headerLookup.get(normaliseHeader(header)) ?? null;
}

/**
 * A header that names its column and a unit in brackets, as statistical tables do: "数值（亿元）",
 * "value (CNY 100 million)". Null when the header is not of that form or the part before the
 * brackets names no column; the unit text is checked by the caller.
 */
export function matchHeaderWithUnit(header: string): { column: ImportColumn; unitText: string } | null {
  const parts = /^(.*?)\s*[(（[【]([^()（）[\]【】]+)[)）\]】]\s*$/.exec(header.normalize('NFKC').trim());
  if (!parts) return null;
  const column = matchHeader(parts[1] ?? '');
  return column === null ? null : { column, unitText: (parts[2] ?? '').trim() };
}

export function columnLabel(column: ImportColumn): string {
  return columnNames[column].template.en;
}
