/**
 * The builder's chart (loaded on demand with Recharts): actual values solid, the projection
 * dashed, the Monte Carlo band (P10–P90 light, P25–P75 darker) with its median, targets as
 * labelled markers, and other scenarios of the same indicator as thin lines for reference.
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartColors } from './chart-colors';
import type { YearRow } from './scenario-form';

export interface ChartTarget {
  year: number;
  value: number;
  label: string;
}

export interface ScenarioChartProps {
  rows: readonly YearRow[];
  colors: ChartColors;
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

function ScenarioChart({ rows, colors, tick, formatValue, targets, otherCount, hasBand, hasActual, labels }: ScenarioChartProps) {
  return (
    <div className="sc-chart" data-testid="scenario-chart">
      <ComposedChart responsive data={rows as YearRow[]} margin={margin} style={{ width: '100%', height: 320 }}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="year"
          type="number"
          domain={['dataMin', 'dataMax']}
          allowDecimals={false}
          stroke={colors.muted}
          tick={{ fill: colors.muted, fontSize: 12 }}
          label={{ value: labels.year, position: 'insideBottomRight', offset: -4, fill: colors.muted, fontSize: 12 }}
        />
        <YAxis
          width={64}
          stroke={colors.muted}
          tick={{ fill: colors.muted, fontSize: 12 }}
          tickFormatter={tick}
          domain={['auto', 'auto']}
          label={{ value: labels.unit, position: 'insideTopLeft', offset: -18, dx: 10, fill: colors.muted, fontSize: 12 }}
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(value) => (Array.isArray(value) ? value.map((v) => formatValue(Number(v))).join(' – ') : formatValue(Number(value)))}
          labelFormatter={(year) => String(year)}
          contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }}
        />
        <Legend wrapperStyle={{ color: colors.text, fontSize: 13 }} />
        {hasBand ? <Area dataKey="band80" name={labels.band80} stroke="none" fill={colors.accent} fillOpacity={0.14} isAnimationActive={false} activeDot={false} connectNulls /> : null}
        {hasBand ? <Area dataKey="band50" name={labels.band50} stroke="none" fill={colors.accent} fillOpacity={0.3} isAnimationActive={false} activeDot={false} connectNulls /> : null}
        {Array.from({ length: otherCount }, (_, index) => (
          <Line
            key={index}
            dataKey={`other${index}`}
            name={index === 0 ? labels.other : `${labels.other} ${index + 1}`}
            legendType={index === 0 ? 'line' : 'none'}
            stroke={colors.muted}
            strokeWidth={1}
            strokeOpacity={0.55}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
        {hasBand ? <Line dataKey="p50" name={labels.median} stroke={colors.median} strokeWidth={2} strokeDasharray={medianDash} dot={false} isAnimationActive={false} connectNulls /> : null}
        {hasActual ? <Line dataKey="actual" name={labels.actual} stroke={colors.actual} strokeWidth={2.5} dot={{ r: 3, fill: colors.actual }} isAnimationActive={false} connectNulls /> : null}
        <Line dataKey="projection" name={labels.projection} stroke={colors.accent} strokeWidth={2.5} strokeDasharray={dash} dot={false} isAnimationActive={false} connectNulls />
        {targets.map((target) => (
          <ReferenceDot
            key={`${target.year}-${target.value}`}
            x={target.year}
            y={target.value}
            r={6}
            fill={colors.surface}
            stroke={colors.target}
            strokeWidth={2.5}
            ifOverflow="extendDomain"
            label={{ value: target.label, position: 'top', fill: colors.target, fontSize: 12, fontWeight: 700 }}
          />
        ))}
      </ComposedChart>
    </div>
  );
}

export default memo(ScenarioChart);
