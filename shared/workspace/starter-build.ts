/**
 * The starter workspace, built from the dataset: every base, rate, target and forecast is read from
 * the article's figures (shared/dataset) or computed from them (shared/dataset/derived.ts), and the
 * notes print those same numbers. assets/workspace/starter.sdesk is this function's output, written
 * by `npx tsx scripts/gen-starter-workspace.ts`; a unit test fails when the file and the dataset
 * disagree, so no figure in it is typed in by hand.
 *
 * The assumptions that are not the article's (a cautious 10 %, the 120,000 ceiling, the spreads of
 * the simulations) are named constants here, and each note says it is an assumption.
 */
import {
  computeDerivedFigures,
  projectionRefusal,
  requireDerivedFigure,
  requireIndicator,
  requireObservation,
  requireObservationValue,
  type Dataset,
  type DerivedFigure,
  type Observation,
} from '../dataset';
import { formatPlainNumber, formatValue, growthFactor, QUALIFIER_LABELS, type UnitCode } from '../units';
import { CURRENT_FORMAT_VERSION, type Workspace, type WorkspaceReference, type WorkspaceScenario, type WorkspaceTarget } from './schema';

/** The day before the article's publication (2024-02-27): the starter's fixed creation time. */
const STAMP = '2024-02-26T00:00:00.000Z';
const HORIZON_YEAR = 2030;
const TRIALS = 20_000;

/** Assumptions of the starter scenarios, not figures of the article. */
const ASSUMED = {
  softwareGrowthSd: 3,
  highTechGrowthSd: 4,
  highTechIncrement: { min: 900, max: 1600 },
  cautiousGrowth: 10,
  cautiousGrowthRange: { min: 4, max: 20 },
  techBasedCeiling: 120_000,
  /** The 2028 forecast is "about" 5500: ±500 either side for the path's end. */
  diagnosticsForecastSpread: 500,
} as const;

const plain = (value: number, decimals = 2): string => formatPlainNumber(value, decimals);

function value(dataset: Dataset, id: string): number {
  return requireObservationValue(dataset, id);
}

/** "2025年超过1万家", from the observation's qualifier and its figure as printed. */
function printed(observation: Observation): string {
  return `${observation.year}年${QUALIFIER_LABELS[observation.qualifier].zh}${observation.rawValue ?? plain(observation.value ?? Number.NaN)}`;
}

/** "2025年目标:超过1万家". */
function targetLabel(observation: Observation, suffix = ''): string {
  return `${observation.year}年目标:${QUALIFIER_LABELS[observation.qualifier].zh}${observation.rawValue ?? plain(observation.value ?? Number.NaN)}${suffix}`;
}

/** "2025 target: over 10,000 firms": the same figure in English, by the display rule. */
function englishLabel(observation: Observation, kind: 'target' | 'forecast', unit: UnitCode, suffix = ''): string {
  const qualifier = QUALIFIER_LABELS[observation.qualifier].en;
  const figure = formatValue(observation.value ?? Number.NaN, unit, 'en');
  return `${observation.year} ${kind}: ${qualifier === '' ? '' : `${qualifier} `}${figure}${suffix}`;
}

function target(dataset: Dataset, id: string, suffix: { readonly zh: string; readonly en: string } = { zh: '', en: '' }): WorkspaceTarget {
  const observation = requireObservation(dataset, id);
  const unit = requireIndicator(dataset, observation.indicatorId).unit;
  return {
    label: targetLabel(observation, suffix.zh),
    labelEn: englishLabel(observation, 'target', unit, suffix.en),
    year: observation.year,
    value: value(dataset, id),
    observationId: id,
  };
}

/** A forecast of the article, read against the path but never met or missed. */
function reference(dataset: Dataset, id: string): WorkspaceReference {
  const observation = requireObservation(dataset, id);
  if (observation.kind !== 'projection') throw new RangeError(`${id} is a ${observation.kind}, not a forecast`);
  const unit = requireIndicator(dataset, observation.indicatorId).unit;
  return {
    label: `${observation.year}年预测:${QUALIFIER_LABELS[observation.qualifier].zh}${observation.rawValue ?? ''}`,
    labelEn: englishLabel(observation, 'forecast', unit),
    year: observation.year,
    value: value(dataset, id),
    observationId: id,
  };
}

/** The 2027 targets are the "双倍增" (double doubling) of 2022. */
const DOUBLE_DOUBLING = { zh: '(“双倍增”)', en: ' ("double doubling")' } as const;

interface Common {
  readonly dataset: Dataset;
  readonly indicatorId: string;
}

/** What each starter states itself; the indicator's names and unit, the horizon and the times are common. */
type Fields = WorkspaceScenario extends infer S
  ? S extends unknown
    ? Omit<S, 'indicatorId' | 'indicatorName' | 'unit' | 'horizonYear' | 'createdAt' | 'modifiedAt'>
    : never
  : never;

function scenario({ dataset, indicatorId }: Common, fields: Fields): WorkspaceScenario {
  const indicator = requireIndicator(dataset, indicatorId);
  // The starter must never offer what the new-scenario path refuses.
  const refusal = projectionRefusal(indicator);
  if (refusal) throw new RangeError(refusal.en);
  // Saved in the schema's key order whatever the order here (serializeWorkspace writes the parsed document).
  return {
    ...fields,
    indicatorId,
    indicatorName: { zh: indicator.name.zh, en: indicator.name.en },
    unit: indicator.unit,
    horizonYear: HORIZON_YEAR,
    createdAt: STAMP,
    modifiedAt: STAMP,
  };
}

function observedBase(dataset: Dataset, id: string): WorkspaceScenario['base'] {
  const observation = requireObservation(dataset, id);
  return { year: observation.year, value: value(dataset, id), observationId: id };
}

/** A base the article implies but does not print: the derived figure's full value, so the path meets the figures it came from. */
function derivedBase(figure: DerivedFigure): WorkspaceScenario['base'] {
  return { year: figure.year, value: figure.value, observationId: figure.id };
}

/** The starter workspace for this dataset (see the file comment). */
export function buildStarterWorkspace(dataset: Dataset): Workspace {
  const derived = computeDerivedFigures(dataset);
  const figure = (id: string) => requireDerivedFigure(derived, id);

  const software = { dataset, indicatorId: 'cq.software.revenue' };
  const softwareTarget = requireObservation(dataset, 'cq.software.revenue@2024-target');
  const softwareGrowth = value(dataset, 'cq.software.revenue-growth@2024-target');
  const software2023 = figure('cq.software.revenue@2023-implied');

  const diagnostics = { dataset, indicatorId: 'cn.diagnostics.market' };
  const diagnosticsBase = requireObservation(dataset, 'cn.diagnostics.market@2023-actual');
  const diagnosticsForecast = reference(dataset, 'cn.diagnostics.market@2028-projection');
  const diagnosticsCagr = figure('cn.diagnostics.market@cagr-2023-2028');

  const highTech = { dataset, indicatorId: 'cq.enterprises.high-tech' };
  const highTechBase = observedBase(dataset, 'cq.enterprises.high-tech@2023-actual');
  const highTechGrowth = value(dataset, 'cq.enterprises.high-tech-growth@2023-actual');
  const highTechTargets = [target(dataset, 'cq.enterprises.high-tech@2025-target'), target(dataset, 'cq.enterprises.high-tech@2027-target', DOUBLE_DOUBLING)];
  const highTechNet = figure('cq.enterprises.high-tech.net-increase@2023-implied');
  const highTech2022 = figure('cq.enterprises.high-tech@2022-implied');
  const highTechNew = value(dataset, 'cq.enterprises.high-tech-new-recognitions@2023-actual');

  const techBased = { dataset, indicatorId: 'cq.enterprises.tech-based' };
  const techBasedBase = observedBase(dataset, 'cq.enterprises.tech-based@2023-actual');
  const techBasedGrowth = value(dataset, 'cq.enterprises.tech-based-growth@2023-actual');
  const techBasedTargets = [
    target(dataset, 'cq.enterprises.tech-based@2025-target'),
    target(dataset, 'cq.enterprises.tech-based@2027-target', DOUBLE_DOUBLING),
  ];

  const forecastText = `${plain(diagnosticsForecast.value)}`;
  const baseText = `${plain(diagnosticsBase.value ?? Number.NaN)}`;
  const cagrText = `${plain(diagnosticsCagr.roundedValue, diagnosticsCagr.decimals)}%`;
  const years = diagnosticsForecast.year - diagnosticsBase.year;

  const scenarios: WorkspaceScenario[] = [
    scenario(software, {
      id: 'software-revenue-15pct',
      name: `软件和信息服务业营收:每年增长${plain(softwareGrowth)}%`,
      nameEn: `Software & information services revenue: +${plain(softwareGrowth)}% a year`,
      base: derivedBase(software2023),
      model: 'cagr',
      params: { growthRatePercent: softwareGrowth },
      targets: [target(dataset, softwareTarget.id, { zh: '(“满天星”行动)', en: ' ("Sky full of stars" action)' })],
      uncertainty: {
        distributions: { growthRatePercent: { kind: 'normal', mean: softwareGrowth, sd: ASSUMED.softwareGrowthSd } },
        shockMode: 'perYear',
        trials: TRIALS,
        seed: 20240226,
      },
      notes:
        `文章:${softwareTarget.year}年全市软件和信息服务业力争实现主营业务收入${softwareTarget.rawValue ?? ''}、同比增长${plain(softwareGrowth)}%。` +
        `${softwareTarget.rawValue ?? ''}是${softwareTarget.year}年的目标,不是实际值;基期是由这两个数字反推的${software2023.year}年收入 ` +
        `${plain(value(dataset, softwareTarget.id))} ÷ (1 + ${plain(softwareGrowth)}%) ≈ ${plain(software2023.roundedValue, software2023.decimals)}亿元(推算,文章未印出)。` +
        `本情景假设此后每年保持${plain(softwareGrowth)}%的增速(假设,非文章目标)。\n` +
        `Article: the ${softwareTarget.year} goal is ${plain(value(dataset, softwareTarget.id))} 亿元 revenue (+${plain(softwareGrowth)}% y/y). ` +
        `That is a target, not an actual: the base is the ${software2023.year} revenue it implies, ` +
        `${plain(value(dataset, softwareTarget.id))} ÷ (1 + ${plain(softwareGrowth)}%) ≈ ${plain(software2023.roundedValue, software2023.decimals)} 亿元 (derived, not printed). ` +
        `The scenario assumes +${plain(softwareGrowth)}% every year (an assumption, not an official target).`,
    }),
    scenario(diagnostics, {
      id: 'diagnostics-market-target-path',
      name: `全国诊断产业规模:${diagnosticsBase.year}年约${baseText}亿元→${diagnosticsForecast.year}年约${forecastText}亿元`,
      nameEn: `National diagnostics industry: ~${formatValue(value(dataset, diagnosticsBase.id), 'cny-100m', 'en')} (${diagnosticsBase.year}) → ~${formatValue(diagnosticsForecast.value, 'cny-100m', 'en')} (${diagnosticsForecast.year})`,
      base: observedBase(dataset, diagnosticsBase.id),
      model: 'targetPath',
      params: { targetYear: diagnosticsForecast.year, targetValue: diagnosticsForecast.value },
      targets: [],
      references: [diagnosticsForecast],
      uncertainty: {
        // Only the forecast is uncertain: the 2023 figure is what the industry did.
        distributions: {
          targetValue: {
            kind: 'pert',
            min: diagnosticsForecast.value - ASSUMED.diagnosticsForecastSpread,
            mode: diagnosticsForecast.value,
            max: diagnosticsForecast.value + ASSUMED.diagnosticsForecastSpread,
          },
        },
        shockMode: 'perTrial',
        trials: TRIALS,
        seed: 2028,
      },
      notes:
        `文章:${diagnosticsBase.year}年全国诊断产业产值在${baseText}亿元左右,预计到${diagnosticsForecast.year}年达到${forecastText}亿元左右。` +
        `按几何插值,隐含年均增速 (${forecastText}/${baseText})^(1/${years}) − 1 ≈ ${cagrText},${diagnosticsForecast.year}年后延续该增速。` +
        `${diagnosticsForecast.year}年的${forecastText}亿元是预测,不是目标:图中画为参考线,不计算达成概率。` +
        `${diagnosticsBase.year}年的${baseText}亿元是实际值,不设分布;预测值的不确定性(±${plain(ASSUMED.diagnosticsForecastSpread)}亿元)为假设。\n` +
        `Implied CAGR ≈ ${cagrText} a year. The ${diagnosticsForecast.year} figure is a forecast, not a target: drawn as a reference line, with no probability of reaching it. ` +
        `The ${diagnosticsBase.year} figure is an actual and has no spread; the ±${plain(ASSUMED.diagnosticsForecastSpread)} on the forecast is an assumption.`,
    }),
    scenario(diagnostics, {
      id: 'diagnostics-market-cagr',
      name: `全国诊断产业规模:年均增长${cagrText}`,
      nameEn: `National diagnostics industry: +${cagrText} a year`,
      base: observedBase(dataset, diagnosticsBase.id),
      model: 'cagr',
      params: { growthRatePercent: diagnosticsCagr.roundedValue },
      targets: [],
      references: [diagnosticsForecast],
      notes:
        `与目标路径情景相同的隐含增速,取${diagnosticsCagr.decimals}位小数(${cagrText})的恒定增长;${diagnosticsForecast.year}年预测值为参考线。\n` +
        `Same implied growth as the path scenario, rounded to ${cagrText}; the ${diagnosticsForecast.year} forecast is a reference line.`,
    }),
    scenario(highTech, {
      id: 'high-tech-firms-19-2pct',
      name: `高新技术企业:保持${highTechBase.year}年增速${plain(highTechGrowth)}%(基准)`,
      nameEn: `High-tech enterprises: keep ${highTechBase.year} growth of ${plain(highTechGrowth)}% (baseline)`,
      base: highTechBase,
      model: 'cagr',
      params: { growthRatePercent: highTechGrowth },
      targets: highTechTargets,
      uncertainty: {
        distributions: { growthRatePercent: { kind: 'normal', mean: highTechGrowth, sd: ASSUMED.highTechGrowthSd } },
        shockMode: 'perYear',
        trials: TRIALS,
        seed: 7565,
      },
      notes:
        `文章:${highTechBase.year}年高新技术企业达${plain(highTechBase.value)}家,同比增加${plain(highTechGrowth)}%;“双倍增”行动计划目标:` +
        `${highTechTargets.map((t) => printed(requireObservation(dataset, t.observationId ?? ''))).join(',')}。\n` +
        `Article: ${plain(highTechBase.value)} firms in ${highTechBase.year} (+${plain(highTechGrowth)}%); targets ${highTechTargets.map((t) => `${plain(t.value)} by ${t.year}`).join(' and ')}.`,
    }),
    scenario(highTech, {
      id: 'high-tech-firms-linear-net-gain',
      name: `高新技术企业:每年净增约${plain(highTechNet.roundedValue, highTechNet.decimals)}家(${highTechNet.year}年净增量)`,
      nameEn: `High-tech enterprises: +${formatValue(highTechNet.roundedValue, 'firms', 'en')} a year (${highTechNet.year} net gain)`,
      base: highTechBase,
      model: 'linear',
      params: { incrementPerYear: highTechNet.roundedValue },
      targets: highTechTargets,
      uncertainty: {
        distributions: { incrementPerYear: { kind: 'uniform', ...ASSUMED.highTechIncrement } },
        shockMode: 'perYear',
        trials: TRIALS,
        seed: 3071,
      },
      notes:
        `${plain(highTechBase.value)}家比上年增${plain(highTechGrowth)}%,即${highTech2022.year}年约 ${plain(highTechBase.value)}/${plain(growthFactor(highTechGrowth), 4)} ≈ ` +
        `${plain(highTech2022.roundedValue, highTech2022.decimals)} 家,${highTechNet.year}年净增约${plain(highTechNet.roundedValue, highTechNet.decimals)}家` +
        `(新认定${plain(highTechNew)}家,其余为到期未复审等退出)。本情景假设每年净增量不变。\n` +
        `${highTechNet.year} net gain ≈ ${plain(highTechBase.value)} − ${plain(highTechBase.value)}/${plain(growthFactor(highTechGrowth), 4)} ≈ ` +
        `${plain(highTechNet.roundedValue, highTechNet.decimals)} firms (${plain(highTechNew)} newly certified minus exits); assumed constant.`,
    }),
    scenario(techBased, {
      id: 'tech-based-firms-36-1pct',
      name: `科技型企业:保持${techBasedBase.year}年增速${plain(techBasedGrowth)}%(乐观)`,
      nameEn: `Tech-based enterprises: keep ${techBasedBase.year} growth of ${plain(techBasedGrowth)}% (optimistic)`,
      base: techBasedBase,
      model: 'cagr',
      params: { growthRatePercent: techBasedGrowth },
      targets: techBasedTargets,
      notes:
        `文章:${techBasedBase.year}年科技型企业达${plain(techBasedBase.value)}家,同比增加${plain(techBasedGrowth)}%。持续这一增速属乐观假设。\n` +
        `Article: ${plain(techBasedBase.value)} firms in ${techBasedBase.year} (+${plain(techBasedGrowth)}%). Sustaining it every year is an optimistic assumption.`,
    }),
    scenario(techBased, {
      id: 'tech-based-firms-cautious-10pct',
      name: `科技型企业:审慎情景,每年增长${plain(ASSUMED.cautiousGrowth)}%`,
      nameEn: `Tech-based enterprises: cautious, +${plain(ASSUMED.cautiousGrowth)}% a year`,
      base: techBasedBase,
      model: 'cagr',
      params: { growthRatePercent: ASSUMED.cautiousGrowth },
      targets: techBasedTargets,
      uncertainty: {
        distributions: {
          growthRatePercent: { kind: 'pert', min: ASSUMED.cautiousGrowthRange.min, mode: ASSUMED.cautiousGrowth, max: ASSUMED.cautiousGrowthRange.max },
        },
        shockMode: 'perYear',
        trials: TRIALS,
        seed: 58524,
      },
      notes:
        `审慎假设:增速回落到每年${plain(ASSUMED.cautiousGrowth)}%(假设,非文章数据),用于检验2027年目标的余量。\n` +
        `Cautious assumption (not from the article): growth slows to ${plain(ASSUMED.cautiousGrowth)}% a year.`,
    }),
    scenario(techBased, {
      id: 'tech-based-firms-logistic',
      name: `科技型企业:S型曲线(初始增速${plain(techBasedGrowth)}%,上限${formatValue(ASSUMED.techBasedCeiling, 'firms', 'zh')})`,
      nameEn: `Tech-based enterprises: S-curve (${plain(techBasedGrowth)}% early growth, ceiling ${formatValue(ASSUMED.techBasedCeiling, 'firms', 'en')})`,
      base: techBasedBase,
      model: 'logistic',
      params: { growthRatePercent: techBasedGrowth, ceiling: ASSUMED.techBasedCeiling },
      targets: techBasedTargets,
      notes:
        `增长随接近上限而放缓;上限${formatValue(ASSUMED.techBasedCeiling, 'firms', 'zh')}为示意性假设。\n` +
        `Growth slows near the ceiling; the ${plain(ASSUMED.techBasedCeiling)} ceiling is an illustrative assumption.`,
    }),
  ];

  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: '重庆日报 2024-02 科技创新数据 · 示例情景',
    nameEn: 'Chongqing Daily, Feb 2024: starter scenarios',
    createdAt: STAMP,
    modifiedAt: STAMP,
    baselineScenarioId: 'high-tech-firms-19-2pct',
    scenarios,
    indicators: [],
  };
}
