// Deadline phrases and plan periods: when a commitment is due.
// 到2025年, 2025年底前, 至二〇三〇年, 2021年底， (opening a clause), “十四五”末 / 期间 /
// 时期 (the plan period's last year), 今年 / 年内 / 明年 (the document's own year). One
// home for the phrasing, so targets, task deadlines and goal parts read years alike.
import { readNumeral } from './numerals.js';
import type { PreCheck } from '../util/regex-start.js';

export interface Deadline {
  /** Offset of the phrase in the text searched. */
  start: number;
  end: number;
  year: number;
  /** `by`: 到2025年 or 2025年底前; `period`: “十四五”末 / 期间; `relative`: 今年, 明年. */
  kind: 'by' | 'period' | 'relative';
}

const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const QUOTE_OPEN = '[“"「『‘]?';
const QUOTE_CLOSE = '[”"」』’]?';
/** “十四五” with or without quotes, and 第十四个五年 (规划) spelled out. */
const PERIOD_NAME = `${QUOTE_OPEN}十([一二三四五六七八九])[·•.]?五${QUOTE_CLOSE}|第十([一二三四五六七八九])个五年(?:规划|计划)?`;

const PATTERNS: ReadonlyArray<readonly [RegExp, Deadline['kind']]> = [
  // 到2025年(底), 至2030年, 截至2023年底, 力争到二〇二五年
  [new RegExp(`(?:到|至|截至|截止到|截止)\\s*${YEAR}\\s*年(?:底|末|年底|年末)?`, 'g'), 'by'],
  // 2025年底前, 2025年以前, 2025年年底之前
  [new RegExp(`${YEAR}\\s*年(?:底|末|年底|年末)?(?:前|以前|之前)`, 'g'), 'by'],
  // A clause that opens with the year: 2021年底，基本完成…; 2025年，…
  [new RegExp(`(?:^|[，；：。\\n])\\s*${YEAR}\\s*年(?:底|末|年底|年末|上半年|下半年)?\\s*(?=[，；：。]|$)`, 'g'), 'by'],
  // A clause that opens with the year right before what is to be done: 2020年初步建成300个…
  [new RegExp(`(?:^|[，；：。\\n])\\s*${YEAR}\\s*年(?:底|末|年底|年末)?(?=\\s*(?:初步|基本|全面|建成|实现|完成|达到|力争|争取|确保))`, 'g'), 'by'],
  // (到|至)“十四五”(期)末, “十四五”期间 / 时期 / 规划期: the period's last year
  [new RegExp(`(?:(?:到|至|在|于)\\s*)?(?:${PERIOD_NAME})(?:规划)?(?:期末|时期末|末期|末|期间|时期|规划期|期内|内)`, 'g'), 'period'],
];

/**
 * Whether a text can hold a match of any of `patterns`: one pass of their union instead of one
 * pass of each (most texts hold none). The union is made of the patterns themselves, so it
 * cannot say no where one of them would match.
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = new Set(patterns.map((re) => re.flags.replace(/[gy]/g, '')));
  if (flags.size !== 1) throw new Error('Patterns read with different flags have no one union');
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), [...flags][0]);
}
const ANY_BY = anyOf(PATTERNS.filter(([, kind]) => kind === 'by').map(([re]) => re));

/** Years of a five-year plan period: 十四 → 2021–2025 (the 3rd began in 1966 after a pause). */
export function planPeriod(ordinal: number): { from: number; to: number } | null {
  if (!Number.isInteger(ordinal) || ordinal < 1 || ordinal > 30) return null;
  const from = ordinal === 1 ? 1953 : ordinal === 2 ? 1958 : 1966 + 5 * (ordinal - 3);
  return { from, to: from + 4 };
}

const PERIOD_ANYWHERE = new RegExp(PERIOD_NAME, 'g');

/** Plan periods named in a text (“十四五” → 2021–2025), in order. */
export function findPlanPeriods(text: string): Array<{ start: number; end: number; from: number; to: number }> {
  const out: Array<{ start: number; end: number; from: number; to: number }> = [];
  if (!text.includes(FIVE_MARK)) return out;
  for (const m of text.matchAll(PERIOD_ANYWHERE)) {
    const digit = readNumeral(m[1] ?? m[2] ?? '');
    const period = digit === null ? null : planPeriod(10 + digit);
    if (period) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, ...period });
  }
  return out;
}

const RELATIVE: ReadonlyArray<readonly [RegExp, number]> = [
  [/今年|本年度|年内|全年/g, 0],
  [/明年/g, 1],
  // 去年居民消费价格上涨2.6%: the year before (比去年 / 较去年 is a baseline, not a year of its own).
  [/(?<![比较同在])去年(?!同期|基础|水平|的基础|底)/g, -1],
];

const ANY_RELATIVE = anyOf(RELATIVE.map(([re]) => re));
/** Every `by` pattern and every relative one names 年; the period patterns name 五 (十四五, 第十四个五年). */
const YEAR_MARK = '年';
const FIVE_MARK = '五';
/** This module's pre-checks (a test holds them to their patterns). */
export const DEADLINE_PRE_CHECKS: readonly PreCheck[] = [
  { patterns: [...PATTERNS.filter(([, kind]) => kind !== 'period').map(([re]) => re), ...RELATIVE.map(([re]) => re)], marks: YEAR_MARK },
  { patterns: [...PATTERNS.filter(([, kind]) => kind === 'period').map(([re]) => re), PERIOD_ANYWHERE], marks: FIVE_MARK },
];

/** A year within reason: not a count, not a date from another age of the text. */
export const isPlausibleYear = (year: number): boolean => year >= 1949 && year <= 2100;
const plausible = isPlausibleYear;

/**
 * The four-digit years a text names, in order: 2013年工作回顾 → [2013]. With `bare`, a year
 * needs no 年 after it (目标值（2025） in a table header); with `reported`, years set as
 * deadlines (到2025年, 2025年底前) are left out: what remains is what the text reports on.
 */
export function yearsNamed(text: string, { bare = false, reported = false } = {}): number[] {
  const re = reported ? /(?<![到至止])(\d{4})\s*年(?![底末]?(?:前|以前|之前))/g : bare ? /(\d{4})\s*年?/g : /(\d{4})\s*年/g;
  return [...text.matchAll(re)].map((m) => Number(m[1])).filter(isPlausibleYear);
}

/** A paragraph that opens a stage of a plan: 第二步，到2025年 / 第二阶段：2023年 / 中期，到2030年. */
const STAGE_LEAD = new RegExp(
  `^\\s*(?:第[一二三四五六七八九十]步|第[一二三四五六七八九十]阶段|近期|中期|远期)[，,：:]?\\s*(?:力争|争取)?(?:到|至)?\\s*${YEAR}\\s*年`,
);

/** The year a stage lead names (第二步，到2025年… → 2025), or null when the text opens no stage. */
export function stageLeadYear(text: string): number | null {
  const m = STAGE_LEAD.exec(text);
  const year = m ? readNumeral(m[1] ?? '') : null;
  return year !== null && plausible(year) ? year : null;
}

/**
 * Deadline phrases in a text, in order of position. `documentYear` resolves 今年 / 年内 /
 * 明年; without it they are not deadlines.
 */
export function findDeadlines(text: string, documentYear: number | null = null): Deadline[] {
  // A text without a pattern's mark (YEAR_MARK, FIVE_MARK) cannot match it, so it is not run;
  // nor are the `by` or relative patterns where their union finds nothing.
  const hasYear = text.includes(YEAR_MARK);
  const hasFive = text.includes(FIVE_MARK);
  if (!hasYear && !hasFive) return [];
  const hasBy = hasYear && ANY_BY.test(text);
  const found = new Map<number, Deadline>();
  const add = (d: Deadline) => {
    const existing = found.get(d.start);
    if (!existing || d.end - d.start > existing.end - existing.start) found.set(d.start, d);
  };
  for (const [re, kind] of PATTERNS) {
    if (!(kind === 'period' ? hasFive : hasBy)) continue;
    for (const m of text.matchAll(re)) {
      const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length) + (/^[，；：。\n]/.test(m[0]) ? 1 : 0);
      let year: number | null;
      if (kind === 'period') {
        const digit = readNumeral(m[1] ?? m[2] ?? '');
        year = digit === null ? null : (planPeriod(10 + digit)?.to ?? null);
      } else year = readNumeral(m[1] ?? '');
      if (year !== null && plausible(year)) add({ start, end: (m.index ?? 0) + m[0].length, year, kind });
    }
  }
  if (documentYear !== null && hasYear && ANY_RELATIVE.test(text)) {
    for (const [re, offset] of RELATIVE) {
      for (const m of text.matchAll(re)) add({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, year: documentYear + offset, kind: 'relative' });
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** A deadline phrase at the very start of a text, with any 力争/争取 before it: its length. */
export const LEADING_DEADLINE = new RegExp(
  `^(?:力争|争取|预计|计划)?(?:(?:到|至|截至|截止到|截止)\\s*)?(?:${YEAR}\\s*年(?:底|末|年底|年末)?(?:前|以前|之前)?|(?:${PERIOD_NAME})(?:期末|时期末|末期|末|期间|时期|规划期|期内)?)`,
);
