/**
 * The downloadable template: the import columns with bilingual headers and two example
 * rows (the article's high-tech firms, so the analyst sees a count, a 万 figure and a target).
 */
import ExcelJS from 'exceljs';
import { importColumns, templateHeader, type ImportColumn } from './columns';

export const templateFileName = { csv: 'scenario-desk-import-template.csv', xlsx: 'scenario-desk-import-template.xlsx' } as const;

const exampleRows: ReadonlyArray<Readonly<Record<ImportColumn, string | number>>> = [
  {
    indicatorId: 'example.high-tech-firms',
    nameZh: '高新技术企业（示例）',
    nameEn: 'High-tech firms (example)',
    unit: '家',
    year: 2023,
    value: 7565,
    kind: 'actual',
    sourceNote: '重庆日报，2024年2月',
  },
  {
    indicatorId: 'example.high-tech-firms',
    nameZh: '高新技术企业（示例）',
    nameEn: 'High-tech firms (example)',
    unit: '家',
    year: 2027,
    value: '1.27万',
    kind: 'target',
    sourceNote: '重庆日报，2024年2月',
  },
];

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark and CRLF line ends, so Excel on Chinese Windows opens the Chinese correctly. */
export function templateCsvBytes(): Uint8Array {
  const lines = [
    importColumns.map((c) => csvField(templateHeader(c))).join(','),
    ...exampleRows.map((row) => importColumns.map((c) => csvField(row[c])).join(',')),
  ];
  const body = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  const bytes = new Uint8Array(body.byteLength + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

export async function templateXlsxBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scenario Desk';
  // A fixed date keeps the template's bytes the same from one download to the next.
  workbook.created = new Date(Date.UTC(2024, 1, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('数据 Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((column) => ({
    header: templateHeader(column),
    key: column,
    width: column === 'sourceNote' ? 28 : column === 'indicatorId' || column.startsWith('name') ? 26 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of exampleRows) sheet.addRow(importColumns.map((c) => row[c]));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
