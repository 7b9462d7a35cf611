/**
 * The computed parts of docs/data-source.zh.md and data-source.en.md: the derived figures and the
 * consistency checks worth knowing, rendered from the dataset so no number in them is typed in.
 * scripts/gen-data-source-docs.ts writes them between the docs' `generated` markers, and its test
 * fails when a doc is out of date.
 */
import { formatPlainNumber, UNITS, type Lang, type UnitCode } from '../units';
import { runConsistencyChecks, type CheckVerdict } from './checks';
import { computeDerivedFigures } from './derived';
import type { Dataset } from './schema';

/** The blocks a doc holds, by marker name. */
export const DATA_SOURCE_BLOCKS = ['derived-figures', 'checks'] as const;
export type DataSourceBlock = (typeof DATA_SOURCE_BLOCKS)[number];

/** The checks the docs discuss, in the docs' order; the others are in docs/dataset.md. */
const HIGHLIGHTED_CHECKS = [
  'cq.enterprises.high-tech.double-doubling',
  'cq.enterprises.tech-based.double-doubling',
  'cq.projects-5-8.investment-sum',
  'cq.enterprises.high-tech.turnover',
  'cq.enterprises.tech-based.new-vs-net',
] as const;

const VERDICT_WORDS: Readonly<Record<CheckVerdict, { zh: string; en: string }>> = {
  pass: { zh: '通过', en: 'pass' },
  info: { zh: '说明', en: 'info' },
  warn: { zh: '注意', en: 'warning' },
  fail: { zh: '不一致', en: 'inconsistent' },
};

function valueText(value: number, decimals: number, unit: UnitCode, lang: Lang): string {
  const number = formatPlainNumber(value, decimals);
  const label = UNITS[unit].label[lang];
  return lang === 'zh' || unit === 'percent' || unit === 'ratio' ? `${number}${label}` : `${number} ${label}`;
}

function derivedBlock(dataset: Dataset, lang: Lang): string[] {
  const figures = computeDerivedFigures(dataset);
  const intro =
    lang === 'zh'
      ? `有些数字文中没有直接印出，但可以从印出的数字算出来。应用共给出 ${figures.length} 个推算数字，全部按公式即时计算，从不手工录入；“数据”视图的“推算数字”标签页列出每个数字的公式和所用的原始数字：`
      : `Some numbers are not printed but follow from printed ones. The app derives ${figures.length}, always computed from their inputs, never typed in; the Data view's Derived figures tab shows each formula and its inputs:`;
  const lines = figures.map((figure) => {
    const note = figure.note ? (lang === 'zh' ? `（${figure.note.zh}）` : ` (${figure.note.en})`) : '';
    const sep = lang === 'zh' ? '：' : ': ';
    return `- **${figure.name[lang]}**${sep}${figure.formula[lang]} ≈ ${valueText(figure.roundedValue, figure.decimals, figure.unit, lang)}${note}`;
  });
  return [intro, '', ...lines];
}

function checksBlock(dataset: Dataset, lang: Lang): string[] {
  const checks = runConsistencyChecks(dataset);
  const count = (verdict: CheckVerdict) => checks.filter((check) => check.verdict === verdict).length;
  const intro =
    lang === 'zh'
      ? `应用用文章自身的数字互相核对，共 ${checks.length} 项：通过 ${count('pass')} 项，说明 ${count('info')} 项，注意 ${count('warn')} 项，不一致 ${count('fail')} 项。判断容差来自印刷数字的取整：例如19.2%可能是19.15%到19.25%之间的任何数，推算结果据此留有余量。`
      : `The app checks the article's figures against each other — ${checks.length} checks: ${count('pass')} pass, ${count('info')} explained differences (info), ${count('warn')} warning, ${count('fail')} inconsistencies. Tolerances come from the rounding of the printed numbers: 19.2% may be anything from 19.15% to 19.25%, and derived values allow for that.`;
  const lines = HIGHLIGHTED_CHECKS.map((id) => {
    const check = checks.find((candidate) => candidate.id === id);
    if (!check) throw new RangeError(`no consistency check "${id}"`);
    const verdict = VERDICT_WORDS[check.verdict][lang];
    return lang === 'zh' ? `- **${check.title.zh}**（${verdict}）：${check.explanation.zh}` : `- **${check.title.en}** (${verdict}): ${check.explanation.en}`;
  });
  return [intro, '', lang === 'zh' ? '值得分析人员特别留意的几项：' : 'The ones worth knowing:', '', ...lines];
}

/** The text of one generated block of the data-source doc in `lang`, without its markers. */
export function renderDataSourceBlock(dataset: Dataset, block: DataSourceBlock, lang: Lang): string {
  return (block === 'derived-figures' ? derivedBlock(dataset, lang) : checksBlock(dataset, lang)).join('\n');
}

const begin = (block: DataSourceBlock) => `<!-- generated:${block} (npx tsx scripts/gen-data-source-docs.ts) -->`;
const end = (block: DataSourceBlock) => `<!-- /generated:${block} -->`;

/**
 * The doc with every generated block replaced by its current text. Throws when a block's markers
 * are missing, so a doc cannot silently stop being checked.
 */
export function withGeneratedBlocks(doc: string, dataset: Dataset, lang: Lang): string {
  let text = doc;
  for (const block of DATA_SOURCE_BLOCKS) {
    const from = text.indexOf(begin(block));
    const to = text.indexOf(end(block));
    if (from < 0 || to < from) throw new RangeError(`the data-source doc (${lang}) has no generated block "${block}": add ${begin(block)} … ${end(block)}`);
    text = `${text.slice(0, from)}${begin(block)}\n${renderDataSourceBlock(dataset, block, lang)}\n${text.slice(to)}`;
  }
  return text;
}
