import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rawJson from '../../assets/data/dataset.json';
import {
  DatasetValidationError,
  getBundledDataset,
  parseDataset,
  requireObservation,
  requirePieceOf,
  resolvePiece,
  verifyDatasetAgainstArticle,
  type Dataset,
} from './index';

const articleText = readFileSync(new URL('../../assets/source/article.txt', import.meta.url), 'utf8');
const dataset = getBundledDataset();

/** The piece's authors, as the byline prints them. */
function authorsOf(observationId: string): string[] {
  return requirePieceOf(dataset, requireObservation(dataset, observationId).source).byline.authors.map((author) => author.zh);
}

function titleOf(observationId: string): string {
  return requirePieceOf(dataset, requireObservation(dataset, observationId).source).title.zh;
}

function clone(): Dataset {
  return structuredClone(rawJson) as Dataset;
}

/** The validation messages parseDataset gives for a dataset, or [] when it passes. */
function problems(candidate: Dataset): string[] {
  try {
    parseDataset(candidate);
    return [];
  } catch (error) {
    if (error instanceof DatasetValidationError) return [...error.issues];
    throw error;
  }
}

describe('#14.13 each figure is credited to the piece of the page its quote sits in', () => {
  it('#14.13 the software revenue 4200亿元 comes from the 本报讯 brief by 记者 夏元', () => {
    // "主营业务收入4200亿元" at offset 1454: after "本报讯 (新重庆-重庆日报记 夏元)" at 1319, before the 数读 sidebar at 1619.
    expect(authorsOf('cq.software.revenue@2024-target')).toEqual(['夏元']);
    expect(titleOf('cq.software.revenue@2024-target')).toBe('今年重庆软件产业力争实现营收4200亿元');
    // The brief's second column, far down the OCR text (the 200万元 reward at 4806), is the same piece.
    expect(authorsOf('cq.software.key-firm-reward-cap@2024-policy')).toEqual(['夏元']);
  });

  it('#14.13 涪陵’s new-materials output 1203.7亿元 and 忠县’s 23 projects come from the district piece by 左黎韵 and 彭瑜', () => {
    expect(authorsOf('fuling.new-materials-output@2023-actual')).toEqual(['左黎韵', '彭瑜']);
    expect(authorsOf('zhongxian.signed-projects-over-100m@2023-actual')).toEqual(['左黎韵', '彭瑜']);
    expect(titleOf('zhongxian.signed-projects-over-100m@2023-actual')).toBe('招大引强 各区县出硬招');
  });

  it('#14.13 金凤实验室’s 401 researchers, and the 数读 sidebar’s 19.2%, come from the lead feature by 首席记者 张亦筑', () => {
    expect(authorsOf('jinfeng.researchers@2024-actual')).toEqual(['张亦筑']);
    expect(authorsOf('cq.enterprises.high-tech-growth@2023-actual')).toEqual(['张亦筑']);
    expect(requirePieceOf(dataset, requireObservation(dataset, 'jinfeng.researchers@2024-actual').source).byline.role.zh).toBe('首席记者');
  });

  it('#14.13 every figure, list item and event resolves to exactly one piece', () => {
    const sources = [
      ...dataset.observations.map((o) => o.source),
      ...dataset.factSets.flatMap((set) => set.items.map((item) => item.source)),
      ...dataset.events.map((event) => event.source),
    ];
    for (const source of sources) expect(resolvePiece(dataset.pieces, source).kind).toBe('piece');
    // And not all of them to the lead feature: the brief and the district piece hold figures too.
    const byPiece = new Set(sources.map((source) => requirePieceOf(dataset, source).id));
    expect([...byPiece].sort()).toEqual(['district-investment', 'lead-feature', 'software-brief']);
  });

  it('#14.13 refuses a figure whose quote falls in no piece (the page footer) and names it', () => {
    const broken = clone();
    const footer = articleText.indexOf('63907102');
    const [first] = broken.observations;
    if (!first) throw new Error('no observation');
    first.source = { quote: '63907102', offset: footer };
    const messages = problems(broken);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^observations\.0\.source: quote "63907102" at \[\d+, \d+\) falls in no piece of the page$/);
  });

  it('#14.13 refuses a figure whose quote runs across two pieces (the lead feature’s end and the brief’s start), as ambiguous', () => {
    const broken = clone();
    const start = articleText.indexOf('本报讯') - 6;
    const [first] = broken.observations;
    if (!first) throw new Error('no observation');
    first.source = { quote: articleText.slice(start, start + 12), offset: start };
    const messages = problems(broken);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('observations.0.source: quote');
    expect(messages[0]).toContain('runs across pieces "lead-feature" and "software-brief": a figure must come from one piece');
  });

  it('#14.13 refuses pieces whose ranges overlap, and reports the figures in both as ambiguous', () => {
    const broken = clone();
    const district = broken.pieces.find((piece) => piece.id === 'district-investment');
    if (!district) throw new Error('no district piece');
    // Let the district piece reach back over the brief's second column (4311–4885).
    district.ranges = [{ start: 4300, end: 7421 }];
    const messages = problems(broken);
    expect(messages).toContain('pieces: ranges overlap: piece "lead-feature" [1619, 4311) and piece "district-investment" [4300, 7421)');
    expect(messages).toContain('pieces: ranges overlap: piece "district-investment" [4300, 7421) and piece "software-brief" [4311, 4885)');
    expect(
      messages.some((message) => /^observations\.\d+\.source: quote "6项重点任务" .* lies in pieces "software-brief" and "district-investment"/.test(message)),
    ).toBe(true);
  });

  it('#14.13 verification finds a byline whose author is not printed in the piece', () => {
    const wrong = structuredClone(dataset);
    const brief = wrong.pieces.find((piece) => piece.id === 'software-brief');
    if (!brief) throw new Error('no brief');
    brief.byline.authors = [{ zh: '张亦筑', en: 'Zhang Yizhu' }];
    expect(verifyDatasetAgainstArticle(wrong, articleText)).toEqual([
      { where: 'piece software-brief', problem: "author 张亦筑 does not occur in the piece's text" },
    ]);
  });
});
