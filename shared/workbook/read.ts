/**
 * Reads a workbook exported by Scenario Desk back into scenarios: the workspace JSON from the hidden
 * `_sdesk` sheet, reconciled with the named input cells of the Assumptions sheet, so values an
 * analyst changed in Excel come back. Defined names are resolved through the workbook (not fixed
 * addresses), so inserted rows or moved cells do not break the link.
 *
 * Timestamps: scenarios keep their `createdAt` / `modifiedAt` from the export unless an input cell
 * changed; then `modifiedAt` becomes `options.nowIso` when given (otherwise it is left as exported).
 * A workbook read back without edits gives exactly the exported scenarios.
 */
import ExcelJS from 'exceljs';
import { fractionToPercentRounded } from '../units/rates';
import { formatProblem as formatWorkspaceProblem, parseWorkspace, toJsonPath, validateWorkspaceSemantics } from '../workspace/parse';
import { WorkspaceSchema, type Workspace, type WorkspaceScenario } from '../workspace/schema';
import { readInput, withInput, type InputChange, type ScenarioInput } from '../workspace/inputs';
import { toCellValue, type CellBinding } from './bindings';
import { HIDDEN_SHEET_NAME, WORKBOOK_FORMAT_VERSION, WORKBOOK_MARKER } from './build';
import { importLimits } from '../import/limits';
import { IGNORED_WORKSHEET_NODES } from '../import/xlsx';
import { defaultZipLimits, inspectZip, verifyInflatedSizes, withoutDefinedNames, type ZipLimits } from '../import/zip-guard';

export type WorkbookProblemCode =
  | 'too-large'
  | 'not-a-workbook'
  | 'unsafe-archive'
  | 'not-from-app'
  | 'newer-format'
  | 'bad-metadata'
  | 'invalid-workspace'
  | 'missing-name'
  | 'not-a-number'
  | 'not-a-whole-year';

export interface WorkbookProblem {
  readonly code: WorkbookProblemCode;
  /** Where: a defined name and its cell (`s1_rate (假设!D8)`), a JSON path, or `file`. */
  readonly where: string;
  readonly message: string;
  readonly messageZh: string;
}

/** An input cell changed in Excel: `from` is the exported value, `to` the cell's (in workspace units: percent for rates). */
export interface WorkbookEdit extends InputChange {
  readonly name: string;
  /** The defined name and its cell, as problems name them: `s4_rate (假设!D8)`. */
  readonly where: string;
}

export type ReadWorkbookResult =
  | {
      readonly ok: true;
      readonly workspace: Workspace;
      readonly scenarios: readonly WorkspaceScenario[];
      /** Input cells whose value differs from the export, already applied to `scenarios`. */
      readonly edits: readonly WorkbookEdit[];
      readonly exportedAt: string;
      readonly appVersion: string;
    }
  | { readonly ok: false; readonly problems: readonly WorkbookProblem[] };

export interface ReadWorkbookOptions {
  /** Becomes `modifiedAt` of scenarios (and the workspace) changed in Excel. */
  readonly nowIso?: string;
  readonly zipLimits?: ZipLimits;
}

function fail(code: WorkbookProblemCode, where: string, message: string, messageZh: string): ReadWorkbookResult {
  return { ok: false, problems: [{ code, where, message, messageZh }] };
}

interface Meta {
  readonly bindings: readonly CellBinding[];
  readonly exportedAt: string;
  readonly appVersion: string;
}

function parseMeta(text: unknown): Meta | null {
  if (typeof text !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (raw === null || typeof raw !== 'object') return null;
  const record = raw as Record<string, unknown>;
  if (record['marker'] !== WORKBOOK_MARKER || !Array.isArray(record['bindings'])) return null;
  const bindings: CellBinding[] = [];
  for (const item of record['bindings'] as unknown[]) {
    if (item === null || typeof item !== 'object') return null;
    const b = item as Record<string, unknown>;
    const field = b['field'] as Record<string, unknown> | null | undefined;
    // A binding names a cell: an empty name could only be reported as "the defined name  is missing".
    if (
      typeof b['name'] !== 'string' ||
      b['name'] === '' ||
      typeof b['scenarioId'] !== 'string' ||
      field === null ||
      typeof field !== 'object' ||
      typeof field['kind'] !== 'string'
    )
      return null;
    if (b['scale'] !== 'number' && b['scale'] !== 'percent' && b['scale'] !== 'year') return null;
    if ('index' in field && (typeof field['index'] !== 'number' || !Number.isInteger(field['index']) || field['index'] < 0)) return null;
    // The kind is not checked against the list here: a field of an unknown kind reads as no value (readInput) and is reported as bad metadata below.
    bindings.push({ name: b['name'], scenarioId: b['scenarioId'], field: field as unknown as ScenarioInput, scale: b['scale'], input: b['input'] === true });
  }
  return {
    bindings,
    exportedAt: typeof record['exportedAt'] === 'string' ? record['exportedAt'] : '',
    appVersion: typeof record['appVersion'] === 'string' ? record['appVersion'] : '',
  };
}

function cellText(value: ExcelJS.CellValue): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return null;
}

/** A number typed into the cell, or the cached result of a formula the analyst put there. */
function cellNumber(value: ExcelJS.CellValue): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value !== null && typeof value === 'object' && 'formula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return typeof result === 'number' && Number.isFinite(result) ? result : null;
  }
  return null;
}

const ADDRESS = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/;

/** `xl/workbook.xml` is at most this large; an export with 500 scenarios needs well under 1 MB. */
const MAX_WORKBOOK_XML_BYTES = 4 * 1024 * 1024;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g,
    (entity, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
      if (named !== undefined) return ENTITIES[named] ?? entity;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

const OPEN_TAG = '<definedName';
const ATTRIBUTE = /\s+([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The text of an element's content: comments and other markup dropped, CDATA kept as written, entities decoded. One pass. */
function textContent(inner: string): string {
  let out = '';
  let at = 0;
  while (at < inner.length) {
    const lt = inner.indexOf('<', at);
    if (lt === -1) {
      out += decodeXmlText(inner.slice(at));
      break;
    }
    out += decodeXmlText(inner.slice(at, lt));
    const [open, close] = inner.startsWith('<!--', lt) ? ['<!--', '-->'] : inner.startsWith('<![CDATA[', lt) ? ['<![CDATA[', ']]>'] : ['<', '>'];
    const end = inner.indexOf(close, lt + open.length);
    if (end === -1) break;
    if (open === '<![CDATA[') out += inner.slice(lt + open.length, end);
    at = end + close.length;
  }
  return out.trim();
}

/**
 * The workbook's defined names and their references, read from `xl/workbook.xml` by the app itself:
 * exceljs never sees them (see `withoutDefinedNames`). A Map, so no name can reach a prototype; a name
 * defined more than once (e.g. for one sheet and for the workbook) has more than one entry. One pass
 * over the text with `indexOf`, no backtracking regular expression: the part is untrusted and up to 4 MB.
 */
export function readDefinedNames(workbookXml: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const record = (name: string | null, text: string): void => {
    if (name === null) return;
    const list = names.get(name);
    if (list === undefined) names.set(name, [text]);
    else list.push(text);
  };
  let at = workbookXml.indexOf(OPEN_TAG);
  while (at !== -1) {
    let cursor = at + OPEN_TAG.length;
    const next = workbookXml.charCodeAt(cursor);
    // `<definedNames>` (or any longer tag name) is not a definedName element.
    if (!isSpace(next) && next !== 0x3e && next !== 0x2f) {
      at = workbookXml.indexOf(OPEN_TAG, cursor);
      continue;
    }
    let name: string | null = null;
    ATTRIBUTE.lastIndex = cursor;
    for (let match = ATTRIBUTE.exec(workbookXml); match !== null; match = ATTRIBUTE.exec(workbookXml)) {
      if (match[1] === 'name') name = decodeXmlText(match[2] ?? match[3] ?? '');
      cursor = ATTRIBUTE.lastIndex;
    }
    while (isSpace(workbookXml.charCodeAt(cursor))) cursor++;
    if (workbookXml.startsWith('/>', cursor)) {
      record(name, '');
      at = workbookXml.indexOf(OPEN_TAG, cursor + 2);
      continue;
    }
    if (workbookXml.charCodeAt(cursor) !== 0x3e) {
      at = workbookXml.indexOf(OPEN_TAG, cursor);
      continue;
    }
    const close = workbookXml.indexOf('</definedName', cursor + 1);
    if (close === -1) break;
    record(name, textContent(workbookXml.slice(cursor + 1, close)));
    at = workbookXml.indexOf(OPEN_TAG, close + 2);
  }
  return names;
}

function resolveName(names: ReadonlyMap<string, readonly string[]>, name: string): { sheet: string; address: string } | null {
  const ranges = names.get(name);
  if (ranges === undefined || ranges.length !== 1) return null;
  const match = ADDRESS.exec(ranges[0] ?? '');
  if (match === null) return null;
  const column = match[3] ?? '';
  const row = Number(match[4]);
  // Inside the sheet (A1 to XFD1048576): exceljs throws on a cell outside it.
  const columnNumber = [...column].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  if (columnNumber > 16_384 || row < 1 || row > 1_048_576) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? '');
  return { sheet, address: `${column}${match[4] ?? ''}` };
}

/** The workspace value an edited cell stands for; rates are rounded to 12 significant digits to undo the ÷100. */
function fromCell(cell: number, binding: CellBinding): number {
  return binding.scale === 'percent' ? fractionToPercentRounded(cell) : cell;
}

function unreadable(error: unknown): ReadWorkbookResult {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return fail('not-a-workbook', 'file', `cannot read the workbook: ${detail}`, `无法读取该工作簿:${detail}`);
}

export async function readScenariosFromWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  // One zip guard for every workbook the app opens (shared/import/zip-guard): the directory is
  // checked, then each entry is inflated as a stream up to its declared size, before exceljs sees it.
  if (bytes.byteLength > importLimits.maxFileBytes) {
    return fail(
      'too-large',
      'file',
      `the workbook is larger than ${importLimits.maxFileBytes / 1024 / 1024} MB`,
      `工作簿超过 ${importLimits.maxFileBytes / 1024 / 1024} MB`,
    );
  }
  const zip = inspectZip(bytes, options.zipLimits ?? defaultZipLimits);
  const unsafe = zip.ok ? await verifyInflatedSizes(bytes, zip.entries) : zip.error;
  if (unsafe) return fail(unsafe.code === 'zip-invalid' ? 'not-a-workbook' : 'unsafe-archive', 'file', unsafe.message, unsafe.messageZh);
  if (!zip.ok) return fail('not-a-workbook', 'file', zip.error.message, zip.error.messageZh);
  // exceljs gets the archive without the defined names; they are read here, from the part as written.
  const safe = await withoutDefinedNames(bytes, zip.entries);
  if (!safe.ok) return fail('not-a-workbook', 'file', safe.error.message, safe.error.messageZh);
  const workbookXmlSize = zip.entries.find((entry) => entry.name === 'xl/workbook.xml')?.uncompressedSize ?? 0;
  const names = readDefinedNames(workbookXmlSize <= MAX_WORKBOOK_XML_BYTES ? (safe.workbookXml ?? '') : '');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs takes an ArrayBuffer in the browser and in Node; copy out exactly the file's bytes.
    await workbook.xlsx.load(safe.bytes.slice().buffer, { ignoreNodes: IGNORED_WORKSHEET_NODES });
  } catch (error) {
    return unreadable(error);
  }
  try {
    return reconcile(workbook, names, options);
  } catch (error) {
    // exceljs can load a damaged workbook that it then cannot walk (a cell past column XFD, row 0).
    return unreadable(error);
  }
}

function reconcile(workbook: ExcelJS.Workbook, names: ReadonlyMap<string, readonly string[]>, options: ReadWorkbookOptions): ReadWorkbookResult {
  const hidden = workbook.getWorksheet(HIDDEN_SHEET_NAME);
  const notFromApp = fail(
    'not-from-app',
    'file',
    'this workbook was not exported by Scenario Desk (its hidden model sheet is missing)',
    '该工作簿不是由情景推演台导出的(缺少隐藏的模型工作表)',
  );
  if (hidden === undefined || cellText(hidden.getCell('A1').value) !== WORKBOOK_MARKER) return notFromApp;
  const version = hidden.getCell('A2').value;
  if (typeof version !== 'number' || version > WORKBOOK_FORMAT_VERSION) {
    return fail(
      'newer-format',
      'file',
      `this workbook was exported by a newer version of Scenario Desk (format ${String(version)})`,
      `该工作簿由更新版本的情景推演台导出(格式 ${String(version)}),请升级应用`,
    );
  }
  const meta = parseMeta(cellText(hidden.getCell('A3').value));
  if (meta === null) return fail('bad-metadata', `${HIDDEN_SHEET_NAME}!A3`, 'the hidden model sheet is damaged', '隐藏的模型工作表已损坏');
  let json = '';
  for (let row = 4; row <= hidden.rowCount; row++) json += cellText(hidden.getCell(`A${row}`).value) ?? '';
  const parsed = parseWorkspace(json);
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.problems.map((p) => ({
        code: 'invalid-workspace',
        where: p.path,
        message: formatWorkspaceProblem(p),
        messageZh: `${p.path}: ${p.messageZh}`,
      })),
    };

  const scenarios = new Map(parsed.workspace.scenarios.map((scenario) => [scenario.id, scenario]));
  const problems: WorkbookProblem[] = [];
  const edits: WorkbookEdit[] = [];
  for (const binding of meta.bindings) {
    const scenario = scenarios.get(binding.scenarioId);
    const exported = scenario === undefined ? undefined : readInput(scenario, binding.field);
    if (scenario === undefined || exported === undefined) {
      problems.push({
        code: 'bad-metadata',
        where: binding.name,
        message: `the hidden model sheet names ${binding.name}, which matches no scenario field`,
        messageZh: `隐藏的模型工作表中的名称 ${binding.name} 与任何情景字段都不对应`,
      });
      continue;
    }
    const location = resolveName(names, binding.name);
    if (location === null) {
      problems.push({
        code: 'missing-name',
        where: binding.name,
        message: `the defined name ${binding.name} is missing or no longer a single cell`,
        messageZh: `定义名称 ${binding.name} 已缺失或不再指向单个单元格`,
      });
      continue;
    }
    const where = `${binding.name} (${location.sheet}!${location.address})`;
    const sheet = workbook.getWorksheet(location.sheet);
    const value = sheet === undefined ? null : cellNumber(sheet.getCell(location.address).value);
    if (value === null) {
      problems.push({ code: 'not-a-number', where, message: `${where} must contain a number`, messageZh: `${where} 必须是数字` });
      continue;
    }
    // Unchanged when the cell holds exactly what the export wrote; keeps full precision of the workspace value.
    if (value === toCellValue(exported, binding.scale)) continue;
    const next = fromCell(value, binding);
    if (!Number.isFinite(next)) {
      problems.push({ code: 'not-a-number', where, message: `${where} holds ${value}, which is out of range`, messageZh: `${where} 的值 ${value} 超出范围` });
      continue;
    }
    if (binding.scale === 'year' && !Number.isInteger(next)) {
      problems.push({
        code: 'not-a-whole-year',
        where,
        message: `${where} must be a whole year (got ${value})`,
        messageZh: `${where} 必须是整数年份(当前为 ${value})`,
      });
      continue;
    }
    if (next === exported) continue;
    // withInput moves the parameter's Monte Carlo distribution with it, as the builder's slider does.
    const updated = withInput(scenario, binding.field, next);
    scenarios.set(scenario.id, options.nowIso === undefined ? updated : { ...updated, modifiedAt: options.nowIso });
    edits.push({ name: binding.name, where, scenarioId: scenario.id, field: binding.field, from: exported, to: next });
  }
  if (problems.length > 0) return { ok: false, problems };

  const reconciled: Workspace = {
    ...parsed.workspace,
    ...(edits.length > 0 && options.nowIso !== undefined ? { modifiedAt: options.nowIso } : {}),
    scenarios: parsed.workspace.scenarios.map((scenario) => scenarios.get(scenario.id) ?? scenario),
  };
  const semantic = validateWorkspaceSemantics(reconciled);
  if (semantic.length > 0) {
    return {
      ok: false,
      problems: semantic.map((p) => ({ code: 'invalid-workspace', where: p.path, message: formatWorkspaceProblem(p), messageZh: `${p.path}: ${p.messageZh}` })),
    };
  }
  // The engine's checks above speak the user's language; the schema is the backstop for anything an edited
  // cell can hold that the format does not allow.
  const schema = WorkspaceSchema.safeParse(reconciled);
  if (!schema.success) {
    return {
      ok: false,
      problems: schema.error.issues.map((issue) => {
        const path = toJsonPath(issue.path);
        return { code: 'invalid-workspace' as const, where: path, message: `${path}: ${issue.message}`, messageZh: `${path}: 无效:${issue.message}` };
      }),
    };
  }
  return { ok: true, workspace: reconciled, scenarios: reconciled.scenarios, edits, exportedAt: meta.exportedAt, appVersion: meta.appVersion };
}
