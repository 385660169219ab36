// A document's legislative history and validity, read from the lines that state them.
// Input: classified lines (after furniture). Output: history drafts (offsets normalised),
// the header lines consumed get role `meta`. Three sources:
//  1. dated header lines before the first heading, one entry per dated clause:
//     2005年7月22日 北京市第十二届人民代表大会常务委员会第二十一次会议通过
//     （根据2009年8月27日…《关于修改部分法律的决定》第一次修正 2015年…修订）
//  2. labelled dates: Taiwan's 修正日期：20150617, 公布日期：…;
//  3. body clauses on this document itself: 本条例自2013年3月15日起施行 (effective),
//     有效期至2027年12月31日 / 有效期5年 (validity).
import type { LineNode } from '../tree.js';
import { addYears, dateAt, daysInMonth, findDates, isDateLine, isoOf, readDate } from '../lexicon/dates.js';
import { type LifecycleEvent, hasEventWord, labelledEvent, lifecycleEventOf } from '../lexicon/lifecycle.js';
import { CN_SMALL_NUMERAL_CHARS, readNumeral } from '../lexicon/numerals.js';
import { depthAt } from '../lexicon/brackets.js';
import { isPlausibleYear } from '../lexicon/deadlines.js';
import { docTypeOf } from '../lexicon/doc-types.js';
import { ORDER_NUMBER } from '../lexicon/doc-numbers.js';
import type { PreCheck } from '../util/regex-start.js';

export interface HistoryDraft {
  date: string;
  event: LifecycleEvent;
  /** The body that acted (the meeting, the organ, the order), or null. */
  by: string | null;
  /** The clause as printed, from its date to its event word. */
  text: string;
  start: number;
  end: number;
}

// What may stand before a header line's first date: an opening bracket, 根据, spaces.
const HEADER_LEAD = /^[\s　（(]*(?:根据)?\s*/;
// Words that belong to the NEXT dated clause, left at the end of this one (…通过 根据).
const CLAUSE_TAIL = /[\s　，,；;、（(）)]*(?:根据|自|于)?[\s　，,；;、（(）)]*$/;

/** A header line that opens a run of history: its first date opens it, and it has no sentence. */
function opensHistory(value: string): boolean {
  // A date alone is a signature's (2016年5月13日), not a history line.
  if (dateAt(value, HEADER_LEAD.exec(value)?.[0].length ?? 0) === null || isDateLine(value)) return false;
  // A sentence that introduces what follows (…发布的《…》作如下补充规定：) is body text.
  // (Removing the titles and a closing 。 leaves no 。 where there was none: not tried then.)
  return value.length <= 600 && !/[：:]$/.test(value) && (!value.includes('。') || !/。/.test(value.replace(/《[^》]*》/g, '').replace(/。[\s　]*(?:根据)?[\s　]*$/, '')));
}

/**
 * A clause ends at a line break once it has its event and its quotes are closed: what
 * follows on the next line is a clause of its own (…国家档案局发布 / 发布之日施行).
 */
function endAtFinishedLine(clause: string): string {
  for (let nl = clause.indexOf('\n'); nl >= 0; nl = clause.indexOf('\n', nl + 1)) {
    const before = clause.slice(0, nl);
    const word = lifecycleEventOf(before);
    if (word && depthAt(before, before.length, '《〈<', '》〉>') === 0 && before.slice(word.end).trim().length === 0) return before;
  }
  return clause;
}

/** A line that carries a wrapped history clause on: an event word, a date or a closing title mark, no sentence. */
function continuesHistory(value: string): boolean {
  if (value.length > 600 || /。|[：:]$|^<!--/.test(value) || docTypeOf(value) !== null) return false;
  return hasEventWord(value) || /[》〉>]/.test(value) || findDates(value).length > 0;
}

/**
 * The dated clauses of a run of history lines, text[start, end) (lines may wrap a clause):
 * one entry per date, its event the clause's last event word; a clause that ends in 、
 * (two meetings, one act: …第1856次会议、2021年12月29日…通过) takes the next one's event.
 */
export function datedClauses(text: string, start: number, end: number): HistoryDraft[] {
  const block = text.slice(start, end);
  const dates = findDates(block);
  const clauses = dates.map((date, i) => {
    const raw = endAtFinishedLine(block.slice(date.start, dates[i + 1]?.start ?? block.length));
    const clause = raw.replace(CLAUSE_TAIL, '');
    // An order's number alone promulgates (2017年11月22日 中华人民共和国国务院令第692号).
    const word = lifecycleEventOf(clause) ?? (ORDER_NUMBER.test(clause) ? { event: 'promulgated' as const, start: clause.length, end: clause.length } : null);
    // Two bodies, one act: …第1856次会议、2021年12月29日…通过, or a meeting on a line of its own.
    const shared = /、[\s　]*$/.test(raw) || (!word && /会议$/.test(clause));
    return { date, clause, word, shared };
  });
  for (let i = clauses.length - 2; i >= 0; i--) {
    const c = clauses[i] as (typeof clauses)[number];
    if (!c.word && c.shared) c.word = (clauses[i + 1] as (typeof clauses)[number]).word;
  }
  const drafts: HistoryDraft[] = [];
  for (const { date, clause, word } of clauses) {
    if (!word) continue;
    const own = word.start >= date.end - date.start;
    const length = own ? Math.max(word.end, clause.length) : clause.length;
    drafts.push({
      date: date.iso,
      event: word.event,
      by: actorOf(joinLines(clause.slice(date.end - date.start, own ? word.start : clause.length))),
      text: joinLines(clause.slice(0, length)),
      start: start + date.start,
      end: start + date.start + length,
    });
  }
  return drafts;
}

/** A clause wrapped over lines, as one line: its line breaks and the spaces around them removed. */
function joinLines(clause: string): string {
  // Most clauses sit on one line: nothing to remove.
  return clause.includes('\n') ? clause.replace(/\s*\n\s*/g, '') : clause;
}

// 北京市第十二届人民代表大会常务委员会第二十一次会议 / 国务院 / 中华人民共和国国务院令第360号;
// the decision's name 《…》 and 第一次 are the clause's, not the actor's.
const ORDINAL_SESSION = new RegExp(`(?:第[\\d${CN_SMALL_NUMERAL_CHARS}]+次)?(?:审议)?$`);

function actorOf(between: string): string | null {
  const actor = between
    .replace(/《[^》]*》?/g, '')
    .replace(ORDINAL_SESSION, '')
    .replace(/[\s　的]+$/, '')
    .replace(/^[\s　]+/, '');
  return actor.length >= 2 ? actor : null;
}

// One more organ of a clause still waiting for its verb (1980年12月27日 国家经济委员会 / 国家基本建设委员会 / …发布).
function continuesActor(waiting: boolean, value: string): boolean {
  return waiting && value.length <= 40 && !/[，。；：]/.test(value);
}

/** Whether, after `value` joins a run, its last dated clause still has no event word. */
function stillWaiting(waiting: boolean, value: string): boolean {
  const lastDate = findDates(value).at(-1);
  if (lastDate) return !hasEventWord(value.slice(lastDate.end));
  return waiting && !hasEventWord(value);
}

/**
 * History lines under the title: runs of dated lines among `header` (the lines before
 * the first heading), each dated clause an entry, and labelled dates (修正日期：20150617).
 */
export function headerHistory(header: readonly LineNode[], text: string): HistoryDraft[] {
  const history: HistoryDraft[] = [];
  let run: LineNode[] = [];
  let waiting = false;
  const flush = () => {
    // No run open (and so none waiting): nothing to read or reset.
    if (run.length === 0) return;
    const first = run[0];
    const last = run.at(-1);
    const drafts = first && last ? datedClauses(text, first.start, last.end) : [];
    // Only lines its clauses cover are history (a signature's lone 2021年11月3日 is not).
    const from = drafts[0]?.start ?? Number.POSITIVE_INFINITY;
    const to = drafts.at(-1)?.end ?? Number.NEGATIVE_INFINITY;
    for (const line of run) if (line.end > from && line.start < to) line.role = 'meta';
    history.push(...drafts);
    run = [];
    waiting = false;
  };
  for (const line of header) {
    if (line.role === 'blank') continue;
    const labelled = line.role === 'paragraph' || line.role === 'meta' ? labelledDate(line) : null;
    if (labelled) {
      flush();
      history.push(labelled);
      line.role = 'meta';
    } else if (
      (line.role === 'paragraph' && opensHistory(line.value)) ||
      // A short wrapped piece may have been taken for page furniture (水产部发布).
      ((line.role === 'paragraph' || (line.role === 'furniture' && line.value.length <= 20)) &&
        run.length > 0 &&
        (continuesHistory(line.value) || continuesActor(waiting, line.value)))
    ) {
      run.push(line);
      waiting = stillWaiting(waiting, line.value);
    } else flush();
  }
  flush();
  return history;
}

const DATE_LABEL = /^((?:修正|修订|颁布|制定|施行|生效|废止)日期)\s*[：:]\s*/;

function labelledDate(line: LineNode): HistoryDraft | null {
  const m = DATE_LABEL.exec(line.value);
  if (!m?.[1]) return null;
  const event = labelledEvent(m[1]);
  const rest = line.value.slice(m[0].length);
  const date = readDate(rest);
  if (!event || !date) return null;
  const printed = /^\S+/.exec(rest)?.[0] ?? rest;
  const start = line.start + m[0].length;
  return { date, event, by: null, text: printed, start, end: start + printed.length };
}

// 本条例自2013年3月15日起施行 / 本办法自印发之日起实施 / 本意见自公布之日起施行.
const SELF = '本(?:法|条例|规定|办法|细则|规则|规范|规程|意见|实施意见|方案|实施方案|通知|决定|计划|行动计划|措施|若干措施|举措|准则|标准|指引|指南|解释|规划|政策|制度|文件)';
const EFFECTIVE = new RegExp(`${SELF}[^。；]{0,120}?(?:自|从|于)(\\d{4}年\\d{1,2}月\\d{1,2}日|[^，。；起]{4,20}?|(?:公布|发布|印发|颁布|下发)之日)起?(?:施行|实施|生效|执行)`);
// 执行期自发布之日起至2020年12月31日 / 有效期自2023年1月1日至2025年12月31日.
const TERM = /(?:有效期|执行期|实施期|试行期)(?:限)?(?:为)?自(\d{4}年\d{1,2}月\d{1,2}日|(?:公布|发布|印发)之日)(?:起)?至(\d{4}年\d{1,2}月(?:\d{1,2}日|底))/;
const VALID_UNTIL = /有效期(?:至|到|截至)([^，。；）)]{6,20}?日)/;
const VALID_YEARS = new RegExp(`有效期(?:限)?(?:为)?([\\d${CN_SMALL_NUMERAL_CHARS}]{1,3})年`);
/** An effective clause opens with 本 (SELF); every term and validity clause holds 期 (有效期, 试行期…). */
const SELF_MARK = '本';
const TERM_MARK = '期';
/** This module's pre-checks (a test holds them to their patterns). */
export const HISTORY_PRE_CHECKS: readonly PreCheck[] = [
  { patterns: [EFFECTIVE], marks: SELF_MARK },
  { patterns: [TERM, VALID_UNTIL, VALID_YEARS], marks: TERM_MARK },
];

// Every effective or validity clause holds one of these: most lines are skipped on them.
const CLAUSE_WORDS = /施行|实施|生效|执行|有效期/;

export interface BodyDates {
  /** This document's own effective clause, its date or null for 自公布之日 (the issue date). */
  effective: { date: string | null; text: string; start: number; end: number } | null;
  until: string | null;
  years: number | null;
}

/** The effective and validity clauses of the body (the first of each). */
export function bodyDates(lines: readonly LineNode[]): BodyDates {
  const found: BodyDates = { effective: null, until: null, years: null };
  for (const line of lines) {
    if (line.role !== 'paragraph' && line.role !== 'heading') continue;
    const value = line.value;
    if (!CLAUSE_WORDS.test(value)) continue;
    // A line without SELF_MARK or TERM_MARK is not searched for the clauses that need it.
    if (!found.effective && value.includes(SELF_MARK)) found.effective = effectiveClause(line);
    if (value.includes(TERM_MARK)) readTerm(found, line);
  }
  return found;
}

// bodyDates reads each kind of clause in a function of its own: a clause first met late in a
// run deoptimises only the step that reads it.

/** This document's effective clause on `line` (本条例自2013年3月15日起施行), or null. */
function effectiveClause(line: LineNode): BodyDates['effective'] {
  const m = EFFECTIVE.exec(line.value);
  if (!m?.[1]) return null;
  // A year before the People's Republic is an OCR slip (本规范自1913年4月3日起施行), not a date.
  const read = /之日$/.test(m[1]) ? null : readDate(m[1]);
  const date = read && isPlausibleYear(Number(read.slice(0, 4))) ? read : null;
  if (!date && !/之日$/.test(m[1])) return null;
  return { date, text: m[0], start: line.start + m.index, end: line.start + m.index + m[0].length };
}

/** The term and validity clauses on `line` (有效期至…, 有效期自…至…, 有效期5年), into `found` where it has none yet. */
function readTerm(found: BodyDates, line: LineNode): void {
  const value = line.value;
  if (found.until === null) {
    const until = VALID_UNTIL.exec(value);
    if (until?.[1]) found.until = readDate(until[1]);
  }
  const span = TERM.exec(value);
  if (span?.[1] && span[2]) {
    if (!found.effective) {
      const date = /之日$/.test(span[1]) ? null : readDate(span[1]);
      found.effective = { date, text: span[0], start: line.start + span.index, end: line.start + span.index + span[0].length };
    }
    found.until ??= readDate(span[2]) ?? monthEnd(span[2]);
  }
  if (found.years === null) {
    const years = VALID_YEARS.exec(value);
    if (years?.[1]) found.years = readNumeral(years[1]);
  }
}

// 2020年12月底 → 2020-12-31.
function monthEnd(text: string): string | null {
  const m = /(\d{4})年(\d{1,2})月底/.exec(text);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 ? isoOf(y, mo, daysInMonth(y, mo)) : null;
}

export function validityOf(from: string | null, body: BodyDates): { from: string | null; until: string | null } | null {
  const until = body.until ?? (from && body.years ? addYears(from, body.years) : null);
  return from || until ? { from, until } : null;
}
