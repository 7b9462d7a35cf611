/** Texts written into the workbook, in the UI language of the export. Both languages have the same keys. */

import { localLabel, type Lang } from '../units/names';
import type { ScenarioInput } from '../workspace/inputs';
import type { WorkspaceScenario } from '../workspace/schema';

export interface WorkbookText {
  readonly sheets: {
    readonly cover: string;
    readonly assumptions: string;
    readonly projections: string;
    readonly targets: string;
    readonly uncertainty: string;
    readonly sources: string;
    readonly chart: string;
  };
  readonly title: string;
  readonly exportedAt: string;
  readonly appVersion: string;
  readonly workspace: string;
  readonly dataset: string;
  readonly scenarioList: string;
  readonly howToTitle: string;
  readonly howTo: readonly string[];
  readonly namingTitle: string;
  readonly naming: readonly string[];
  readonly rateConvention: string;
  readonly columns: {
    readonly key: string;
    readonly scenario: string;
    readonly indicator: string;
    readonly model: string;
    readonly parameter: string;
    readonly value: string;
    readonly unit: string;
    readonly definedName: string;
    readonly note: string;
    readonly year: string;
    readonly target: string;
    readonly targetLabel: string;
    /** A forecast the scenario is read against (not a target). */
    readonly referenceLabel: string;
    readonly targetYear: string;
    readonly projected: string;
    readonly gap: string;
    readonly gapPercent: string;
    readonly requiredCagr: string;
    readonly probability: string;
    readonly verdict: string;
    readonly mean: string;
    readonly observationId: string;
    readonly kind: string;
    readonly qualifier: string;
    readonly asPrinted: string;
    readonly quote: string;
    readonly usedBy: string;
    /** The piece of the page a figure comes from. */
    readonly piece: string;
    readonly baseline: string;
  };
  readonly models: Readonly<Record<'cagr' | 'ratePath' | 'linear' | 'logistic' | 'targetPath', string>>;
  readonly params: {
    readonly baseYear: string;
    readonly baseValue: string;
    readonly horizonYear: string;
    readonly growthRate: string;
    readonly rateForYear: (from: number, to: number) => string;
    readonly rateContinues: string;
    readonly increment: string;
    readonly ceiling: string;
    readonly targetYear: string;
    readonly targetValue: string;
    readonly targetN: (n: number, label: string) => string;
    readonly targetNYear: (n: number, label: string) => string;
  };
  readonly inputLegend: string;
  readonly fixedLegend: string;
  readonly fixedNote: string;
  readonly projectionsIntro: string;
  readonly targetsIntro: string;
  readonly equivalentRateNote: string;
  readonly noTargets: string;
  readonly uncertaintyIntro: string;
  readonly noMonteCarlo: string;
  readonly monteCarloHeader: (trials: string, seed: number, shockMode: string) => string;
  readonly shockModes: Readonly<Record<'perYear' | 'perTrial', string>>;
  readonly notIncluded: string;
  readonly sourcesIntro: string;
  readonly noSources: string;
  readonly notInDataset: string;
  readonly importedIndicator: string;
  readonly base: string;
  readonly chartIntro: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly yes: string;
}

const zh: WorkbookText = {
  sheets: { cover: '封面', assumptions: '假设', projections: '预测', targets: '目标', uncertainty: '不确定性', sources: '来源', chart: '图表' },
  title: '情景推演台 · 情景模型',
  exportedAt: '导出时间',
  appVersion: '应用版本',
  workspace: '工作区',
  dataset: '数据来源',
  scenarioList: '情景列表',
  howToTitle: '使用方法',
  howTo: [
    '本工作簿是可计算的模型:只需修改“假设”表中黄色的输入单元格,“预测”和“目标”表会随之自动重算。',
    '增长率以百分比格式输入(例如输入 12% 或 0.12 均表示每年增长 12%)。',
    '灰色单元格(基期年份、预测终止年份)决定表格结构,请在情景推演台中修改。',
    '“不确定性”表中的蒙特卡洛分位数是导出时的计算结果(数值),修改假设后不会自动更新。',
    '在情景推演台中导入本文件,可把在 Excel 中修改过的输入值带回应用。',
  ],
  namingTitle: '名称(定义名称)规则',
  naming: [
    '每个情景按顺序编号为 s1、s2、s3……,其输入单元格都有定义名称,可在公式中直接引用:',
    'sN_baseYear 基期年份;sN_base 基期值;sN_horizon 预测终止年份;',
    'sN_rate 年增长率(复合增长、S型曲线);sN_rate1、sN_rate2…… 逐年增长率(逐年增速路径,最后一个增速延续);',
    'sN_inc 每年增量(线性);sN_ceiling 上限(S型曲线);sN_targetYear、sN_targetValue 目标路径的终点;',
    'sN_tK_year、sN_tK_value 第 K 个目标的年份和目标值。',
  ],
  rateConvention: '增长率以小数存放、按百分比显示(0.12 显示为 12.0%)。',
  columns: {
    key: '编号',
    scenario: '情景',
    indicator: '指标',
    model: '模型',
    parameter: '参数',
    value: '数值',
    unit: '单位',
    definedName: '定义名称',
    note: '说明',
    year: '年份',
    target: '目标值',
    targetLabel: '目标',
    referenceLabel: '参考预测',
    targetYear: '目标年份',
    projected: '预测值',
    gap: '差距(预测−目标)',
    gapPercent: '差距 %',
    requiredCagr: '所需年均增速',
    probability: '实现概率(模拟)',
    verdict: '判定',
    mean: '均值',
    observationId: '数据编号',
    kind: '类型',
    qualifier: '限定',
    asPrinted: '原文数字',
    quote: '原文引文',
    usedBy: '使用该数据的情景',
    piece: '出处',
    baseline: '基准情景',
  },
  models: { cagr: '复合增长', ratePath: '逐年增速路径', linear: '线性增长', logistic: 'S型曲线(logistic)', targetPath: '目标路径(几何插值)' },
  params: {
    baseYear: '基期年份',
    baseValue: '基期值',
    horizonYear: '预测终止年份',
    growthRate: '年增长率',
    rateForYear: (from, to) => `增长率 ${from}→${to}`,
    rateContinues: '之后各年沿用最后一个增长率',
    increment: '每年增量',
    ceiling: '上限',
    targetYear: '路径终点年份',
    targetValue: '路径终点值',
    targetN: (n, label) => `目标 ${n} 值${label === '' ? '' : `(${label})`}`,
    targetNYear: (n, label) => `目标 ${n} 年份${label === '' ? '' : `(${label})`}`,
  },
  inputLegend: '黄色 = 输入单元格(可修改)',
  fixedLegend: '灰色 = 结构参数(请在应用中修改)',
  fixedNote: '决定表格行数,请在应用中修改',
  projectionsIntro: '各年份预测值均为引用“假设”表定义名称的公式;修改黄色输入单元格即可重算。',
  targetsIntro:
    '目标年份的预测值、差距、差距百分比、所需年均增速及判定均为公式;判定与软件相同:达到目标为按期实现(模拟概率低于50%时为存在风险),差距不超过目标值的5%为存在风险,超过5%为难以实现。实现概率为导出时的模拟结果。',
  equivalentRateNote: '非复合增长模型:所需年均增速为从基期值到目标值的等效恒定年增速。',
  noTargets: '没有情景设定目标。',
  uncertaintyIntro: '蒙特卡洛模拟结果(导出时计算的数值,不随假设修改而更新)。',
  noMonteCarlo: '本次导出未包含蒙特卡洛结果。',
  monteCarloHeader: (trials, seed, shockMode) => `试验次数 ${trials},随机种子 ${seed},${shockMode}`,
  shockModes: { perYear: '增长参数每年重新抽样', perTrial: '增长参数每次试验抽样一次' },
  notIncluded: '该情景设有不确定性参数,但本次导出未包含其模拟结果(尚未计算完成)。',
  sourcesIntro: '情景所用的每个数据(基期值和目标值),附原文引文。',
  noSources: '没有情景引用原文数据。',
  notInDataset: '不在内置数据集中',
  importedIndicator: '导入的指标',
  base: '基期',
  chartIntro: '导出时的图表图片。',
  kinds: { actual: '实际值', target: '目标值', projection: '预测值', policy: '政策', estimate: '估计值' },
  yes: '是',
};

const en: WorkbookText = {
  sheets: {
    cover: 'Cover',
    assumptions: 'Assumptions',
    projections: 'Projections',
    targets: 'Targets',
    uncertainty: 'Uncertainty',
    sources: 'Sources',
    chart: 'Chart',
  },
  title: 'Scenario Desk · scenario model',
  exportedAt: 'Exported at',
  appVersion: 'App version',
  workspace: 'Workspace',
  dataset: 'Data source',
  scenarioList: 'Scenarios',
  howToTitle: 'How to use this workbook',
  howTo: [
    'This workbook is a live model: change the yellow input cells on the Assumptions sheet and the Projections and Targets sheets recalculate.',
    'Growth rates are percentages (typing 12% or 0.12 both mean 12 % a year).',
    'Grey cells (base year, horizon year) set the layout of the sheets; change them in Scenario Desk.',
    'The Monte Carlo percentiles on the Uncertainty sheet are values computed at export time; they do not follow edits.',
    'Import this file into Scenario Desk to bring input values you changed in Excel back into the app.',
  ],
  namingTitle: 'Defined names',
  naming: [
    'Scenarios are numbered s1, s2, s3, … in order; each input cell has a defined name you can use in formulas:',
    'sN_baseYear base year; sN_base base value; sN_horizon horizon year;',
    'sN_rate growth rate a year (CAGR, S-curve); sN_rate1, sN_rate2, … yearly rates (rate path; the last rate continues);',
    'sN_inc increment a year (linear); sN_ceiling ceiling (S-curve); sN_targetYear, sN_targetValue end point of a target path;',
    'sN_tK_year, sN_tK_value year and value of target K.',
  ],
  rateConvention: 'Rates are stored as fractions and shown as percentages (0.12 shows as 12.0%).',
  columns: {
    key: 'Key',
    scenario: 'Scenario',
    indicator: 'Indicator',
    model: 'Model',
    parameter: 'Parameter',
    value: 'Value',
    unit: 'Unit',
    definedName: 'Defined name',
    note: 'Note',
    year: 'Year',
    target: 'Target',
    targetLabel: 'Target',
    referenceLabel: 'Reference forecast',
    targetYear: 'Target year',
    projected: 'Projected',
    gap: 'Gap (projected − target)',
    gapPercent: 'Gap %',
    requiredCagr: 'Required growth a year',
    probability: 'Probability (simulated)',
    verdict: 'Verdict',
    mean: 'Mean',
    observationId: 'Figure id',
    kind: 'Kind',
    qualifier: 'Qualifier',
    asPrinted: 'As printed',
    quote: 'Original quote',
    usedBy: 'Used by',
    piece: 'Published in',
    baseline: 'Baseline',
  },
  models: {
    cagr: 'Constant growth (CAGR)',
    ratePath: 'Yearly rate path',
    linear: 'Linear',
    logistic: 'S-curve (logistic)',
    targetPath: 'Target path (geometric)',
  },
  params: {
    baseYear: 'Base year',
    baseValue: 'Base value',
    horizonYear: 'Horizon year',
    growthRate: 'Growth rate a year',
    rateForYear: (from, to) => `Growth ${from}→${to}`,
    rateContinues: 'later years keep the last rate',
    increment: 'Increment a year',
    ceiling: 'Ceiling',
    targetYear: 'Path end year',
    targetValue: 'Path end value',
    targetN: (n, label) => `Target ${n} value${label === '' ? '' : ` (${label})`}`,
    targetNYear: (n, label) => `Target ${n} year${label === '' ? '' : ` (${label})`}`,
  },
  inputLegend: 'Yellow = input cell (change me)',
  fixedLegend: 'Grey = structure (change in the app)',
  fixedNote: 'sets the rows of the sheets; change it in the app',
  projectionsIntro: 'Every projected value is a formula on the defined names of the Assumptions sheet; change a yellow input cell and it recalculates.',
  targetsIntro:
    'Projected value in the target year, gap, gap %, required growth and verdict are formulas; the verdict is the app’s: a met target is on track (at risk when its simulated probability is below 50%), one missed by at most 5% of its value is at risk, by more off track. The probability is the simulation at export.',
  equivalentRateNote: 'Not a CAGR model: the required growth is the equivalent constant annual rate from the base value to the target.',
  noTargets: 'No scenario has targets.',
  uncertaintyIntro: 'Monte Carlo results (values computed at export time; they do not follow edits to the assumptions).',
  noMonteCarlo: 'This export includes no Monte Carlo results.',
  monteCarloHeader: (trials, seed, shockMode) => `${trials} trials, seed ${seed}, ${shockMode}`,
  shockModes: { perYear: 'growth redrawn every year', perTrial: 'growth drawn once per trial' },
  notIncluded: 'This scenario has an uncertainty spec, but its simulation was not finished when exporting, so it is not included.',
  sourcesIntro: 'Every figure from the article that the scenarios use (base values and targets), with the original Chinese quote.',
  noSources: 'No scenario refers to a figure from the article.',
  notInDataset: 'not in the bundled dataset',
  importedIndicator: 'imported indicator',
  base: 'base',
  chartIntro: 'The chart as shown at export time.',
  kinds: { actual: 'actual', target: 'target', projection: 'projection', policy: 'policy', estimate: 'estimate' },
  yes: 'yes',
};

export const WORKBOOK_TEXT: Readonly<Record<Lang, WorkbookText>> = { zh, en };

/**
 * The label of a scenario input, as the Assumptions sheet shows it beside its cell (and the import panel
 * names a changed cell). `targetLabel` treats a target's own label before it goes in: the workbook
 * guards it against formula injection.
 */
export function inputLabel(
  input: ScenarioInput,
  scenario: Pick<WorkspaceScenario, 'base' | 'targets'>,
  text: WorkbookText,
  lang: Lang,
  targetLabel: (label: string) => string = (label) => label,
): string {
  const labelOf = (index: number): string => {
    const target = scenario.targets[index];
    return targetLabel(target === undefined ? '' : (localLabel(target, lang) ?? ''));
  };
  switch (input.kind) {
    case 'baseYear':
      return text.params.baseYear;
    case 'baseValue':
      return text.params.baseValue;
    case 'horizonYear':
      return text.params.horizonYear;
    case 'growthRatePercent':
      return text.params.growthRate;
    case 'ratePercent': {
      const from = scenario.base.year + input.index;
      return text.params.rateForYear(from, from + 1);
    }
    case 'incrementPerYear':
      return text.params.increment;
    case 'ceiling':
      return text.params.ceiling;
    case 'pathTargetYear':
      return text.params.targetYear;
    case 'pathTargetValue':
      return text.params.targetValue;
    case 'targetYear':
      return text.params.targetNYear(input.index + 1, labelOf(input.index));
    case 'targetValue':
      return text.params.targetN(input.index + 1, labelOf(input.index));
  }
}
