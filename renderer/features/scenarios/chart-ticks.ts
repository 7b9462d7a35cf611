/**
 * Year ticks from the first year in steps of 1, 2, 5, 10… years, at most seven. Given the ticks
 * (with interval 0), Recharts does not measure every label in the DOM to thin them out, which
 * forced a layout per label on the way to the first chart.
 */
export function yearTicks([first, last]: readonly [number, number]): number[] {
  const span = Math.max(0, last - first);
  const step = [1, 2, 5, 10, 20, 50, 100].find((candidate) => span / candidate <= 6) ?? Math.ceil(span / 6);
  const ticks: number[] = [];
  for (let year = first; year <= last; year += step) ticks.push(year);
  return ticks;
}
