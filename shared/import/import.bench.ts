/**
 * Benchmark (not a test): importing 10,000 rows should take at most a second.
 * Run with `npx tsx shared/import/import.bench.ts`; prints the median of several runs for
 * a CSV and an XLSX file of the same 10,000 rows (100 indicators × 100 years), as wall time
 * and as CPU time.
 */
import ExcelJS from 'exceljs';
import { templateHeader, importColumns } from './columns';
import { parseImportFile } from './parse-import';

const rows: (string | number)[][] = [];
for (let i = 0; i < 100; i++) {
  for (let y = 0; y < 100; y++) {
    // 1.00万 … 1.99万, a hundredth more each year: figures with a magnitude word for the parser to scale.
    const value = i % 3 === 0 ? `1.${String(y).padStart(2, '0')}万` : i % 3 === 1 ? (12_345 + y * 7).toLocaleString('en-US') : 100 + y;
    rows.push([
      `bench.indicator-${i}`,
      `指标${i}`,
      `Indicator ${i}`,
      i % 2 === 0 ? '家' : '亿元',
      1950 + y,
      value,
      y % 4 === 0 ? 'target' : 'actual',
      '基准测试',
    ]);
  }
}

const csvText = [
  importColumns.map(templateHeader).join(','),
  ...rows.map((r) => r.map((c) => (typeof c === 'string' && c.includes(',') ? `"${c}"` : String(c))).join(',')),
].join('\r\n');
const csvBytes = new TextEncoder().encode(csvText);

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Data');
sheet.addRow(importColumns.map(templateHeader));
for (const r of rows) sheet.addRow(r);
const xlsxBytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

async function median(label: string, fileName: string, bytes: Uint8Array, runs = 7): Promise<void> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await parseImportFile({ fileName, bytes });
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    if (!result.ok) throw new Error(`${label}: ${JSON.stringify(result.errors.slice(0, 2))}`);
    if (result.rowCount !== 10_000) throw new Error(`${label}: read ${result.rowCount} rows`);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)] ?? Number.NaN;
  // CPU time too: on a shared, loaded machine wall time mostly measures the neighbours.
  const cpuMid = cpuTimes[Math.floor(cpuTimes.length / 2)] ?? Number.NaN;
  console.log(
    `${label}: 10,000 rows, ${(bytes.byteLength / 1024).toFixed(0)} KB, median ${mid.toFixed(0)} ms wall / ${cpuMid.toFixed(0)} ms CPU over ${runs} runs (wall min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms) — budget 1000 ms`,
  );
}

await median('CSV ', 'bench.csv', csvBytes);
await median('XLSX', 'bench.xlsx', xlsxBytes);
