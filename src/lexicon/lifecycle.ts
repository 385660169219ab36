// A document's lifecycle events (after Akoma Ntoso's lifecycle): the words that name them
// in the dated lines under a law's title (2015年7月24日 …会议通过 / …第一次修正 / …公布 /
// 2013年3月15日 施行), in Taiwan's 修正日期 header, and in body clauses (本办法自…起施行).
import { quoteSpans } from './brackets.js';

export const LIFECYCLE_EVENTS = ['adopted', 'approved', 'promulgated', 'amended', 'revised', 'effective', 'repealed'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** Each event's words; 审议通过 is 通过, 修改 (as in 关于修改…的决定 …修正) is 修正. */
const EVENT_WORDS: ReadonlyArray<readonly [string, LifecycleEvent]> = [
  ['通过', 'adopted'],
  ['制定', 'adopted'],
  ['批准', 'approved'],
  ['公布', 'promulgated'],
  ['发布', 'promulgated'],
  ['颁布', 'promulgated'],
  ['公告', 'promulgated'],
  ['印发', 'promulgated'],
  ['修正', 'amended'],
  ['修改', 'amended'],
  ['修订', 'revised'],
  ['施行', 'effective'],
  ['实施', 'effective'],
  ['生效', 'effective'],
  ['执行', 'effective'],
  ['废止', 'repealed'],
];

// Not an event where the word opens a document type or a noun: 实施意见, 实施方案, 发布会.
const EVENT_RE = new RegExp(`(?:${EVENT_WORDS.map(([w]) => w).join('|')})(?!意见|方案|办法|细则|计划|规划|纲要|会|稿|版|机关|单位|部门)`, 'g');
const EVENT_OF = new Map(EVENT_WORDS);

export interface EventWord {
  event: LifecycleEvent;
  start: number;
  end: number;
}

/**
 * The event a dated clause records: its LAST event word outside quotes, since the verb
 * closes the clause (…批准的《关于修改〈…〉的决定》第一次修正 is an amendment).
 */
export function lifecycleEventOf(clause: string): EventWord | null {
  let last: EventWord | null = null;
  let lastQuoted: EventWord | null = null;
  // The quotes matter only around an event word: found at the first one.
  let quoted: Array<readonly [number, number]> | null = null;
  EVENT_RE.lastIndex = 0;
  for (let m = EVENT_RE.exec(clause); m; m = EVENT_RE.exec(clause)) {
    const at = m.index;
    const event = EVENT_OF.get(m[0]);
    if (!event) continue;
    const word = { event, start: at, end: at + m[0].length };
    quoted ??= quoteSpans(clause);
    if (quoted.some(([s, e]) => at > s && at < e)) lastQuoted = word;
    else last = word;
  }
  // …会议通过的《刑法修正案（二）》 / 批准的《关于修改…的决定》: this text was amended by it.
  if (last && clause.startsWith('的《', last.end) && /修正案|修改/.test(clause.slice(last.end))) {
    return { event: 'amended', start: last.start, end: last.end };
  }
  // A decision name that swallowed the verb (《关于修改…的决定修正》): the word inside it.
  return last ?? lastQuoted;
}

/** Whether a clause records any event: lifecycleEventOf(clause) !== null, without reading which. */
export function hasEventWord(clause: string): boolean {
  // Every match of EVENT_RE is one of EVENT_WORDS, so lifecycleEventOf returns an event for it.
  EVENT_RE.lastIndex = 0;
  const found = EVENT_RE.test(clause);
  EVENT_RE.lastIndex = 0;
  return found;
}

/** The event a header label names (Taiwan's 修正日期, 制定日期, 施行日期 …): its word, read by the same table. */
export function labelledEvent(label: string): LifecycleEvent | null {
  return lifecycleEventOf(label.replace(/日期$/, ''))?.event ?? null;
}
