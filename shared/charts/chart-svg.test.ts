import { describe, expect, it } from 'vitest';
import type { HeatmapState, LineChartState, LineSeries, SmallMultiplesState, TornadoState } from './chart-state';
import { chartImage, chartSvg, escapeXmlText, lightImagePalette } from './chart-svg';
import { exportPresets } from './image-layout';
import { compareDifferenceState, compareOverlayState, compareSmallMultiplesState, groupScenarios, projectGroup } from './compare-chart';
import { scenarioChartStateFor } from './scenario-chart';
import { figureSourcesOf } from './source-line';
import { loadStarterWorkspace } from '../workspace/starter';
import { localName, namesAfter, withNames, type Lang } from '../units';
import type { WorkspaceScenario } from '../workspace';

const frame = { lang: 'zh' as const, title: '基准情景：高新技术企业数量', subtitle: '情景「保持增速」，单位：家', source: '来源：重庆日报 2024年2月' };

function series(id: string, zh: string, en: string, points: readonly (number | null)[], extra: Partial<LineSeries> = {}): LineSeries {
  return {
    id,
    name: { zh, en },
    role: 'scenario',
    colour: { kind: 'projection' },
    dash: 'solid',
    showPoints: false,
    points: points.map((y, index) => ({ x: 2020 + index * 5, y })),
    ...extra,
  };
}

/** x 2020–2030 over ticks 2020, 2025, 2030; y 0–100 over ticks 0, 50, 100. */
function lineState(overrides: Partial<LineChartState> = {}): LineChartState {
  return {
    kind: 'line',
    id: 'test-line',
    ...frame,
    x: { title: '年份', domain: [2020, 2030], ticks: [2020, 2025, 2030], tickLabels: ['2020', '2025', '2030'], unit: 'year' },
    y: { title: '家', domain: [0, 100], ticks: [0, 50, 100], tickLabels: ['0', '50', '100'] },
    bands: [],
    series: [
      series('a', '基准', 'Baseline', [0, 50, 100]),
      series('b', '高增长', 'High growth', [20, null, 80], { colour: { kind: 'series', index: 1 }, dash: 'dashed' }),
    ],
    targets: [],
    referenceLines: [],
    ...overrides,
  };
}

/** Every `<text>`'s content, with tspans unwrapped and entities left as written. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((match) => (match[1] ?? '').replace(/<\/?tspan>/g, ''));
}

function numberAttr(tag: string, name: string): number {
  return Number(new RegExp(` ${name}="([-\\d.]+)"`).exec(tag)?.[1]);
}

/** Start and end tags balance (a well-formed document for these elements, which never nest a `<` in text). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? '');
  }
  return stack.length === 0;
}

describe('a line chart drawn from its state', () => {
  it('names every line in the legend in the chart’s language, and English names in English', () => {
    const zh = texts(chartSvg(lineState()));
    expect(zh).toContain('基准');
    expect(zh).toContain('高增长');
    const en = texts(chartSvg(lineState({ lang: 'en' })));
    expect(en).toContain('Baseline');
    expect(en).toContain('High growth');
    expect(en).not.toContain('基准');
  });

  it('sets the title, subtitle and source line around the chart, and the axes’ tick labels', () => {
    const lines = texts(chartSvg(lineState(), { width: 900 }));
    expect(lines[0]).toBe(frame.title);
    expect(lines[1]).toBe(frame.subtitle);
    expect(lines.at(-1)).toBe(frame.source);
    expect(lines).toEqual(expect.arrayContaining(['2020', '2025', '2030', '0', '50', '100', '年份', '家']));
  });

  it('puts a value halfway up the axis halfway between its end ticks, and 2025 halfway along', () => {
    const svg = chartSvg(lineState({ series: [series('a', '基准', 'Baseline', [0, 50, 100], { showPoints: true })] }), { width: 900 });
    const circles = [...svg.matchAll(/<circle[^>]*>/g)].map((m) => m[0]);
    // The legend's swatch has a point too; the three plotted ones come first.
    const [first, middle, last] = circles.map((tag) => ({ x: numberAttr(tag, 'cx'), y: numberAttr(tag, 'cy') }));
    expect(middle?.x).toBeCloseTo(((first?.x ?? 0) + (last?.x ?? 0)) / 2, 1);
    expect(middle?.y).toBeCloseTo(((first?.y ?? 0) + (last?.y ?? 0)) / 2, 1);
    // Higher values are higher on the page (smaller y).
    expect(last?.y).toBeLessThan(first?.y ?? 0);
  });

  it('breaks a line where a year has no value rather than drawing through zero', () => {
    const svg = chartSvg(lineState({ series: [series('b', '高增长', 'High growth', [20, null, 80])] }));
    const d = /<path d="([^"]+)" fill="none"/.exec(svg)?.[1] ?? '';
    // Two pieces of one point each: 2020 and 2030, each a move without a line to it.
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toContain('L');
  });

  it('strokes lines in the light palette with their dash, and never writes a CSS variable or class', () => {
    const svg = chartSvg(lineState());
    expect(svg).toContain(`stroke="${lightImagePalette.accent}"`);
    expect(lightImagePalette.accent).toBe('rgb(10, 88, 168)');
    expect(svg).toContain('stroke-dasharray="7 5"');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain('class=');
    expect(balanced(svg)).toBe(true);
  });

  it('draws a band as one shape from its highs forward and its lows back', () => {
    const band = {
      id: 'p10-p90',
      name: { zh: '80% 区间', en: '80% range' },
      colour: { kind: 'band' as const },
      opacity: 0.14,
      points: [2020, 2025, 2030].map((x) => ({ x, low: 10, high: 90 })),
    };
    const svg = chartSvg(lineState({ bands: [band] }));
    const d = /<path d="([^"]+)" fill="[^"]+" fill-opacity="0.14"/.exec(svg)?.[1] ?? '';
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    // Three highs and three lows.
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(6);
    expect(texts(svg)).toContain('80% 区间');
  });

  it('marks a target with its label and draws a labelled reference line', () => {
    const svg = chartSvg(lineState({ targets: [{ x: 2030, y: 90, label: '2030年目标 90家' }], referenceLines: [{ axis: 'y', value: 50, label: '基准线' }] }));
    expect(texts(svg)).toEqual(expect.arrayContaining(['2030年目标 90家', '基准线']));
    expect(svg).toContain(`stroke="${lightImagePalette.target}"`);
  });

  it('draws bars from zero, a bar twice the value twice as tall', () => {
    const bars = lineState({
      x: { title: '', domain: [2019.5, 2021.5], ticks: [2020, 2021], tickLabels: ['2020', '2021'] },
      y: { title: '', domain: [0, 40], ticks: [0, 20, 40], tickLabels: ['0', '20', '40'] },
      series: [
        {
          ...series('inc', '比上年增加', 'Increase', []),
          mark: 'bar',
          points: [
            { x: 2020, y: 10 },
            { x: 2021, y: 20 },
          ],
        },
      ],
    });
    const svg = chartSvg(bars, { frame: 'none', width: 600, height: 300 });
    const rects = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([\d.]+)" fill="rgb\(10, 88, 168\)"\/>/g)].map((m) => Number(m[1]));
    // Two bars, then the legend's 12 px swatch.
    expect(rects).toHaveLength(3);
    expect(rects[2]).toBe(12);
    expect((rects[1] ?? 0) / (rects[0] ?? 1)).toBeCloseTo(2, 5);
  });
});

describe('text in an image', () => {
  it('escapes names, so a name with <&"> stays text and the file stays well formed', () => {
    const state = lineState({ title: 'A <b> & "c"', series: [series('x', '情景 <&">', 'Scenario <&">', [1, 2, 3])] });
    const svg = chartSvg(state);
    expect(svg).toContain('情景 &lt;&amp;"&gt;');
    expect(svg).not.toContain('情景 <&">');
    expect(svg).toContain('<title>A &lt;b&gt; &amp; "c"</title>');
    expect(balanced(svg)).toBe(true);
    // Quotes are escaped where they would end an attribute.
    expect(escapeXmlText('a\u0001b')).toBe('ab');
  });

  it('embeds the font CSS it is given and reports the text it draws by weight, the title in bold', () => {
    const image = chartImage(lineState(), { fontCss: "@font-face{font-family:'Noto Sans SC';}" });
    expect(image.svg).toContain("<style>@font-face{font-family:'Noto Sans SC';}</style>");
    expect(image.textByWeight.get(700)).toContain(frame.title);
    expect(image.textByWeight.get(400)).toContain(frame.source);
    expect(image.textByWeight.get(400)).toContain('基准');
  });
});

describe('image sizes', () => {
  it('keeps the given width at 1× and doubles the pixels at 2×', () => {
    const one = chartImage(lineState(), { width: 900 });
    expect(one.width).toBe(900);
    expect(one.svg).toContain(`viewBox="0 0 900 ${one.height}"`);
    const two = chartImage(lineState(), { width: 900, preset: exportPresets.x2, pixelSize: true });
    expect([two.pixelWidth, two.pixelHeight]).toEqual([1800, 2 * one.height]);
    expect(two.svg).toContain(`width="1800" height="${2 * one.height}"`);
  });

  it('lays a 1920×1080 slide out on a 960 × 540 page, 16:9, with that many pixels', () => {
    const slide = chartImage(lineState(), { preset: exportPresets.hd, pixelSize: true });
    // 960 × 9/16 = 540.
    expect([slide.width, slide.height]).toEqual([960, 540]);
    expect(slide.svg).toContain('width="1920" height="1080" viewBox="0 0 960 540"');
  });

  it('draws the chart alone at the size asked for, without the frame’s text', () => {
    const image = chartImage(lineState(), { frame: 'none', width: 800, height: 450 });
    expect([image.width, image.height]).toEqual([800, 450]);
    expect(texts(image.svg)).not.toContain(frame.title);
    expect(texts(image.svg)).not.toContain(frame.source);
    expect(texts(image.svg)).toContain('基准');
  });
});

describe('the other chart kinds', () => {
  it('draws small multiples as one panel per chart, titled, with one legend for all', () => {
    const panel = (id: string, title: string, name: string, index: number) =>
      lineState({ id, title, series: [series(id, name, name, [10, 20, 30], { colour: { kind: 'series', index } })] });
    const state: SmallMultiplesState = {
      kind: 'small-multiples',
      id: 'multiples',
      ...frame,
      panels: [panel('p1', '工业', '甲', 0), panel('p2', '软件', '乙', 1), panel('p3', '能源', '丙', 2), panel('p4', '人才', '丁', 3)],
    };
    const svg = chartSvg(state, { width: 900 });
    const lines = texts(svg);
    expect(lines).toEqual(expect.arrayContaining(['工业', '软件', '能源', '人才', '甲', '乙', '丙', '丁']));
    // Four plots, each clipped to its own area.
    expect(svg.match(/<clipPath /g)).toHaveLength(4);
    // Four panels in a 2 × 2 grid: two distinct left edges of the panel titles.
    const titleXs = new Set([...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="13" font-weight="700"/g)].map((m) => m[1]));
    expect(titleXs.size).toBe(2);
  });

  it('draws a tornado’s bars either side of the base line, labelled with outcome and input', () => {
    const state: TornadoState = {
      kind: 'tornado',
      id: 'tornado',
      ...frame,
      x: { title: '2027年产值', domain: [0, 200], ticks: [0, 100, 200], tickLabels: ['0', '100', '200'] },
      base: 100,
      baseLabel: '基准 100',
      bars: [
        {
          id: 'growthRatePercent',
          label: '增长率',
          low: 60,
          high: 150,
          lowLabel: '10%',
          highLabel: '20%',
          lowOutcomeLabel: '60亿元',
          highOutcomeLabel: '150亿元',
        },
      ],
      lowName: '低值',
      highName: '高值',
    };
    const svg = chartSvg(state, { frame: 'none', width: 700 });
    const lines = texts(svg);
    expect(lines).toEqual(expect.arrayContaining(['增长率', '10% – 20%', '基准 100', '60亿元 (低值 10%)', '150亿元 (高值 20%)', '低值', '高值']));
    const baseX = numberAttr(/<line[^>]*stroke-width="1.5"[^>]*>/.exec(svg)?.[0] ?? '', 'x1');
    const bar = (colour: string) => {
      const tag = new RegExp(`<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="${colour.replace(/[()]/g, '\\$&')}"/>`).exec(svg)?.[0] ?? '';
      return { x: numberAttr(tag, 'x'), width: numberAttr(tag, 'width') };
    };
    const low = bar(lightImagePalette.series[1] ?? '');
    const high = bar(lightImagePalette.series[0] ?? '');
    // The low bar ends at the base line, the high one starts there; 40 of a 200 span against 50.
    expect(low.x + low.width).toBeCloseTo(baseX, 1);
    expect(high.x).toBeCloseTo(baseX, 1);
    expect(low.width / high.width).toBeCloseTo(40 / 50, 5);
  });

  it('colours heatmap cells from light (lowest) to dark (highest), prints each value readably and frames the current cell', () => {
    const state: HeatmapState = {
      kind: 'heatmap',
      id: 'heatmap',
      ...frame,
      xTitle: '增长率',
      yTitle: '基数',
      columns: [
        { value: 10, label: '10%' },
        { value: 20, label: '20%' },
      ],
      rows: [{ value: 100, label: '100亿元' }],
      cells: [
        [
          { value: 1, label: '1亿元' },
          { value: 9, label: '9亿元' },
        ],
      ],
      scale: { min: 1, max: 9, centre: 5 },
      current: { row: 0, column: 1 },
    };
    const svg = chartSvg(state, { frame: 'none', width: 500 });
    // The scale's first stop for the minimum (black text), its last for the maximum (white text).
    expect(svg).toMatch(/fill="#f1f6fc"[^>]*\/><text[^>]*fill="#000000">1亿元<\/text>/);
    expect(svg).toMatch(/fill="#0b3a73"[^>]*\/><text[^>]*fill="#ffffff">9亿元<\/text>/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['增长率', '基数', '10%', '20%', '100亿元']));
    expect(svg).toMatch(/fill="none" stroke="rgb\(27, 31, 36\)" stroke-width="3"/);
  });
});

describe('#14.1 exported comparison charts name their lines in the legend, in the chart’s language', () => {
  const workspace = loadStarterWorkspace();
  const scenario = (id: string): WorkspaceScenario => {
    const found = workspace.scenarios.find((s) => s.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const rate = scenario('high-tech-firms-19-2pct');
  const netGain = scenario('high-tech-firms-linear-net-gain');
  const software = scenario('software-revenue-15pct');
  const styleIndex = new Map([
    [rate.id, 0],
    [netGain.id, 1],
    [software.id, 2],
  ]);
  const words = { title: 'T', subtitle: 'S', xTitle: 'X', yTitle: 'Y' };
  const sources = figureSourcesOf({ indicators: [] });
  const overlay = (scenarios: readonly WorkspaceScenario[], lang: Lang) => {
    const group = groupScenarios(scenarios)[0];
    if (!group) throw new Error('no group');
    return compareOverlayState({ id: 'compare-1', lang, group, projected: projectGroup(group.scenarios), styleIndex, text: words, sources });
  };
  const difference = (lang: Lang) =>
    compareDifferenceState({
      id: 'compare-difference-1',
      lang,
      unit: 'firms',
      projected: projectGroup([rate, netGain]),
      mode: 'absolute',
      styleIndex,
      text: words,
      sources,
    });
  // The drawing of presentation mode: the chart alone at the slide's logical size (PresentationOverlay).
  const slide = (state: Parameters<typeof chartSvg>[0]) => chartSvg(state, { frame: 'none', width: 800, height: 450 });

  for (const lang of ['zh', 'en'] as const) {
    // As drawn: texts() leaves entities as written (“&” is “&amp;”).
    const names = [localName(rate, lang), localName(netGain, lang)].map(escapeXmlText);

    it(`the overlay’s image and slide name both scenarios (${lang})`, () => {
      for (const svg of [chartSvg(overlay([rate, netGain], lang)), slide(overlay([rate, netGain], lang))])
        for (const name of names) expect(texts(svg)).toContain(name);
    });

    it(`the difference chart names the baseline it is measured against as well as the scenario (${lang})`, () => {
      for (const svg of [chartSvg(difference(lang)), slide(difference(lang))]) for (const name of names) expect(texts(svg)).toContain(name);
    });

    it(`small multiples name every scenario of every panel once (${lang})`, () => {
      const panels = groupScenarios([rate, netGain, software]).map((group, index) =>
        compareOverlayState({ id: `compare-${index + 1}`, lang, group, projected: projectGroup(group.scenarios), styleIndex, text: words, sources }),
      );
      const state = compareSmallMultiplesState({ id: 'compare', lang, title: 'T', subtitle: '', panels, scenarios: [rate, netGain, software], sources });
      const drawn = texts(chartSvg(state));
      for (const name of [...names, escapeXmlText(localName(software, lang))]) expect(drawn.filter((text) => text === name)).toHaveLength(1);
    });

    it(`the scenario chart names its lines (${lang})`, () => {
      const drawn = texts(slide(scenarioChartStateFor(workspace, rate.id, null, lang)));
      expect(drawn).toEqual(expect.arrayContaining(lang === 'zh' ? ['实际值', '情景预测'] : ['Actual', 'Scenario projection']));
    });
  }

  it('an English image names a renamed copy by the name the user typed, not the old English name', () => {
    const copy = withNames(netGain, namesAfter(netGain, { kind: 'typed', text: '净增情景' }));
    const drawn = texts(chartSvg(overlay([rate, copy], 'en')));
    expect(drawn).toContain('净增情景');
    expect(drawn).not.toContain(escapeXmlText(netGain.nameEn ?? ''));
  });
});
