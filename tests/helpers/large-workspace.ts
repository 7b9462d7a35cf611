/**
 * A valid workspace of a chosen size (the e2e tests use the 20 MB limit): the starter workspace's
 * scenarios plus imported indicators with many observations, written the way the app saves
 * (2-space indent), then padded with trailing whitespace (valid JSON) to exactly `targetBytes` of UTF-8 (the
 * starter's Chinese names take three bytes a character, so the text has fewer characters than bytes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function largeWorkspace(targetBytes: number): string {
  const starterFile = fileURLToPath(new URL('../../assets/workspace/starter.sdesk', import.meta.url));
  const starter = JSON.parse(readFileSync(starterFile, 'utf8')) as Record<string, unknown>;
  const note = 'Imported from the statistical yearbook, table 3-1; checked against the source. '.repeat(2);
  const observation = (indicator: number, index: number) => ({
    id: `imp.big-${indicator}@${2000 + (index % 60)}-actual`,
    year: 1900 + (index % 161),
    value: Math.round((indicator + 1) * (index + 1) * 1.2345 * 100) / 100,
    kind: 'actual',
    note,
  });
  const indicatorCount = 500;
  const build = (perIndicator: number) => {
    const indicators = Array.from({ length: indicatorCount }, (_, i) => ({
      id: `imp.big-${i}`,
      name: { zh: `导入指标 ${i + 1}`, en: `Imported indicator ${i + 1}` },
      unit: 'cny-100m',
      sourceNote: 'Large-file test data',
      observations: Array.from({ length: perIndicator }, (_, k) => observation(i, k)),
    }));
    return `${JSON.stringify({ ...starter, name: 'Large workspace', indicators }, null, 2)}\n`;
  };
  // The size grows (nearly) linearly with the observations: two small samples give the count that fits, less 0.5 % for longer numbers.
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const one = bytes(build(1));
  const perObservation = (bytes(build(2)) - one) / indicatorCount;
  const perIndicator = Math.min(10_000, Math.max(1, Math.floor((0.995 * targetBytes - one) / indicatorCount / perObservation)));
  const text = build(perIndicator);
  const size = bytes(text);
  if (size > targetBytes) throw new Error(`large workspace came out at ${size} bytes, over ${targetBytes}`);
  return text + ' '.repeat(targetBytes - size);
}
