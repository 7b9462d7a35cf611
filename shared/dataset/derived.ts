import { constantGrowthPercent, formatPlainNumber, fractionToPercent, growthFactor, percentToFraction, type UnitCode } from '../units';
import { requireObservation, requireObservationValue } from './dataset';
import type { BilingualText, Dataset } from './schema';

/**
 * Figures an analyst needs that the article implies but does not print.
 * Every one is computed from observations at call time, so correcting a value
 * in dataset.json updates every derived figure (and check) built on it.
 */
export interface DerivedFigure {
  id: string;
  name: BilingualText;
  /** Formula in words, then with the actual input numbers. */
  formula: BilingualText;
  /** Observation ids, in the order the formula uses them. */
  inputs: readonly string[];
  value: number;
  unit: UnitCode;
  /** The year the figure describes (for a rate between two years, the later one). */
  year: number;
  /** Decimals worth showing; `roundedValue` is `value` rounded to them. */
  decimals: number;
  roundedValue: number;
  note?: BilingualText;
}

interface DerivedSpec {
  id: string;
  name: BilingualText;
  unit: UnitCode;
  decimals: number;
  inputs: readonly string[];
  /** Year of the result, from the input observations' years. */
  year: (years: readonly number[]) => number;
  compute: (values: readonly number[], years: readonly number[]) => number;
  formula: (values: readonly number[], years: readonly number[]) => BilingualText;
  note?: BilingualText;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const n = (value: number | undefined): string => formatPlainNumber(value ?? Number.NaN, 4);
const at = (values: readonly number[], position: number): number => {
  const value = values[position];
  if (value === undefined) throw new RangeError(`derived formula reads input ${position} that was not declared`);
  return value;
};

/** Base of the previous year implied by a level and its year-on-year growth in percent. */
const priorYearBase = (level: number, growthPercent: number): number => level / growthFactor(growthPercent);

const DERIVED_SPECS: readonly DerivedSpec[] = [
  {
    id: 'cq.software.revenue@2023-implied',
    name: { zh: '隐含2023年软件和信息服务业收入', en: 'Implied 2023 software and IT services revenue' },
    unit: 'cny-100m',
    decimals: 2,
    inputs: ['cq.software.revenue@2024-target', 'cq.software.revenue-growth@2024-target'],
    year: (years) => at(years, 0) - 1,
    compute: (values) => priorYearBase(at(values, 0), at(values, 1)),
    formula: (values) => ({
      zh: `2024年收入目标 ÷ (1 + 目标增速) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
      en: `2024 revenue target ÷ (1 + target growth) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
    }),
    note: { zh: '假设15%增速以2023年实际收入为基数。', en: 'Assumes the 15% growth is measured on actual 2023 revenue.' },
  },
  {
    id: 'cq.enterprises.high-tech@2022-implied',
    name: { zh: '隐含2022年高新技术企业数(“双倍增”基数)', en: 'Implied 2022 high-tech enterprises ("double doubling" base)' },
    unit: 'firms',
    decimals: 0,
    inputs: ['cq.enterprises.high-tech@2023-actual', 'cq.enterprises.high-tech-growth@2023-actual'],
    year: (years) => at(years, 0) - 1,
    compute: (values) => priorYearBase(at(values, 0), at(values, 1)),
    formula: (values) => ({
      zh: `2023年数量 ÷ (1 + 同比增速) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
      en: `2023 count ÷ (1 + YoY growth) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
    }),
  },
  {
    id: 'cq.enterprises.tech-based@2022-implied',
    name: { zh: '隐含2022年科技型企业数(“双倍增”基数)', en: 'Implied 2022 tech-based enterprises ("double doubling" base)' },
    unit: 'firms',
    decimals: 0,
    inputs: ['cq.enterprises.tech-based@2023-actual', 'cq.enterprises.tech-based-growth@2023-actual'],
    year: (years) => at(years, 0) - 1,
    compute: (values) => priorYearBase(at(values, 0), at(values, 1)),
    formula: (values) => ({
      zh: `2023年数量 ÷ (1 + 同比增速) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
      en: `2023 count ÷ (1 + YoY growth) = ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
    }),
  },
  {
    id: 'cq.enterprises.high-tech.net-increase@2023-implied',
    name: { zh: '隐含2023年高新技术企业净增数', en: 'Implied 2023 net increase in high-tech enterprises' },
    unit: 'firms',
    decimals: 0,
    inputs: ['cq.enterprises.high-tech@2023-actual', 'cq.enterprises.high-tech-growth@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => at(values, 0) - priorYearBase(at(values, 0), at(values, 1)),
    formula: (values) => ({
      zh: `2023年数量 − 2023年数量 ÷ (1 + 同比增速) = ${n(values[0])} − ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
      en: `2023 count − 2023 count ÷ (1 + YoY growth) = ${n(values[0])} − ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
    }),
  },
  {
    id: 'cq.enterprises.tech-based.net-increase@2023-implied',
    name: { zh: '隐含2023年科技型企业净增数', en: 'Implied 2023 net increase in tech-based enterprises' },
    unit: 'firms',
    decimals: 0,
    inputs: ['cq.enterprises.tech-based@2023-actual', 'cq.enterprises.tech-based-growth@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => at(values, 0) - priorYearBase(at(values, 0), at(values, 1)),
    formula: (values) => ({
      zh: `2023年数量 − 2023年数量 ÷ (1 + 同比增速) = ${n(values[0])} − ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
      en: `2023 count − 2023 count ÷ (1 + YoY growth) = ${n(values[0])} − ${n(values[0])} ÷ (1 + ${n(values[1])}%)`,
    }),
  },
  {
    id: 'cq.enterprises.high-tech-share-of-tech-based@2023-implied',
    name: { zh: '高新技术企业占科技型企业比重', en: 'High-tech enterprises as a share of tech-based enterprises' },
    unit: 'percent',
    decimals: 2,
    inputs: ['cq.enterprises.high-tech@2023-actual', 'cq.enterprises.tech-based@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => fractionToPercent(at(values, 0) / at(values, 1)),
    formula: (values) => ({
      zh: `高新技术企业数 ÷ 科技型企业数 = ${n(values[0])} ÷ ${n(values[1])}`,
      en: `high-tech enterprises ÷ tech-based enterprises = ${n(values[0])} ÷ ${n(values[1])}`,
    }),
    note: {
      zh: '把高新技术企业视为科技型企业的子集时才有"比重"含义。',
      en: 'Reads as a share only if high-tech enterprises are counted among tech-based ones.',
    },
  },
  {
    id: 'cn.diagnostics.market@cagr-2023-2028',
    name: { zh: '全国诊断产业规模隐含年均增速(2023→2028)', en: 'Implied CAGR of China\u2019s diagnostics industry (2023→2028)' },
    unit: 'percent',
    decimals: 2,
    inputs: ['cn.diagnostics.market@2023-actual', 'cn.diagnostics.market@2028-projection'],
    year: (years) => at(years, 1),
    compute: (values, years) => constantGrowthPercent(at(values, 0), at(values, 1), at(years, 1) - at(years, 0)),
    formula: (values, years) => ({
      zh: `(2028年规模 ÷ 2023年规模)^(1/${at(years, 1) - at(years, 0)}) − 1 = (${n(values[1])} ÷ ${n(values[0])})^(1/${at(years, 1) - at(years, 0)}) − 1`,
      en: `(2028 size ÷ 2023 size)^(1/${at(years, 1) - at(years, 0)}) − 1 = (${n(values[1])} ÷ ${n(values[0])})^(1/${at(years, 1) - at(years, 0)}) − 1`,
    }),
    note: { zh: '两个数字均为"左右",增速仅为量级参考。', en: 'Both figures are "about", so the rate is indicative only.' },
  },
  {
    id: 'cq.projects-5-8.fiscal-leverage@2023-implied',
    name: { zh: '"5+8"专项财政资金撬动倍数', en: '"5+8" fiscal leverage (social per fiscal yuan)' },
    unit: 'ratio',
    decimals: 2,
    inputs: ['cq.projects-5-8.social-investment@2023-actual', 'cq.projects-5-8.fiscal-investment@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => at(values, 0) / at(values, 1),
    formula: (values) => ({
      zh: `带动社会投入 ÷ 财政投入 = ${n(values[0])} ÷ ${n(values[1])}`,
      en: `social investment ÷ fiscal investment = ${n(values[0])} ÷ ${n(values[1])}`,
    }),
  },
  {
    id: 'cq.projects-5-8.social-share@2023-implied',
    name: { zh: '"5+8"专项社会投入占总投资比重', en: 'Social share of "5+8" total investment' },
    unit: 'percent',
    decimals: 2,
    inputs: ['cq.projects-5-8.social-investment@2023-actual', 'cq.projects-5-8.total-investment@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => fractionToPercent(at(values, 0) / at(values, 1)),
    formula: (values) => ({
      zh: `带动社会投入 ÷ 总投资 = ${n(values[0])} ÷ ${n(values[1])}`,
      en: `social investment ÷ total investment = ${n(values[0])} ÷ ${n(values[1])}`,
    }),
  },
  ...(['high-tech', 'tech-based'] as const).flatMap((kind): DerivedSpec[] =>
    ([2025, 2027] as const).map((targetYear) => ({
      id: `cq.enterprises.${kind}@required-cagr-2023-${targetYear}`,
      name:
        kind === 'high-tech'
          ? { zh: `实现${targetYear}年高新技术企业目标所需年均增速`, en: `Annual growth needed for the ${targetYear} high-tech enterprise target` }
          : { zh: `实现${targetYear}年科技型企业目标所需年均增速`, en: `Annual growth needed for the ${targetYear} tech-based enterprise target` },
      unit: 'percent' as const,
      decimals: 2,
      inputs: [`cq.enterprises.${kind}@2023-actual`, `cq.enterprises.${kind}@${targetYear}-target`],
      year: (years: readonly number[]) => at(years, 1),
      compute: (values: readonly number[], years: readonly number[]) => constantGrowthPercent(at(values, 0), at(values, 1), at(years, 1) - at(years, 0)),
      formula: (values: readonly number[], years: readonly number[]) => ({
        zh: `(目标 ÷ 2023年实际)^(1/${at(years, 1) - at(years, 0)}) − 1 = (${n(values[1])} ÷ ${n(values[0])})^(1/${at(years, 1) - at(years, 0)}) − 1`,
        en: `(target ÷ 2023 actual)^(1/${at(years, 1) - at(years, 0)}) − 1 = (${n(values[1])} ÷ ${n(values[0])})^(1/${at(years, 1) - at(years, 0)}) − 1`,
      }),
    })),
  ),
  {
    id: 'fuling.total-output@2023-implied',
    name: { zh: '隐含涪陵区产值总量(下限)', en: 'Implied Fuling total output (lower bound)' },
    unit: 'cny-100m',
    decimals: 1,
    inputs: ['fuling.new-materials-output@2023-actual', 'fuling.new-materials-output-share@2023-actual'],
    year: (years) => at(years, 0),
    compute: (values) => at(values, 0) / percentToFraction(at(values, 1)),
    formula: (values) => ({
      zh: `新材料产值 ÷ 占比 = ${n(values[0])} ÷ ${n(values[1])}%`,
      en: `new-materials output ÷ share = ${n(values[0])} ÷ ${n(values[1])}%`,
    }),
    note: {
      zh: '原文为"近一半",实际占比略低于50%,故总量略高于此值。',
      en: 'The article says "nearly half": the true share is a bit under 50%, so the total is a bit above this.',
    },
  },
];

/** Compute every derived figure from the dataset's observations. */
export function computeDerivedFigures(dataset: Dataset): DerivedFigure[] {
  return DERIVED_SPECS.map((spec) => {
    const values = spec.inputs.map((id) => requireObservationValue(dataset, id));
    const years = spec.inputs.map((id) => requireObservation(dataset, id).year);
    const value = spec.compute(values, years);
    const figure: DerivedFigure = {
      id: spec.id,
      name: spec.name,
      formula: spec.formula(values, years),
      inputs: spec.inputs,
      value,
      unit: spec.unit,
      year: spec.year(years),
      decimals: spec.decimals,
      roundedValue: roundTo(value, spec.decimals),
    };
    if (spec.note) figure.note = spec.note;
    return figure;
  });
}

export function requireDerivedFigure(figures: readonly DerivedFigure[], id: string): DerivedFigure {
  const figure = figures.find((candidate) => candidate.id === id);
  if (!figure) throw new RangeError(`no derived figure "${id}"`);
  return figure;
}
