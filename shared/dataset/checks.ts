import { formatPlainNumber, growthFactor, printedResolution, type UnitCode } from '../units';
import { indexDataset, requireIndicator, requireObservation, requireObservationValue } from './dataset';
import { computeDerivedFigures, requireDerivedFigure, type DerivedFigure } from './derived';
import type { BilingualText, Dataset } from './schema';

/**
 * pass: the figures agree within tolerance.
 * info: they differ, for a reason the text explains (not a data error).
 * warn: something an analyst should look at (a missing figure, a target off pace).
 * fail: an arithmetic identity the article implies does not hold.
 */
export const CHECK_VERDICTS = ['pass', 'info', 'warn', 'fail'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

export interface CheckFigure {
  label: BilingualText;
  value: number | null;
  unit: UnitCode;
  /** Where the number comes from: an observation or a derived figure id. */
  ref: { kind: 'observation' | 'derived'; id: string } | null;
}

export interface ConsistencyCheck {
  id: string;
  title: BilingualText;
  figures: readonly CheckFigure[];
  /** The value the other figures imply, and the value printed. */
  expected: number | null;
  actual: number | null;
  /** actual − expected. */
  difference: number | null;
  /** Largest |difference| still consistent, from the rounding of the printed figures. */
  tolerance: number;
  unit: UnitCode;
  verdict: CheckVerdict;
  explanation: BilingualText;
}

const fmt = (value: number, decimals = 2): string => formatPlainNumber(value, decimals);

function observationFigure(dataset: Dataset, observationId: string, label?: BilingualText): CheckFigure {
  const observation = requireObservation(dataset, observationId);
  const indicator = requireIndicator(dataset, observation.indicatorId);
  return {
    label: label ?? { zh: `${indicator.name.zh}(${observation.year})`, en: `${indicator.name.en} (${observation.year})` },
    value: observation.value,
    unit: indicator.unit,
    ref: { kind: 'observation', id: observationId },
  };
}

function derivedFigure(figure: DerivedFigure): CheckFigure {
  return { label: figure.name, value: figure.value, unit: figure.unit, ref: { kind: 'derived', id: figure.id } };
}

/** Half a step of the last printed digit: the rounding a printed figure may hide. */
function halfPrintedStep(dataset: Dataset, observationId: string): number {
  const { rawValue } = requireObservation(dataset, observationId);
  return rawValue === null ? 0 : printedResolution(rawValue) / 2;
}

/** Spread of level ÷ (1 + g) when g is only known to ± its printed rounding. */
function priorYearBaseHalfWidth(dataset: Dataset, levelId: string, growthId: string): number {
  const level = requireObservationValue(dataset, levelId);
  const growth = requireObservationValue(dataset, growthId);
  const halfStep = halfPrintedStep(dataset, growthId);
  return (level / growthFactor(growth - halfStep) - level / growthFactor(growth + halfStep)) / 2;
}

function compare(expected: number, actual: number, tolerance: number): { difference: number; within: boolean } {
  const difference = actual - expected;
  // The epsilon absorbs float noise such as 6.36 + 33.44 = 39.800000000000004.
  return { difference, within: Math.abs(difference) <= tolerance + 1e-9 };
}

function doubleDoublingCheck(dataset: Dataset, derived: readonly DerivedFigure[], kind: 'high-tech' | 'tech-based'): ConsistencyCheck {
  const targetId = `cq.enterprises.${kind}@2027-target`;
  const base = requireDerivedFigure(derived, `cq.enterprises.${kind}@2022-implied`);
  const target = requireObservationValue(dataset, targetId);
  const expected = 2 * base.value;
  const tolerance =
    halfPrintedStep(dataset, targetId) + 2 * priorYearBaseHalfWidth(dataset, `cq.enterprises.${kind}@2023-actual`, `cq.enterprises.${kind}-growth@2023-actual`);
  const { difference, within } = compare(expected, target, tolerance);
  const nameZh = kind === 'high-tech' ? '高新技术企业' : '科技型企业';
  const nameEn = kind === 'high-tech' ? 'high-tech enterprises' : 'tech-based enterprises';
  return {
    id: `cq.enterprises.${kind}.double-doubling`,
    title: { zh: `2027年${nameZh}目标是否为2022年基数的两倍`, en: `Is the 2027 target for ${nameEn} twice the 2022 base?` },
    figures: [observationFigure(dataset, targetId), derivedFigure(base)],
    expected,
    actual: target,
    difference,
    tolerance,
    unit: 'firms',
    verdict: within ? 'pass' : 'warn',
    explanation: within
      ? {
          zh: `2 × ${fmt(base.value)} = ${fmt(expected)},与目标${fmt(target, 0)}相差${fmt(difference)},在印刷取整误差(±${fmt(tolerance)})之内:"双倍增"即2022年基数翻番。`,
          en: `2 × ${fmt(base.value)} = ${fmt(expected)}, ${fmt(difference)} from the ${fmt(target, 0)} target — within the rounding of the printed figures (±${fmt(tolerance)}): "double doubling" means twice the 2022 base.`,
        }
      : {
          zh: `2 × ${fmt(base.value)} = ${fmt(expected)},与目标${fmt(target, 0)}相差${fmt(difference)},超出取整误差(±${fmt(tolerance)})。`,
          en: `2 × ${fmt(base.value)} = ${fmt(expected)} differs from the ${fmt(target, 0)} target by ${fmt(difference)}, beyond rounding (±${fmt(tolerance)}).`,
        },
  };
}

function investmentSumCheck(dataset: Dataset): ConsistencyCheck {
  const fiscalId = 'cq.projects-5-8.fiscal-investment@2023-actual';
  const socialId = 'cq.projects-5-8.social-investment@2023-actual';
  const totalId = 'cq.projects-5-8.total-investment@2023-actual';
  const expected = requireObservationValue(dataset, fiscalId) + requireObservationValue(dataset, socialId);
  const actual = requireObservationValue(dataset, totalId);
  const tolerance = halfPrintedStep(dataset, fiscalId) + halfPrintedStep(dataset, socialId) + halfPrintedStep(dataset, totalId);
  const { difference, within } = compare(expected, actual, tolerance);
  return {
    id: 'cq.projects-5-8.investment-sum',
    title: { zh: '"5+8"专项:财政投入 + 社会投入 = 总投资', en: '"5+8": fiscal + social investment = total' },
    figures: [observationFigure(dataset, fiscalId), observationFigure(dataset, socialId), observationFigure(dataset, totalId)],
    expected,
    actual,
    difference,
    tolerance,
    unit: 'cny-100m',
    verdict: within ? 'pass' : 'fail',
    explanation: {
      zh: `${fmt(requireObservationValue(dataset, fiscalId))} + ${fmt(requireObservationValue(dataset, socialId))} = ${fmt(expected)}亿元,原文总投资${fmt(actual)}亿元${within ? ',一致' : ',不一致'}。`,
      en: `${fmt(requireObservationValue(dataset, fiscalId))} + ${fmt(requireObservationValue(dataset, socialId))} = ${fmt(expected)} (CNY 100 million) vs the printed total of ${fmt(actual)}${within ? ': consistent' : ': inconsistent'}.`,
    },
  };
}

function highTechTurnoverCheck(dataset: Dataset, derived: readonly DerivedFigure[]): ConsistencyCheck {
  const newId = 'cq.enterprises.high-tech-new-recognitions@2023-actual';
  const net = requireDerivedFigure(derived, 'cq.enterprises.high-tech.net-increase@2023-implied');
  const recognitions = requireObservationValue(dataset, newId);
  const tolerance = priorYearBaseHalfWidth(dataset, 'cq.enterprises.high-tech@2023-actual', 'cq.enterprises.high-tech-growth@2023-actual');
  const { difference, within } = compare(net.value, recognitions, tolerance);
  const dropouts = difference;
  let verdict: CheckVerdict;
  let explanation: BilingualText;
  if (within) {
    verdict = 'pass';
    explanation = { zh: '新认定数与净增数一致,几乎没有企业退出。', en: 'New recognitions match the net increase: almost no firm dropped out.' };
  } else if (dropouts > 0) {
    verdict = 'info';
    explanation = {
      zh: `新认定${fmt(recognitions, 0)}家是毛增量,而按19.2%增速推算的净增只有约${fmt(net.value, 0)}家,意味着约${fmt(dropouts, 0)}家企业在2023年退出(高新技术企业资格有效期3年,到期未重新认定或被取消资格即不再计入)。两个数字并不矛盾,但做情景推演时不能把新认定数当作净增量。`,
      en: `The ${fmt(recognitions, 0)} new recognitions are gross additions; the 19.2% growth implies a net increase of only about ${fmt(net.value, 0)}, so roughly ${fmt(dropouts, 0)} firms left the register in 2023 (high-tech status lasts three years and lapses unless renewed or if revoked). Not a contradiction, but new recognitions must not be used as net growth in scenarios.`,
    };
  } else {
    verdict = 'warn';
    explanation = {
      zh: `净增数(约${fmt(net.value, 0)}家)大于新认定数(${fmt(recognitions, 0)}家),需外地迁入等解释,请核对原文。`,
      en: `The net increase (about ${fmt(net.value, 0)}) exceeds new recognitions (${fmt(recognitions, 0)}); this needs firms moving in from elsewhere — check the source.`,
    };
  }
  return {
    id: 'cq.enterprises.high-tech.turnover',
    title: { zh: '新认定高新技术企业数与净增数', en: 'New high-tech recognitions vs net increase' },
    figures: [observationFigure(dataset, newId), derivedFigure(net), derivedFigure(requireDerivedFigure(derived, 'cq.enterprises.high-tech@2022-implied'))],
    expected: net.value,
    actual: recognitions,
    difference,
    tolerance,
    unit: 'firms',
    verdict,
    explanation,
  };
}

function techBasedNewFirmsCheck(dataset: Dataset, derived: readonly DerivedFigure[]): ConsistencyCheck {
  const newId = 'cq.enterprises.tech-based-new@2023-actual';
  const net = requireDerivedFigure(derived, 'cq.enterprises.tech-based.net-increase@2023-implied');
  const added = requireObservationValue(dataset, newId);
  const tolerance = priorYearBaseHalfWidth(dataset, 'cq.enterprises.tech-based@2023-actual', 'cq.enterprises.tech-based-growth@2023-actual');
  const { difference, within } = compare(net.value, added, tolerance);
  return {
    id: 'cq.enterprises.tech-based.new-vs-net',
    title: { zh: '新增科技型企业数与净增数', en: 'New tech-based enterprises vs net increase' },
    figures: [observationFigure(dataset, newId), derivedFigure(net)],
    expected: net.value,
    actual: added,
    difference,
    tolerance,
    unit: 'firms',
    verdict: within ? 'pass' : 'warn',
    explanation: within
      ? {
          zh: `按36.1%增速推算净增约${fmt(net.value, 0)}家,与新增${fmt(added, 0)}家相差${fmt(difference, 0)}家,在增速取整误差(±${fmt(tolerance, 0)}家)之内:新增数基本就是净增数。`,
          en: `The 36.1% growth implies a net increase of about ${fmt(net.value, 0)}; the ${fmt(added, 0)} new firms differ by ${fmt(difference, 0)}, within the rounding of the growth rate (±${fmt(tolerance, 0)}): additions are essentially net.`,
        }
      : {
          zh: `推算净增约${fmt(net.value, 0)}家,与新增${fmt(added, 0)}家相差${fmt(difference, 0)}家,超出取整误差(±${fmt(tolerance, 0)}家)。`,
          en: `Implied net increase of about ${fmt(net.value, 0)} vs ${fmt(added, 0)} new firms: a gap of ${fmt(difference, 0)}, beyond rounding (±${fmt(tolerance, 0)}).`,
        },
  };
}

function highTechZoneCountCheck(dataset: Dataset): ConsistencyCheck {
  const nationalId = 'cq.zones.national-high-tech@2024-actual';
  const municipalId = 'cq.zones.municipal-high-tech@2024-actual';
  const totalId = 'cq.zones.high-tech-total@2023-actual';
  const expected = requireObservationValue(dataset, nationalId) + requireObservationValue(dataset, municipalId);
  const actual = requireObservationValue(dataset, totalId);
  const { difference, within } = compare(expected, actual, 0);
  return {
    id: 'cq.zones.high-tech-count',
    title: { zh: '国家高新区 + 市级高新区 = 高新区总数', en: 'National + municipal high-tech zones = all high-tech zones' },
    figures: [
      observationFigure(dataset, nationalId),
      observationFigure(dataset, municipalId),
      observationFigure(dataset, totalId),
      observationFigure(dataset, 'cq.zones.national-demonstration@2024-actual'),
    ],
    expected,
    actual,
    difference,
    tolerance: 0,
    unit: 'zones',
    verdict: within ? 'pass' : 'warn',
    explanation: within
      ? {
          zh: `${fmt(expected, 0)}个与"16个高新区"一致;1个国家自主创新示范区依托高新区建设,不另计入。`,
          en: `${fmt(expected, 0)} matches "16 high-tech zones"; the national demonstration zone is built on existing zones and is not counted separately.`,
        }
      : {
          zh: `合计${fmt(expected, 0)}个,与高新区总数${fmt(actual, 0)}个不符。`,
          en: `The sum is ${fmt(expected, 0)}, not the ${fmt(actual, 0)} zones stated.`,
        },
  };
}

function subsetCheck(dataset: Dataset, id: string, title: BilingualText, partId: string, wholeId: string): ConsistencyCheck {
  const part = requireObservationValue(dataset, partId);
  const whole = requireObservationValue(dataset, wholeId);
  const within = part <= whole;
  return {
    id,
    title,
    figures: [observationFigure(dataset, partId), observationFigure(dataset, wholeId)],
    expected: whole,
    actual: part,
    difference: part - whole,
    tolerance: 0,
    unit: requireIndicator(dataset, requireObservation(dataset, partId).indicatorId).unit,
    verdict: within ? 'pass' : 'fail',
    explanation: within
      ? { zh: `其中数${fmt(part)}不超过总数${fmt(whole)}。`, en: `The part (${fmt(part)}) does not exceed the whole (${fmt(whole)}).` }
      : { zh: `其中数${fmt(part)}超过总数${fmt(whole)}。`, en: `The part (${fmt(part)}) exceeds the whole (${fmt(whole)}).` },
  };
}

function targetPaceCheck(dataset: Dataset, derived: readonly DerivedFigure[], kind: 'high-tech' | 'tech-based', targetYear: 2025 | 2027): ConsistencyCheck {
  const required = requireDerivedFigure(derived, `cq.enterprises.${kind}@required-cagr-2023-${targetYear}`);
  const growthId = `cq.enterprises.${kind}-growth@2023-actual`;
  const lastGrowth = requireObservationValue(dataset, growthId);
  const onPace = lastGrowth >= required.value;
  const nameZh = kind === 'high-tech' ? '高新技术企业' : '科技型企业';
  const nameEn = kind === 'high-tech' ? 'high-tech enterprises' : 'tech-based enterprises';
  return {
    id: `cq.enterprises.${kind}.pace-to-${targetYear}`,
    title: { zh: `${nameZh}:2023年增速能否支撑${targetYear}年目标`, en: `${nameEn}: does 2023 growth carry the ${targetYear} target?` },
    figures: [derivedFigure(required), observationFigure(dataset, growthId)],
    expected: required.value,
    actual: lastGrowth,
    difference: lastGrowth - required.value,
    tolerance: 0,
    unit: 'percent',
    verdict: onPace ? 'pass' : 'warn',
    explanation: onPace
      ? {
          zh: `所需年均增速${fmt(required.value)}%,低于2023年实际增速${fmt(lastGrowth)}%:保持当前势头即可达标。`,
          en: `Needs ${fmt(required.value)}% a year, below the ${fmt(lastGrowth)}% achieved in 2023: the current pace would meet the target.`,
        }
      : {
          zh: `所需年均增速${fmt(required.value)}%,高于2023年实际增速${fmt(lastGrowth)}%:需要加速。`,
          en: `Needs ${fmt(required.value)}% a year, above the ${fmt(lastGrowth)}% achieved in 2023: growth must speed up.`,
        },
  };
}

function factSetCountChecks(dataset: Dataset): ConsistencyCheck[] {
  const checks: ConsistencyCheck[] = [];
  for (const factSet of dataset.factSets) {
    if (factSet.countObservationId === undefined) continue;
    const declared = requireObservationValue(dataset, factSet.countObservationId);
    const named = factSet.items.length;
    let verdict: CheckVerdict;
    let explanation: BilingualText;
    if (named === declared) {
      verdict = 'pass';
      explanation = { zh: `列出${named}项,与所述数量一致。`, en: `${named} named, as many as stated.` };
    } else if (!factSet.complete && named < declared) {
      verdict = 'info';
      explanation = {
        zh: `原文称有${fmt(declared, 0)}项,但只列出${named}项;其余${fmt(declared - named, 0)}项未知,不要臆补。`,
        en: `The article states ${fmt(declared, 0)} but names only ${named}; the other ${fmt(declared - named, 0)} are unknown and must not be filled in.`,
      };
    } else {
      verdict = 'fail';
      explanation = { zh: `列出${named}项,与所述${fmt(declared, 0)}项不符。`, en: `${named} listed but ${fmt(declared, 0)} stated.` };
    }
    checks.push({
      id: `${factSet.id}.count`,
      title: { zh: `${factSet.name.zh}:列举数与所述数量`, en: `${factSet.name.en}: named vs stated count` },
      figures: [observationFigure(dataset, factSet.countObservationId)],
      expected: declared,
      actual: named,
      difference: named - declared,
      tolerance: 0,
      unit: requireIndicator(dataset, requireObservation(dataset, factSet.countObservationId).indicatorId).unit,
      verdict,
      explanation,
    });
  }
  return checks;
}

function missingValueChecks(dataset: Dataset): ConsistencyCheck[] {
  const { indicatorsById } = indexDataset(dataset);
  return dataset.observations
    .filter((observation) => observation.value === null)
    .map((observation) => {
      const indicator = indicatorsById.get(observation.indicatorId);
      const unit: UnitCode = indicator?.unit ?? 'items';
      return {
        id: `${observation.id}.missing`,
        title: {
          zh: `缺失数字:${indicator?.name.zh ?? observation.indicatorId}(${observation.year})`,
          en: `Missing figure: ${indicator?.name.en ?? observation.indicatorId} (${observation.year})`,
        },
        figures: [observationFigure(dataset, observation.id)],
        expected: null,
        actual: null,
        difference: null,
        tolerance: 0,
        unit,
        verdict: 'warn' as const,
        explanation: {
          zh: `原文"${observation.source.quote}"后数字缺失(截断),数据集中记为空值;情景中如需使用,须由分析师自行给出假设并注明。`,
          en: `The article breaks off after "${observation.source.quote}", so the value is recorded as null; a scenario using it needs an explicit analyst assumption.`,
        },
      };
    });
}

/** Every consistency check, computed from the dataset (and its derived figures). */
export function runConsistencyChecks(dataset: Dataset, derived: readonly DerivedFigure[] = computeDerivedFigures(dataset)): ConsistencyCheck[] {
  return [
    doubleDoublingCheck(dataset, derived, 'high-tech'),
    doubleDoublingCheck(dataset, derived, 'tech-based'),
    investmentSumCheck(dataset),
    highTechTurnoverCheck(dataset, derived),
    techBasedNewFirmsCheck(dataset, derived),
    highTechZoneCountCheck(dataset),
    subsetCheck(
      dataset,
      'jinfeng.academician-teams-within-teams',
      { zh: '金凤实验室:院士团队不超过科研团队总数', en: 'Jinfeng Lab: academician teams within all teams' },
      'jinfeng.academician-teams@2024-actual',
      'jinfeng.research-teams@2024-actual',
    ),
    subsetCheck(
      dataset,
      'jinfeng.national-talents-within-researchers',
      { zh: '金凤实验室:国家级人才不超过科研人员总数', en: 'Jinfeng Lab: national-level talents within all researchers' },
      'jinfeng.national-talents@2024-actual',
      'jinfeng.researchers@2024-actual',
    ),
    targetPaceCheck(dataset, derived, 'high-tech', 2025),
    targetPaceCheck(dataset, derived, 'high-tech', 2027),
    targetPaceCheck(dataset, derived, 'tech-based', 2025),
    targetPaceCheck(dataset, derived, 'tech-based', 2027),
    ...factSetCountChecks(dataset),
    ...missingValueChecks(dataset),
  ];
}
