/**
 * The text sizes of every chart, in CSS pixels: the screen's Recharts drawing (axis-style.ts) and
 * the SVG/PNG drawing (chart-svg.ts) both read them here, so an exported image has the type the
 * screen shows. A module of its own so the screen does not load the SVG drawing to read three numbers.
 */
export const chartTextSizes = { tick: 12, legend: 13, marker: 12 } as const;
