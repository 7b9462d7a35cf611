/**
 * The builder's chart (loaded on demand with Recharts): actual values solid, the projection
 * dashed, the Monte Carlo band (P10–P90 light, P25–P75 darker) with its median, targets as
 * labelled markers, and other scenarios of the same indicator as thin lines for reference.
 */
import { createContext, memo, useContext, useLayoutEffect, useMemo, useRef, useState, type JSX, type RefObject } from 'react';
import { Area, CartesianGrid, ComposedChart, Curve, DefaultTooltipContent, Legend, Line, ReferenceDot, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale, type TooltipContentProps, type TooltipPayloadEntry } from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type { ChartColours } from '../charts/chart-colours';
import { yearTicks } from './chart-ticks';
import type { YearRow } from './scenario-form';

export interface ChartTarget {
  year: number;
  value: number;
  label: string;
}

export interface ScenarioChartProps {
  rows: readonly YearRow[];
  colours: ChartColours;
  tick(value: number): string;
  formatValue(value: number): string;
  targets: readonly ChartTarget[];
  otherCount: number;
  hasBand: boolean;
  hasActual: boolean;
  labels: {
    year: string;
    unit: string;
    actual: string;
    projection: string;
    median: string;
    band80: string;
    band50: string;
    other: string;
  };
}

const margin = { top: 24, right: 24, bottom: 8, left: 8 };
const dash = '7 5';
const medianDash = '2 3';
const noPoints: readonly SeriesPoint[] = [];

type SeriesPoint = { year: number; value: number | readonly [number, number] | undefined };

/**
 * Content-keyed cache: the same numbers give the same array (and the same domain), so Recharts
 * keeps the other scenarios' lines, the band and the actual values as they are while only the
 * projection moves. Bounded, because a long drag passes through many values.
 */
const canonical = new Map<string, unknown>();
function sameByContent<T>(key: string, make: () => T): T {
  const found = canonical.get(key);
  if (found !== undefined) return found as T;
  if (canonical.size > 500) canonical.clear();
  const value = make();
  canonical.set(key, value);
  return value;
}

function pointKey(value: SeriesPoint['value']): string {
  return Array.isArray(value) ? `${value[0]}~${value[1]}` : String(value);
}

/** One data array per series, each over the same years, so the tooltip's index lines up. */
function useSeries(rows: readonly YearRow[], keys: readonly string[]): Record<string, SeriesPoint[]> {
  return useMemo(() => {
    const next: Record<string, SeriesPoint[]> = {};
    for (const key of keys) {
      const data = rows.map((row) => ({ year: row.year, value: (row as unknown as Record<string, SeriesPoint['value']>)[key] }));
      next[key] = key === 'projection' ? data : sameByContent(`${key}:${data.map((point) => `${point.year}=${pointKey(point.value)}`).join(',')}`, () => data);
    }
    return next;
  }, [rows, keys]);
}

/** Rounds outwards to a step of 1, 2 or 5 × 10^n giving about five intervals, as Recharts' 'auto' would. */
function niceTicks(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 1, min, max + 1];
  const raw = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // Rounded so float steps print as 0.3 rather than 0.30000000000000004.
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** The y-axis domain and ticks, the same arrays while they are the same: a new domain makes Recharts redraw every series. */
function useYAxisTicks(series: Record<string, SeriesPoint[]>, targets: readonly ChartTarget[]): { domain: readonly [number, number]; ticks: readonly number[] } {
  return useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    const take = (value: number) => {
      if (value < min) min = value;
      if (value > max) max = value;
    };
    for (const data of Object.values(series))
      for (const point of data) {
        if (Array.isArray(point.value)) point.value.forEach(take);
        else if (typeof point.value === 'number') take(point.value);
      }
    targets.forEach((target) => take(target.value));
    const ticks = niceTicks(min, max);
    return sameByContent(`ticks:${ticks.join(',')}`, () => ({ domain: [ticks[0] ?? 0, ticks.at(-1) ?? 1] as const, ticks }));
  }, [series, targets]);
}

/**
 * The projection, drawn with the chart's own scales but outside Recharts' series store: a slider
 * step then redraws this one path, while a Recharts series would make Recharts recompute the
 * axes and every other series. The domains are fixed by the chart, so the scales stay put.
 */
const ProjectionCurve = memo(function ProjectionCurve({ data, stroke }: { data: readonly SeriesPoint[]; stroke: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const points = data.flatMap((point) => {
    if (typeof point.value !== 'number') return [];
    const px = x(point.year);
    const py = y(point.value);
    return px === undefined || py === undefined ? [] : [{ x: px, y: py }];
  });
  if (points.length < 2) return null;
  return (
    <g className="recharts-layer recharts-line" data-testid="projection-curve">
      <Curve type="linear" points={points} className="recharts-line-curve" stroke={stroke} strokeWidth={2.5} strokeDasharray={dash} fill="none" />
    </g>
  );
});

/** The years shown: every row, and every target year (a target may lie beyond the horizon). */
function useXDomain(rows: readonly YearRow[], targets: readonly ChartTarget[]): readonly [number, number] {
  const first = Math.min(rows[0]?.year ?? 0, ...targets.map((target) => target.year));
  const last = Math.max(rows.at(-1)?.year ?? 1, ...targets.map((target) => target.year));
  return useMemo(() => [first, last] as const, [first, last]);
}


/** Identical elements are skipped by React, so each other scenario keeps its element while its numbers are unchanged. */
const otherLineCache = new WeakMap<readonly SeriesPoint[], { look: string; element: JSX.Element }>();
function otherLine(data: readonly SeriesPoint[], index: number, label: string, stroke: string): JSX.Element {
  const look = `${index}|${label}|${stroke}`;
  const cached = otherLineCache.get(data);
  if (cached?.look === look) return cached.element;
  const element = (
    <Line
      key={index}
      data={data as SeriesPoint[]}
      dataKey="value"
      name={index === 0 ? label : `${label} ${index + 1}`}
      legendType={index === 0 ? 'line' : 'none'}
      stroke={stroke}
      strokeWidth={1}
      strokeOpacity={0.55}
      dot={false}
      activeDot={false}
      isAnimationActive={false}
      connectNulls
    />
  );
  otherLineCache.set(data, { look, element });
  return element;
}

/** The projection for the tooltip, which Recharts does not know as a series. */
const ProjectionContext = createContext<{ data: readonly SeriesPoint[]; name: string; color: string } | null>(null);

function TooltipWithProjection(props: TooltipContentProps<ValueType, NameType>) {
  const projection = useContext(ProjectionContext);
  const at = projection?.data.find((point) => point.year === props.label)?.value;
  const payload = projection && typeof at === 'number' && props.active ? [...(props.payload ?? []), { name: projection.name, value: at, color: projection.color, dataKey: 'projection' } as TooltipPayloadEntry] : props.payload;
  return <DefaultTooltipContent {...props} payload={payload} />;
}
const tooltipContent = (props: TooltipContentProps<ValueType, NameType>) => <TooltipWithProjection {...props} />;

const chartHeight = 320;

/**
 * The chart's width, measured before the first paint and followed on resize. Recharts' own
 * \`responsive\` mode draws a first frame at a placeholder size and the real chart only after its
 * ResizeObserver reports, which costs a whole extra render on the way to the first chart.
 */
function useContainerWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
const yearLabel = (year: unknown) => String(year);

/**
 * Every object and function handed to Recharts is kept between renders: Recharts stores axis and
 * series settings and recomputes the chart when any of them is a new object, so a slider step
 * should change the data and nothing else.
 */
function ScenarioChart({ rows, colours, tick, formatValue, targets, otherCount, hasBand, hasActual, labels }: ScenarioChartProps) {
  const keys = useMemo(() => ['band80', 'band50', 'p50', 'actual', 'projection', ...Array.from({ length: otherCount }, (_, index) => `other${index}`)], [otherCount]);
  const series = useSeries(rows, keys);
  const { domain: yDomain, ticks: yTicks } = useYAxisTicks(series, targets);
  const xDomain = useXDomain(rows, targets);
  const xTicks = useMemo(() => yearTicks(xDomain), [xDomain]);
  const axisTick = useMemo(() => ({ fill: colours.muted, fontSize: 12 }), [colours.muted]);
  const xLabel = useMemo(() => ({ value: labels.year, position: 'insideBottomRight' as const, offset: -4, fill: colours.muted, fontSize: 12 }), [labels.year, colours.muted]);
  const yLabel = useMemo(() => ({ value: labels.unit, position: 'insideTopLeft' as const, offset: -18, dx: 10, fill: colours.muted, fontSize: 12 }), [labels.unit, colours.muted]);
  const tooltipFormatter = useMemo(
    () => (value: unknown) => (Array.isArray(value) ? value.map((v) => formatValue(Number(v))).join(' – ') : formatValue(Number(value))),
    [formatValue],
  );
  const tooltipStyle = useMemo(() => ({ background: colours.surface, borderColor: colours.grid, color: colours.text }), [colours.surface, colours.grid, colours.text]);
  const legendStyle = useMemo(() => ({ color: colours.text, fontSize: 13 }), [colours.text]);
  const actualDot = useMemo(() => ({ r: 3, fill: colours.actual }), [colours.actual]);
  const otherLines = useMemo(
    () => Array.from({ length: otherCount }, (_, index) => otherLine(series[`other${index}`] ?? noPoints, index, labels.other, colours.muted)),
    [otherCount, labels.other, colours.muted, series],
  );
  const band80 = series['band80'];
  const band50 = series['band50'];
  const median = series['p50'];
  const actual = series['actual'];
  const projection = series['projection'];
  const band80Area = useMemo(() => <Area data={band80} dataKey="value" name={labels.band80} stroke="none" fill={colours.accent} fillOpacity={0.14} isAnimationActive={false} activeDot={false} connectNulls />, [band80, labels.band80, colours.accent]);
  const band50Area = useMemo(() => <Area data={band50} dataKey="value" name={labels.band50} stroke="none" fill={colours.accent} fillOpacity={0.3} isAnimationActive={false} activeDot={false} connectNulls />, [band50, labels.band50, colours.accent]);
  const medianLine = useMemo(() => <Line data={median} dataKey="value" name={labels.median} stroke={colours.median} strokeWidth={2} strokeDasharray={medianDash} dot={false} isAnimationActive={false} connectNulls />, [median, labels.median, colours.median]);
  const actualLine = useMemo(() => <Line data={actual} dataKey="value" name={labels.actual} stroke={colours.actual} strokeWidth={2.5} dot={actualDot} isAnimationActive={false} connectNulls />, [actual, labels.actual, colours.actual, actualDot]);
  // The legend entry of the projection: a series without data of its own draws nothing and stays unchanged while the projection moves.
  const projectionLegend = useMemo(
    () => <Line data={noPoints as SeriesPoint[]} dataKey="value" name={labels.projection} stroke={colours.accent} strokeWidth={2.5} strokeDasharray={dash} dot={false} activeDot={false} tooltipType="none" isAnimationActive={false} />,
    [labels.projection, colours.accent],
  );
  const projectionForTooltip = useMemo(() => ({ data: projection ?? noPoints, name: labels.projection, color: colours.accent }), [projection, labels.projection, colours.accent]);
  // Grid, axes, tooltip and legend as the same elements while the chart's look is the same, so a slider step does not redraw them.
  const frame = useMemo(
    () => (
      <>
        <CartesianGrid stroke={colours.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" type="number" domain={xDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colours.muted} tick={axisTick} label={xLabel} />
        <YAxis width={64} stroke={colours.muted} tick={axisTick} tickFormatter={tick} domain={yDomain} allowDataOverflow ticks={yTicks} interval={0} label={yLabel} />
        <Tooltip isAnimationActive={false} content={tooltipContent} formatter={tooltipFormatter} labelFormatter={yearLabel} contentStyle={tooltipStyle} />
        <Legend wrapperStyle={legendStyle} />
      </>
    ),
    [colours, xDomain, xTicks, axisTick, xLabel, tick, yDomain, yTicks, yLabel, tooltipFormatter, tooltipStyle, legendStyle],
  );
  const targetDots = useMemo(
    () =>
      targets.map((target) => (
        <ReferenceDot
          key={`${target.year}-${target.value}`}
          x={target.year}
          y={target.value}
          r={6}
          fill={colours.surface}
          stroke={colours.target}
          strokeWidth={2.5}
          ifOverflow="extendDomain"
          label={{ value: target.label, position: 'top', fill: colours.target, fontSize: 12, fontWeight: 700 }}
        />
      )),
    [targets, colours.surface, colours.target],
  );
  const [box, width] = useContainerWidth();
  return (
    <div className="sc-chart" data-testid="scenario-chart" ref={box}>
      <ProjectionContext.Provider value={projectionForTooltip}>
      {width > 0 ? <ComposedChart width={width} height={chartHeight} margin={margin}>
        {frame}
        {hasBand ? band80Area : null}
        {hasBand ? band50Area : null}
        {otherLines}
        {hasBand ? medianLine : null}
        {hasActual ? actualLine : null}
        {projectionLegend}
        <ProjectionCurve data={projection ?? noPoints} stroke={colours.accent} />
        {targetDots}
      </ComposedChart> : null}
      </ProjectionContext.Provider>
    </div>
  );
}

export default memo(ScenarioChart);
