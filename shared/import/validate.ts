/**
 * From tables of cells (CSV or worksheets) to the workspace's imported indicators: one
 * indicator per id, one observation per row. Every problem is reported with its row and
 * column; nothing is half-imported.
 */
import { MAX_INDICATORS, MAX_OBSERVATIONS_PER_INDICATOR, ImportedIndicatorSchema, type ImportedIndicator, type Observation } from '../workspace/schema';
import { columnLabel, columnNames, matchHeader, matchHeaderWithUnit, requiredColumns, type ImportColumn } from './columns';
import { importLimits, isForbiddenKey } from './limits';
import { seriesIndicatorId, type ImportChoices } from './series';
import { type CellValue, type ImportErrorCode, type ImportProblem, type ImportResult, type RawTable } from './types';
import type { UnitCode } from '../units';
import { cellText, parseKindCell, parseValueCell, parseYearCell, resolveUnit, type CellMessage, type UnitResolution } from './values';

const identifierPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const maxIdLength = 120;
const maxNameLength = 200;
const maxObservationNote = 2000;
const maxSourceNote = 5000;

interface IndicatorDraft {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  /** The unit as the first row wrote it, to quote back when a later row differs. */
  unitText: string;
  firstRow: number;
  sourceNote: string;
  /** `${year}-${kind}` → row it came from, to name both rows of a duplicate. */
  seen: Map<string, number>;
  observations: Observation[];
}

class ProblemList {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  full = false;

  error(problem: ImportProblem): void {
    if (this.full) return;
    if (this.errors.length >= importLimits.maxErrorsListed) {
      this.full = true;
      this.errors.push({
        code: 'too-many-errors',
        row: null,
        column: null,
        message: `More than ${importLimits.maxErrorsListed} problems; fix these first.`,
        messageZh: `问题超过 ${importLimits.maxErrorsListed} 个，请先修正以上问题。`,
      });
      return;
    }
    this.errors.push(problem);
  }

  warn(problem: ImportProblem): void {
    if (this.warnings.length < importLimits.maxErrorsListed) this.warnings.push(problem);
  }
}

function at(code: ImportErrorCode, row: number, column: string | null, text: CellMessage, sheet: string | undefined): ImportProblem {
  return sheet === undefined ? { code, row, column, ...text } : { code, row, column, sheet, ...text };
}

type ColumnMap = Map<ImportColumn, { index: number; label: string }> & {
  /** The unit a value header names in brackets ("数值（亿元）"), for a table without a unit column. */
  valueUnit?: string;
};

const seriesRequiredColumns: readonly ImportColumn[] = ['year', 'value'];

/** What fills the columns a series leaves out: the name (from the file name, or the analyst's) and the unit. */
export interface SeriesFallback {
  name: { zh: string; en: string };
  unit: UnitCode;
}

function mapHeader(table: RawTable, problems: ProblemList): ColumnMap | null {
  const columns: ColumnMap = new Map();
  const { sheet, headerRow } = table;
  if (table.header.length > importLimits.maxColumns) {
    problems.error(
      at(
        'too-many-columns',
        headerRow,
        null,
        {
          message: `${table.header.length} columns; at most ${importLimits.maxColumns} are read.`,
          messageZh: `共 ${table.header.length} 列，最多读取 ${importLimits.maxColumns} 列。`,
        },
        sheet,
      ),
    );
    return null;
  }
  table.header.forEach((raw, index) => {
    const label = raw.trim();
    if (label === '') return;
    if (isForbiddenKey(label)) {
      problems.error(
        at('forbidden-key', headerRow, label, { message: `"${label}" cannot be used as a column name`, messageZh: `“${label}”不能用作列名` }, sheet),
      );
      return;
    }
    let column = matchHeader(label);
    const withUnit = column === null ? matchHeaderWithUnit(label) : null;
    if (withUnit?.column === 'value' && resolveUnit(withUnit.unitText) !== null) {
      column = 'value';
      columns.valueUnit = withUnit.unitText;
    }
    if (column === null) {
      problems.warn(
        at(
          'invalid-value',
          headerRow,
          label,
          { message: `column "${label}" is not recognised and was ignored`, messageZh: `未识别的列“${label}”，已忽略` },
          sheet,
        ),
      );
      return;
    }
    const earlier = columns.get(column);
    if (earlier) {
      problems.error(
        at(
          'duplicate-column',
          headerRow,
          label,
          { message: `"${label}" repeats column "${earlier.label}"`, messageZh: `“${label}”与列“${earlier.label}”重复` },
          sheet,
        ),
      );
      return;
    }
    columns.set(column, { index, label });
  });
  // A table without an indicator id column is a series (or one series per name): only years and values are required.
  const series = !columns.has('indicatorId');
  for (const column of series ? seriesRequiredColumns : requiredColumns) {
    if (!columns.has(column) && !(column === 'unit' && columns.valueUnit !== undefined)) {
      // No header in the file names a missing column: it is named in each language (the UI shows the one it speaks).
      const { zh, en } = columnNames[column].template;
      problems.error({ ...at('missing-column', headerRow, en, { message: `the column "${en}" is missing`, messageZh: `缺少“${zh}”列` }, sheet), columnZh: zh });
    }
  }
  if (!series && !columns.has('nameZh') && !columns.has('nameEn')) {
    problems.error({
      ...at('missing-column', headerRow, columnLabel('nameZh'), { message: 'an indicator name column is missing', messageZh: '缺少指标名称列' }, sheet),
      columnZh: columnNames.nameZh.template.zh,
    });
  }
  return problems.errors.length > 0 ? null : columns;
}

function tooLong(what: string, whatZh: string, max: number): CellMessage {
  return { message: `${what} is longer than ${max} characters`, messageZh: `${whatZh}超过 ${max} 个字符` };
}

/**
 * Turns header-mapped tables into indicators. Records are keyed by Map, never by plain
 * objects, so an id such as "__proto__" cannot reach Object.prototype even before it is refused.
 * A table without an indicator id column is a series: its id comes from its name, and the name and
 * unit it does not have from `fallback`; the result's `choices` say which were used, for the preview to ask.
 */
export function buildIndicators(tables: readonly RawTable[], fallback?: SeriesFallback): ImportResult {
  const used: ImportChoices = {};
  const problems = new ProblemList();
  const drafts = new Map<string, IndicatorDraft>();
  let rowCount = 0;
  // Units repeat on almost every row; resolving each distinct text once keeps 10,000 rows well under a second.
  const unitCache = new Map<string, UnitResolution | null>();

  for (const table of tables) {
    const columns = mapHeader(table, problems);
    if (!columns) continue;
    const { sheet } = table;
    const cellOf = (cells: readonly CellValue[], column: ImportColumn): CellValue => {
      const found = columns.get(column);
      return found === undefined ? null : (cells[found.index] ?? null);
    };
    const labelOf = (column: ImportColumn): string => columns.get(column)?.label ?? columnLabel(column);

    for (const { row, cells } of table.rows) {
      if (problems.full) break;
      rowCount++;
      const fail = (code: ImportErrorCode, column: ImportColumn | null, text: CellMessage) =>
        problems.error(at(code, row, column === null ? null : labelOf(column), text, sheet));
      const errorsBefore = problems.errors.length;

      const tooLongCell = cells.find((c) => typeof c === 'string' && c.length > importLimits.maxCellChars);
      if (tooLongCell !== undefined) {
        fail('invalid-value', null, tooLong('a cell', '单元格', importLimits.maxCellChars));
        continue;
      }

      let nameZh = cellText(cellOf(cells, 'nameZh'));
      let nameEn = cellText(cellOf(cells, 'nameEn'));
      let id: string;
      if (columns.has('indicatorId') || !fallback) id = cellText(cellOf(cells, 'indicatorId'));
      else {
        if (!columns.has('nameZh') && !columns.has('nameEn')) {
          ({ zh: nameZh, en: nameEn } = fallback.name);
          used.name = fallback.name;
        }
        id = nameZh === '' && nameEn === '' ? '' : seriesIndicatorId({ zh: nameZh || nameEn, en: nameEn });
      }
      if (id === '' && !columns.has('indicatorId'))
        fail('invalid-value', columns.has('nameZh') ? 'nameZh' : 'nameEn', { message: 'the indicator name is empty', messageZh: '指标名称为空' });
      else if (id === '') fail('invalid-value', 'indicatorId', { message: 'the indicator id is empty', messageZh: '指标代码为空' });
      else if (isForbiddenKey(id))
        fail('forbidden-key', 'indicatorId', { message: `"${id}" cannot be used as an indicator id`, messageZh: `“${id}”不能用作指标代码` });
      else if (id.length > maxIdLength || !identifierPattern.test(id)) {
        fail('invalid-value', 'indicatorId', {
          message: `invalid indicator id "${id.slice(0, 40)}": use letters, digits, ".", "_" and "-", starting with a letter or digit, at most ${maxIdLength} characters`,
          messageZh: `指标代码“${id.slice(0, 40)}”无效：只能使用字母、数字、“.”“_”“-”，以字母或数字开头，最多 ${maxIdLength} 个字符`,
        });
      }

      if (nameZh.length > maxNameLength) fail('invalid-value', 'nameZh', tooLong('the name', '名称', maxNameLength));
      if (nameEn.length > maxNameLength) fail('invalid-value', 'nameEn', tooLong('the name', '名称', maxNameLength));

      let unitText = cellText(cellOf(cells, 'unit'));
      if (!columns.has('unit') && columns.valueUnit !== undefined) unitText = columns.valueUnit;
      else if (!columns.has('unit') && fallback) {
        unitText = fallback.unit;
        used.unit = fallback.unit;
      }
      let unit = unitCache.get(unitText);
      if (unit === undefined) {
        unit = resolveUnit(unitText);
        unitCache.set(unitText, unit);
      }
      if (unit === null) {
        fail(
          'unknown-unit',
          'unit',
          unitText === ''
            ? { message: 'the unit is empty', messageZh: '单位为空' }
            : {
                message: `unknown unit: ${unitText} (use e.g. 亿元, 万元, 家, 个, 人, %, or a unit code such as cny-100m)`,
                messageZh: `未知单位：${unitText}（可用 亿元、万元、家、个、人、% 或单位代码如 cny-100m）`,
              },
        );
      }

      const year = parseYearCell(cellOf(cells, 'year'));
      if (!year.ok) fail('invalid-value', 'year', year);
      const value = unit === null ? null : parseValueCell(cellOf(cells, 'value'), unit);
      if (value && !value.ok) fail('invalid-value', 'value', value);
      if (value?.ok && value.warning) problems.warn(at('invalid-value', row, labelOf('value'), value.warning, sheet));
      const kind = parseKindCell(cellOf(cells, 'kind'));
      if (!kind.ok) fail('invalid-value', 'kind', kind);
      const note = cellText(cellOf(cells, 'sourceNote'));
      if (note.length > maxObservationNote) fail('invalid-value', 'sourceNote', tooLong('the note', '说明', maxObservationNote));

      if (problems.errors.length > errorsBefore || !unit || !year.ok || !value?.ok || !kind.ok) continue;

      let draft = drafts.get(id);
      if (!draft) {
        if (nameZh === '' && nameEn === '') {
          fail('invalid-value', nameZh === '' && columns.has('nameZh') ? 'nameZh' : 'nameEn', {
            message: 'the indicator name is empty',
            messageZh: '指标名称为空',
          });
          continue;
        }
        if (drafts.size >= MAX_INDICATORS) {
          fail('too-many-indicators', 'indicatorId', {
            message: `more than ${MAX_INDICATORS} indicators in one file`,
            messageZh: `一个文件中的指标超过 ${MAX_INDICATORS} 个`,
          });
          break;
        }
        draft = {
          id,
          nameZh: nameZh || nameEn,
          nameEn,
          unit: unit.code,
          unitText,
          firstRow: row,
          sourceNote: note.slice(0, maxSourceNote),
          seen: new Map(),
          observations: [],
        };
        drafts.set(id, draft);
      } else {
        if (draft.unit !== unit.code) {
          fail('inconsistent-unit', 'unit', {
            message: `unit ${unitText} differs from row ${draft.firstRow} of the same indicator (${draft.unitText})`,
            messageZh: `单位“${unitText}”与同一指标第 ${draft.firstRow} 行（${draft.unitText}）不一致`,
          });
          continue;
        }
        if ((nameZh !== '' && nameZh !== draft.nameZh) || (nameEn !== '' && nameEn !== draft.nameEn)) {
          problems.warn(
            at(
              'invalid-value',
              row,
              labelOf(nameZh !== '' && nameZh !== draft.nameZh ? 'nameZh' : 'nameEn'),
              {
                message: `name differs from row ${draft.firstRow}; the name on row ${draft.firstRow} is used`,
                messageZh: `名称与第 ${draft.firstRow} 行不同，采用第 ${draft.firstRow} 行的名称`,
              },
              sheet,
            ),
          );
        }
        if (draft.sourceNote === '' && note !== '') draft.sourceNote = note.slice(0, maxSourceNote);
      }

      const key = `${year.value}-${kind.value}`;
      const earlierRow = draft.seen.get(key);
      if (earlierRow !== undefined) {
        fail('duplicate-observation', 'year', {
          message: `${id} already has a value of kind ${kind.value} for ${year.value} (row ${earlierRow})`,
          messageZh: `${id} 在第 ${earlierRow} 行已有 ${year.value} 年的同类数值`,
        });
        continue;
      }
      if (draft.observations.length >= MAX_OBSERVATIONS_PER_INDICATOR) {
        fail('too-many-observations', 'indicatorId', {
          message: `${id} has more than ${MAX_OBSERVATIONS_PER_INDICATOR} values`,
          messageZh: `${id} 的数值超过 ${MAX_OBSERVATIONS_PER_INDICATOR} 个`,
        });
        continue;
      }
      draft.seen.set(key, row);
      const observation: Observation = { id: `${id}@${year.value}-${kind.value}`, year: year.value, value: value.value, kind: kind.value };
      if (note !== '' && note !== draft.sourceNote) observation.note = note;
      draft.observations.push(observation);
    }
  }

  const choices = used.name || used.unit ? { choices: used } : {};
  if (problems.errors.length > 0) return { ok: false, errors: problems.errors, ...choices };
  if (drafts.size === 0) {
    return {
      ok: false,
      errors: [{ code: 'no-data', row: null, column: null, message: 'The file has a header but no data rows.', messageZh: '文件只有表头，没有数据行。' }],
    };
  }

  const kindOrder = { actual: 0, estimate: 1, projection: 2, target: 3 } as const;
  const indicators: ImportedIndicator[] = [];
  for (const draft of drafts.values()) {
    const candidate: ImportedIndicator = {
      id: draft.id,
      name: { zh: draft.nameZh, en: draft.nameEn },
      unit: draft.unit,
      sourceNote: draft.sourceNote,
      observations: draft.observations.sort((a, b) => a.year - b.year || kindOrder[a.kind] - kindOrder[b.kind]),
    };
    // The workspace schema has the last word, so an import can never produce a file that will not reopen.
    const checked = ImportedIndicatorSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return {
        ok: false,
        errors: [
          {
            code: 'internal',
            row: draft.firstRow,
            column: null,
            message: `indicator ${draft.id} does not fit the workspace format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
            messageZh: `指标 ${draft.id} 不符合工作区格式：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
          },
        ],
      };
    }
    indicators.push(checked.data);
  }
  return { ok: true, indicators, warnings: problems.warnings, rowCount, ...choices };
}
