import type { Lang } from '../units';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ZH_QUARTERS = ['一', '二', '三', '四'] as const;

/** A dataset date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn) as a reader writes it: 2020年12月 / Dec 2020, 2024年一季度 / Q1 2024. */
export function formatPartialDate(date: string, lang: Lang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) {
    const [, year = '', q = '1'] = quarter;
    return lang === 'zh' ? `${year}年${ZH_QUARTERS[Number(q) - 1] ?? q}季度` : `Q${q} ${year}`;
  }
  const [year = '', month, day] = date.split('-');
  if (month === undefined) return lang === 'zh' ? `${year}年` : year;
  const monthNumber = Number(month);
  if (lang === 'zh') return `${year}年${monthNumber}月${day === undefined ? '' : `${Number(day)}日`}`;
  const monthName = EN_MONTHS[monthNumber - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}
