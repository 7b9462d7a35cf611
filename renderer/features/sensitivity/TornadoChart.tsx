import { useTranslation } from 'react-i18next';
import type { TornadoBar, TornadoState } from '../../../shared/charts/chart-state';
import { formatFreeUnitValue } from '../../../shared/units';
import { seriesStyle, type ChartColours } from '../charts/chart-colours';

const TORNADO_WIDTH = 820;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 54;
const TOP = 34;

function outcomeText(bar: TornadoBar, side: 'low' | 'high'): string {
  // A state from elsewhere may leave the printed outcomes out: the plain number is better than nothing.
  return side === 'low' ? (bar.lowOutcomeLabel ?? formatFreeUnitValue(bar.low, '')) : (bar.highOutcomeLabel ?? formatFreeUnitValue(bar.high, ''));
}

/**
 * A thin SVG drawing of a tornado state: every position, number and name comes from the state;
 * only the bar descriptions (tooltip and screen-reader text) are put together here from i18n.
 */
export function TornadoChart({ state, colours }: { state: TornadoState; colours: ChartColours }) {
  const { t } = useTranslation('sensitivity');
  const [domainLow, domainHigh] = state.x.domain;
  const plotLeft = LABEL_WIDTH + 10;
  const plotRight = TORNADO_WIDTH - 10;
  const x = (value: number) => plotLeft + ((value - domainLow) / (domainHigh - domainLow)) * (plotRight - plotLeft);
  const height = TOP + state.bars.length * ROW_HEIGHT + 8;
  const lowStyle = seriesStyle(1, colours);
  const highStyle = seriesStyle(0, colours);
  const descriptions = state.bars.map((bar) =>
    t('tornadoBarLabel', {
      parameter: bar.label,
      low: bar.lowLabel,
      high: bar.highLabel,
      outputLow: outcomeText(bar, 'low'),
      outputHigh: outcomeText(bar, 'high'),
    }),
  );
  const baseX = x(state.base);
  const sideName = { low: state.lowName ?? t('tornadoLow'), high: state.highName ?? t('tornadoHigh') };
  return (
    <>
      <ul className="sensitivity-key" aria-hidden="true">
        <li>
          <span className="sensitivity-swatch" style={{ background: lowStyle.stroke }} /> {sideName.low}
        </li>
        <li>
          <span className="sensitivity-swatch" style={{ background: highStyle.stroke }} /> {sideName.high}
        </li>
      </ul>
      <svg
        className="sensitivity-tornado"
        viewBox={`0 0 ${TORNADO_WIDTH} ${height}`}
        role="img"
        aria-label={`${state.title}. ${descriptions.join('. ')}`}
        data-testid="tornado"
      >
        <line x1={baseX} x2={baseX} y1={TOP - 8} y2={height - 4} stroke={colours.text} strokeWidth={1.5} />
        <text x={baseX} y={TOP - 14} textAnchor="middle" fill={colours.text} fontSize={13}>
          {state.baseLabel}
        </text>
        {state.bars.map((bar, index) => {
          const top = TOP + index * ROW_HEIGHT;
          const middle = top + ROW_HEIGHT / 2;
          // Both segments on one side (or none moving): stack them so neither label hides the other.
          const stacked = (bar.low - state.base) * (bar.high - state.base) >= 0;
          const segments = [
            { output: bar.low, input: bar.lowLabel, fill: lowStyle.stroke, side: 'low' as const },
            { output: bar.high, input: bar.highLabel, fill: highStyle.stroke, side: 'high' as const },
          ];
          return (
            <g key={bar.id} data-testid={`tornado-bar-${bar.id}`}>
              <title>{descriptions[index]}</title>
              <text x={LABEL_WIDTH} y={middle - 3} textAnchor="end" fill={colours.text} fontSize={14} fontWeight={700}>
                {bar.label}
              </text>
              <text x={LABEL_WIDTH} y={middle + 14} textAnchor="end" fill={colours.muted} fontSize={12}>
                {`${bar.lowLabel} – ${bar.highLabel}`}
              </text>
              {segments.map((segment) => {
                const end = x(segment.output);
                const leftward = segment.output < state.base;
                const barTop = stacked ? (segment.side === 'low' ? middle - 18 : middle + 2) : middle - 9;
                const barHeight = stacked ? 16 : 18;
                return (
                  <g key={segment.side}>
                    <rect x={Math.min(baseX, end)} y={barTop} width={Math.max(1, Math.abs(end - baseX))} height={barHeight} fill={segment.fill} />
                    <text
                      x={end + (leftward ? -6 : 6)}
                      y={barTop + barHeight / 2 + 4}
                      textAnchor={leftward ? 'end' : 'start'}
                      fill={colours.text}
                      fontSize={12}
                      data-testid={`tornado-label-${bar.id}-${segment.side}`}
                    >
                      {`${outcomeText(bar, segment.side)} (${sideName[segment.side]} ${segment.input})`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </>
  );
}
