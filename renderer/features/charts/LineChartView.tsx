/**
 * The drawing of a line chart state (shared/charts/chart-state.ts) with Recharts, and nothing
 * more: the state says which lines, bands, markers, domains, ticks and labels there are; this maps
 * them onto Recharts elements and the theme's colours. The scenario chart, the compare overlay,
 * the difference chart, small multiples and presentation mode all draw through it.
 *
 * Recharts keeps an element's settings in its store and recomputes the chart when any of them is
 * a new object, so every part is drawn by a memoised component that receives the state's part
 * itself: with withUnchangedParts (shared/charts/scenario-chart.ts) upstream, a slider step hands
 * a new object to the moving line only, and the rest of the chart stays as it is.
 */
import { createContext, memo, useContext, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Curve,
  DefaultTooltipContent,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
  type TooltipPayloadEntry,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type {
  BandPoint,
  ChartAxis,
  ChartBand,
  ChartPoint,
  ColourRole,
  LineChartState,
  LineDash,
  LineSeries,
  ReferenceLine as StateReferenceLine,
  TargetMarker,
} from '../../../shared/charts/chart-state';
import { formatFreeUnitValue, formatValue, inLang, isUnitCode, type Lang } from '../../../shared/units';
import { useAxisStyle } from './axis-style';
import { chartTextSizes } from '../../../shared/charts/chart-text';
import { dashArray, lineStroke } from '../../../shared/charts/line-style';
import { seriesStyle, type ChartColours } from './chart-colours';

export interface LineChartViewProps {
  state: LineChartState;
  colours: ChartColours;
  /** Pixels; the width follows the container. */
  height?: number;
  testId?: string;
  className?: string;
  /**
   * The id of a series that changes on every input step (the projection under a slider). It is
   * drawn with the chart's own scales but outside Recharts' series store: a Recharts series would
   * make Recharts recompute the axes and every other series on each step, which costs more than a
   * frame with ten scenarios and a band on screen. The domains come from the state, so the scales
   * stay put. Its legend and tooltip entries still come from the state.
   */
  liveSeriesId?: string;
}

const margin = { top: 24, right: 24, bottom: 8, left: 8 };
const noPoints: readonly ChartPoint[] = [];

export function colourOf(role: ColourRole, colours: ChartColours): string {
  switch (role.kind) {
    case 'actual':
      return colours.actual;
    case 'projection':
    case 'band':
      return colours.accent;
    case 'median':
      return colours.median;
    case 'target':
      return colours.target;
    case 'series':
      return seriesStyle(role.index, colours).stroke;
  }
}

/** The dash pattern of a line, as every image draws it (shared/charts/line-style.ts); undefined for solid. */
export function dashArrayOf(dash: LineDash): string | undefined {
  return dashArray(dash) || undefined;
}

/** A value as the tooltip prints it: in the y axis's unit through shared/units, else the plain number and the axis title. */
function valueFormatter(y: ChartAxis, lang: Lang): (value: number) => string {
  const unit = y.unit;
  return (value) => {
    if (!Number.isFinite(value)) return '—';
    if (unit !== undefined && unit !== 'year' && isUnitCode(unit)) return formatValue(value, unit, lang);
    return formatFreeUnitValue(value, unit !== 'year' ? y.title : '');
  };
}

/** The state's tick labels by tick value (Recharts asks for a label per tick it was given). */
function tickLabeller(axis: ChartAxis): (value: unknown) => string {
  const labels = new Map(axis.ticks.map((tick, i) => [tick, axis.tickLabels[i] ?? '']));
  return (value) => labels.get(Number(value)) ?? String(value);
}

/** A band's [low, high] pair, which a Recharts range area reads. */
const bandRange = (point: BandPoint): [number, number] => [point.low, point.high];

const BandArea = memo(function BandArea({ band, colours, lang }: { band: ChartBand; colours: ChartColours; lang: Lang }) {
  return (
    <Area
      data={band.points}
      dataKey={bandRange}
      name={inLang(band.name, lang)}
      stroke="none"
      fill={colourOf(band.colour, colours)}
      fillOpacity={band.opacity}
      isAnimationActive={false}
      activeDot={false}
      connectNulls
    />
  );
});

const SeriesLine = memo(function SeriesLine({ series, colours, lang }: { series: LineSeries; colours: ChartColours; lang: Lang }) {
  const stroke = colourOf(series.colour, colours);
  const { width, opacity } = lineStroke(series.role);
  const dot = useMemo(() => (series.showPoints ? { r: 3, fill: stroke } : false), [series.showPoints, stroke]);
  // A null point in the state is a gap; a series without one is drawn through.
  const gaps = useMemo(() => series.points.some((point) => point.y === null), [series.points]);
  return (
    <Line
      data={series.points}
      dataKey="y"
      name={inLang(series.name, lang)}
      legendType="line"
      stroke={stroke}
      strokeWidth={width}
      strokeOpacity={opacity}
      strokeDasharray={dashArrayOf(series.dash)}
      dot={dot}
      isAnimationActive={false}
      connectNulls={!gaps}
    />
  );
});

/** The live series' legend entry: a series without data draws nothing and stays unchanged while the live line moves. */
const LiveLegend = memo(function LiveLegend({
  name,
  colour,
  dash,
  role,
  colours,
  lang,
}: {
  name: LineSeries['name'];
  colour: ColourRole;
  dash: LineDash;
  role: LineSeries['role'];
  colours: ChartColours;
  lang: Lang;
}) {
  return (
    <Line
      data={noPoints}
      dataKey="y"
      name={inLang(name, lang)}
      stroke={colourOf(colour, colours)}
      strokeWidth={lineStroke(role).width}
      strokeDasharray={dashArrayOf(dash)}
      dot={false}
      activeDot={false}
      tooltipType="none"
      isAnimationActive={false}
    />
  );
});

/** The live series, drawn with the chart's scales (see LineChartViewProps.liveSeriesId). */
const LiveCurve = memo(function LiveCurve({ series, colours }: { series: LineSeries; colours: ChartColours }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const points = series.points.flatMap((point) => {
    if (point.y === null) return [];
    const px = x(point.x);
    const py = y(point.y);
    return px === undefined || py === undefined ? [] : [{ x: px, y: py }];
  });
  if (points.length < 2) return null;
  const { width, opacity } = lineStroke(series.role);
  return (
    <g className="recharts-layer recharts-line" data-testid={`${series.role}-curve`}>
      <Curve
        type="linear"
        points={points}
        className="recharts-line-curve"
        stroke={colourOf(series.colour, colours)}
        strokeWidth={width}
        strokeOpacity={opacity}
        strokeDasharray={dashArrayOf(series.dash)}
        fill="none"
      />
    </g>
  );
});

const TargetDots = memo(function TargetDots({ targets, colours }: { targets: readonly TargetMarker[]; colours: ChartColours }) {
  return targets.map((target) => (
    <ReferenceDot
      key={`${target.x}-${target.y}`}
      x={target.x}
      y={target.y}
      r={6}
      fill={colours.surface}
      stroke={colours.target}
      strokeWidth={2.5}
      ifOverflow="extendDomain"
      label={{ value: target.label, position: 'top', fill: colours.target, fontSize: chartTextSizes.marker, fontWeight: 700 }}
    />
  ));
});

const ReferenceLines = memo(function ReferenceLines({ lines, colours }: { lines: readonly StateReferenceLine[]; colours: ChartColours }) {
  return lines.map((line) => (
    <ReferenceLine
      key={`${line.axis}-${line.value}`}
      {...(line.axis === 'x' ? { x: line.value } : { y: line.value })}
      stroke={colours.muted}
      strokeDasharray="4 4"
      ifOverflow="extendDomain"
      label={{ value: line.label, position: 'insideTopRight', fill: colours.muted, fontSize: chartTextSizes.tick }}
    />
  ));
});

/** The live series for the tooltip, which Recharts does not know as a series. */
const LiveContext = createContext<{ points: readonly ChartPoint[]; name: string; color: string } | null>(null);

function TooltipWithLive(props: TooltipContentProps<ValueType, NameType>) {
  const live = useContext(LiveContext);
  const at = live?.points.find((point) => point.x === props.label)?.y;
  const payload =
    live && typeof at === 'number' && props.active
      ? [...(props.payload ?? []), { name: live.name, value: at, color: live.color, dataKey: 'live' } as TooltipPayloadEntry]
      : props.payload;
  return <DefaultTooltipContent {...props} payload={payload} />;
}
const tooltipContent = (props: TooltipContentProps<ValueType, NameType>) => <TooltipWithLive {...props} />;
const plainLabel = (label: unknown) => String(label);

/** Grid, axes, tooltip and legend: the same elements while the axes and the look are the same, so a slider step does not redraw them. */
const Frame = memo(function Frame({ x, y, lang, colours }: { x: ChartAxis; y: ChartAxis; lang: Lang; colours: ChartColours }) {
  const style = useAxisStyle(colours);
  const xTick = useMemo(() => tickLabeller(x), [x]);
  const yTick = useMemo(() => tickLabeller(y), [y]);
  const xLabel = useMemo(() => ({ value: x.title, position: 'insideBottomRight' as const, offset: -4, ...style.label }), [x.title, style]);
  const yLabel = useMemo(() => ({ value: y.title, position: 'insideTopLeft' as const, offset: -18, dx: 10, ...style.label }), [y.title, style]);
  const formatter = useMemo(() => {
    const format = valueFormatter(y, lang);
    return (value: unknown) => (Array.isArray(value) ? value.map((v) => format(Number(v))).join(' – ') : format(Number(value)));
  }, [y, lang]);
  const tooltipStyle = useMemo(() => ({ background: colours.surface, borderColor: colours.grid, color: colours.text }), [colours]);
  const legendStyle = useMemo(() => ({ color: colours.text, fontSize: chartTextSizes.legend }), [colours]);
  return (
    <>
      <CartesianGrid stroke={colours.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="x"
        type="number"
        domain={x.domain}
        allowDataOverflow
        ticks={x.ticks}
        interval={0}
        tickFormatter={xTick}
        stroke={style.stroke}
        tick={style.tick}
        label={xLabel}
      />
      <YAxis
        width={64}
        stroke={style.stroke}
        tick={style.tick}
        tickFormatter={yTick}
        domain={y.domain}
        allowDataOverflow
        ticks={y.ticks}
        interval={0}
        label={yLabel}
      />
      <Tooltip isAnimationActive={false} content={tooltipContent} formatter={formatter} labelFormatter={plainLabel} contentStyle={tooltipStyle} />
      <Legend wrapperStyle={legendStyle} />
    </>
  );
});

/**
 * The chart's width, measured before the first paint and followed on resize. Recharts' own
 * `responsive` mode draws a first frame at a placeholder size and the real chart only after its
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

export const LineChartView = memo(function LineChartView({ state, colours, height = 320, testId, className, liveSeriesId }: LineChartViewProps) {
  const [box, width] = useContainerWidth();
  const live = liveSeriesId === undefined ? undefined : state.series.find((series) => series.id === liveSeriesId);
  const liveName = live ? inLang(live.name, state.lang) : '';
  const liveColour = live ? colourOf(live.colour, colours) : '';
  const livePoints = live?.points ?? noPoints;
  const liveForTooltip = useMemo(() => (liveName ? { points: livePoints, name: liveName, color: liveColour } : null), [livePoints, liveName, liveColour]);
  const boxStyle = useMemo(() => ({ width: '100%', height }), [height]);
  return (
    <div className={className} style={boxStyle} data-testid={testId} ref={box}>
      <LiveContext.Provider value={liveForTooltip}>
        {width > 0 ? (
          <ComposedChart width={width} height={height} margin={margin} aria-label={state.title}>
            <Frame x={state.x} y={state.y} lang={state.lang} colours={colours} />
            {state.bands.map((band) => (
              <BandArea key={band.id} band={band} colours={colours} lang={state.lang} />
            ))}
            {state.series.map((series) =>
              series === live ? (
                <LiveLegend
                  key={series.id}
                  name={series.name}
                  colour={series.colour}
                  dash={series.dash}
                  role={series.role}
                  colours={colours}
                  lang={state.lang}
                />
              ) : (
                <SeriesLine key={series.id} series={series} colours={colours} lang={state.lang} />
              ),
            )}
            {live ? <LiveCurve series={live} colours={colours} /> : null}
            <ReferenceLines lines={state.referenceLines} colours={colours} />
            <TargetDots targets={state.targets} colours={colours} />
          </ComposedChart>
        ) : null}
      </LiveContext.Provider>
    </div>
  );
});

export default LineChartView;
