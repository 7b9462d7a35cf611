import type { Lang } from '../units';

/** The citation every chart carries on screen and in exported images. */
export interface ChartProvenance {
  scenarioNames: readonly string[];
  /** Set for charts that show Monte Carlo results. */
  monteCarlo?: { trials: number; seed: number };
}

export function chartSourceLine(lang: Lang, provenance: ChartProvenance): string {
  const names = provenance.scenarioNames;
  if (lang === 'zh') {
    let line = '来源：重庆日报 2024年2月';
    if (names.length > 0) line += `；预测：Scenario Desk 情景${names.map((n) => `「${n}」`).join('')}`;
    if (provenance.monteCarlo) line += `；蒙特卡洛模拟 ${provenance.monteCarlo.trials.toLocaleString('zh-CN')} 次，随机种子 ${provenance.monteCarlo.seed}`;
    return line;
  }
  let line = 'Source: Chongqing Daily, February 2024';
  if (names.length > 0) line += `; projection: Scenario Desk scenario${names.length > 1 ? 's' : ''} ${names.map((n) => `“${n}”`).join(', ')}`;
  if (provenance.monteCarlo) line += `; Monte Carlo ${provenance.monteCarlo.trials.toLocaleString('en-US')} trials, seed ${provenance.monteCarlo.seed}`;
  return line;
}
