// extractTargets(paragraph): the quantitative targets of ONE normalised paragraph.
// Every quantity scanQuantities() finds gets a decision by a named rule (rules.ts): why it
// is a target (a comparison word, a change, a creation verb, a list it continues…) or why
// not (a date, a subsidy, the past, a qualifier…). Contract: input is one paragraph of
// normalised Simplified Chinese; output is pure and deterministic, in document order;
// `start`/`end` are offsets of the trimmed clause (between ，；：。！？ outside brackets)
// that holds the number, so `paragraph.slice(start, end) === text`.
// `year` is the deadline stated in the paragraph (到2025年, “十四五”末, 今年 with a document
// year); the caller applies the section's governing year when it is null.
import { type Deadline, findDeadlines, findPlanPeriods, LEADING_DEADLINE } from '../lexicon/deadlines.js';
import { CLOSERS, OPENERS, QUOTE_MARKS, ROUND_CLOSE, ROUND_OPEN, depthAt, indexOutside, quoteSpans } from '../lexicon/brackets.js';
import { COUNT_UNITS, MONEY_UNITS, PERCENT_UNITS, TIME_UNITS } from '../lexicon/units.js';
import { ORGAN_WITH_VERB, isUnitName } from '../lexicon/organs.js';
import { mayHoldQuantity, scanQuantities, type Quantity } from './quantities.js';
import type { AcceptRule, RejectRule, TargetRule } from './rules.js';
import {
  ADVERBS,
  ASPIRATION_WORDS,
  CHANGE_WORDS,
  COMPARATOR_NOT_AFTER,
  COMPARATOR_WORDS,
  CREATION_VERBS,
  EACH_WORDS,
  FUNDING_WORDS,
  INDEX_WORDS,
  LEADING_SCAFFOLD,
  METRIC_SUFFIXES,
  NORM_WORDS,
  NOT_VERB_WORDS,
  PAST_MARKERS,
  PENALTY_WORDS,
  POST_NOUN_STOP,
  RESPECTIVELY_WORDS,
  STATUS_QUO_OPENERS,
  STRUCTURAL_NOUNS,
  WEAK_VERB_LEADERS,
  type Comparator,
} from './words.js';

export type { Comparator } from './words.js';

export interface TargetMatch {
  start: number;
  end: number;
  text: string;
  indicator: string;
  comparator: Comparator;
  value: number;
  valueHigh: number | null;
  unit: string | null;
  year: number | null;
  aspirational: boolean;
  kind: 'goal' | 'requirement';
  rule: AcceptRule;
}

/** Why one quantity was or was not taken as a target. */
export interface Decision {
  /** Offsets of the quantity in the paragraph. */
  start: number;
  end: number;
  raw: string;
  value: number;
  unit: string | null;
  accepted: boolean;
  rule: TargetRule;
}

export interface TargetContext {
  /** A regulation: its limits are requirements. */
  regulation?: boolean;
  /** The paragraph lies in a review of past results. */
  past?: boolean;
  /** The document's own year: resolves 今年, and deadlines before it report the past. */
  documentYear?: number | null;
  /** The paragraph states goals (a goals or indicators part): a bare indicator-value pair is a target. */
  goals?: boolean;
  /** The first year of the document's own period (“十四五”规划 → 2021), when its date is unknown. */
  periodStart?: number | null;
  /** A report on the past (发展报告, 白皮书, 统计公报): only what is said of the future is a target. */
  retrospective?: boolean;
  /**
   * Decisions are wanted for every quantity (the `explain` output): no shortcut may skip one.
   * Without it, every quantity read still gets one decision, but a rejected one may name any
   * rule that rejects it, not the first (a penalty's clause is not read quantity by quantity).
   */
  explain?: boolean;
  /** The paragraph lies in a part that says who may apply for support (申报条件): its numbers are thresholds. */
  eligibility?: boolean;
  /** The year an earlier paragraph set for this one (2022年，… before it), if any. */
  governingYear?: number | null;
  /** The caller has found setsNoLimit() false for this paragraph (with the same regulation and explain): it is not tested again. */
  limitTested?: boolean;
  /** The paragraph's deadlines, when the caller has already found them (findDeadlines with the document year). */
  deadlines?: readonly Deadline[];
}

export interface Extraction {
  targets: TargetMatch[];
  decisions: Decision[];
}

// ───────────────────────────── word lookups ─────────────────────────────

const byLength = (words: readonly string[]): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);
/** Nouns after 的 that make the value itself the goal: 控制在5%以内的目标, 6%左右的水平. */
const GOAL_NOUNS = '目标|水平|幅度|区间';

type ComparisonWord = { word: string; comparator: Comparator };
const COMPARISONS: ComparisonWord[] = (Object.entries(COMPARATOR_WORDS) as Array<[Comparator, readonly string[]]>)
  .flatMap(([comparator, words]) => words.map((word) => ({ word, comparator })))
  .sort((a, b) => b.word.length - a.word.length);
const CHANGES: ComparisonWord[] = (Object.entries(CHANGE_WORDS) as Array<[Comparator, readonly string[]]>)
  .flatMap(([comparator, words]) => words.map((word) => ({ word, comparator })))
  .sort((a, b) => b.word.length - a.word.length);
const STRONG = byLength(CREATION_VERBS.strong);
const WEAK = byLength(CREATION_VERBS.weak);
const ADVERB_LIST = byLength([...ADVERBS, ...ASPIRATION_WORDS]);
const SCAFFOLD = byLength(LEADING_SCAFFOLD);
const VERBS = [...STRONG, ...WEAK];
const WEAK_LEADERS = [...WEAK_VERB_LEADERS, ...STRONG, ...WEAK];

/**
 * A word list grouped by one UTF-16 unit of each word (its last, or its first), every group
 * in list order. A word can end a text only with the text's own last unit (start it only
 * with its first), so find() over the text's group finds what find() over the whole list
 * finds, after a handful of tries instead of up to a hundred.
 */
type WordGroups<T> = ReadonlyMap<number, readonly T[]>;
function groupWords<T>(items: readonly T[], unit: 'first' | 'last', word: (item: T) => string): WordGroups<T> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const w = word(item);
    if (w === '') throw new Error('An empty word would end and start every text');
    const key = w.charCodeAt(unit === 'first' ? 0 : w.length - 1);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}
const NO_WORDS: readonly never[] = [];
// (Both read only inside the text: a read past its end, NaN, would find no group, but it
// deoptimises the compiled code of every function they are inlined into.)
/** The words of `groups` (grouped by last unit) that may end `text`. */
const mayEnd = <T>(groups: WordGroups<T>, text: string): readonly T[] => (text.length > 0 ? (groups.get(text.charCodeAt(text.length - 1)) ?? NO_WORDS) : NO_WORDS);
/** The words of `groups` (grouped by first unit) that may start `text` at `at`. */
const mayStart = <T>(groups: WordGroups<T>, text: string, at = 0): readonly T[] => (at < text.length ? (groups.get(text.charCodeAt(at)) ?? NO_WORDS) : NO_WORDS);
const itself = (w: string): string => w;
const COMPARISONS_AT_END = groupWords(COMPARISONS, 'last', (c) => c.word);
const CHANGES_AT_END = groupWords(CHANGES, 'last', (c) => c.word);
const ADVERBS_AT_END = groupWords(ADVERB_LIST, 'last', itself);
const ADVERBS_AT_START = groupWords(ADVERB_LIST, 'first', itself);
const VERBS_AT_END = groupWords(VERBS, 'last', itself);
const VERBS_AT_START = groupWords(VERBS, 'first', itself);
const WEAK_AT_START = groupWords(WEAK, 'first', itself);
const WEAK_LEADERS_AT_END = groupWords(WEAK_LEADERS, 'last', itself);
const SCAFFOLD_AT_START = groupWords(SCAFFOLD, 'first', itself);
const SCOPE_WORDS = /^(?:全国|全省|全市|全区|全县|全州|全岛|本市|本区|本县|本省|各区|各市|各县|各地|全社会|其中|每年|年均|累计|共计|合计|共)+/;
/** Predicates of a share that must reach a state: 40%以上的面积[达到]… */
const SCOPE_PREDICATE = /达到|实现|完成|满足|通过|纳入|建成|落实|覆盖|具备|开展|参与|接入|配备|符合|达标|开放|使用|采用|享有|获得|推行|应用|建立/;
/** A list link between two targets: 、 和 及 以及 与. */
const LIST_LINK_END = /\s*(?:、|以及|和|及|与|或)\s*(?:至少|不少于|不低于|超过|约|近|新建|新增|建成|完成)?\s*$/;
const LIST_LINK_START = /^\s*(?:、|以及|和|及|与|或|，)\s*/;
/** After a value that ends its item: punctuation, a list link, a closing bracket or nothing. */
const ITEM_END = new RegExp(`^\\s*(?:$|[、，；。：）)”]|和|及|以及|与|或|等(?!级)|的(?:${GOAL_NOUNS}))`);
const CLAUSE_BREAKS = '，；：。！？,;';
const SENTENCE_BREAKS = '；。！？;';

// ───────────────────────────── clauses ─────────────────────────────

interface Clause {
  start: number;
  end: number;
  text: string;
  sentence: number;
}

/**
 * What splitClauses makes of each UTF-16 unit, built from the lists above: a quote mark is
 * passed over, an opener or closer changes the depth, a break ends a clause (and a sentence).
 * Filled in reverse order of precedence, so a character in two lists (“ opens and is a quote
 * mark) takes the kind the clause scan tests first.
 */
const CLAUSE_BREAK = 1;
const SENTENCE_BREAK = 2;
const CLOSER = 3;
const OPENER = 4;
const QUOTE_MARK = 5;
const CLAUSE_KIND = new Uint8Array(0x10000);
for (const c of CLAUSE_BREAKS) CLAUSE_KIND[c.charCodeAt(0)] = SENTENCE_BREAKS.includes(c) ? SENTENCE_BREAK : CLAUSE_BREAK;
for (const c of CLOSERS) CLAUSE_KIND[c.charCodeAt(0)] = CLOSER;
for (const c of OPENERS) CLAUSE_KIND[c.charCodeAt(0)] = OPENER;
for (const c of QUOTE_MARKS) CLAUSE_KIND[c.charCodeAt(0)] = QUOTE_MARK;

/**
 * The units /\s/ matches (ECMAScript's white space and line terminators), by table: a clause's
 * ends are trimmed without making a one-character string per test (a test holds it to /\s/).
 */
export const SPACE_UNITS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const IS_SPACE = new Uint8Array(0x10000);
for (const c of SPACE_UNITS) IS_SPACE[c.charCodeAt(0)] = 1;

/** A clause that holds quantities: its quantities in order, and its sentence's span. */
interface HeldClause {
  clause: Clause;
  /** From the sentence's first clause's start to its last clause's end. */
  span: Span;
  quantities: Quantity[];
}

/**
 * The clauses between ，；：。！？ outside brackets and quotes, trimmed, that hold the number of
 * one of `quantities` (in order), each with those quantities and its sentence's span. A clause
 * that holds none is only measured, for its sentence's span; the walk ends with the sentence
 * of the last quantity.
 */
export function clausesHolding(p: string, quantities: readonly Quantity[], quotes: ReadonlyArray<readonly [number, number]> = quoteSpans(p)): HeldClause[] {
  const out: HeldClause[] = [];
  let depth = 0;
  let quote = 0;
  let sentence = 0;
  let from = 0;
  let span: Span = { start: 0, end: 0 };
  let spanSentence = -1;
  let cursor = 0;
  const close = (a: number, b: number, s: number): void => {
    let x = a;
    let y = b;
    while (x < y && IS_SPACE[p.charCodeAt(x)] === 1) x++;
    while (y > x && IS_SPACE[p.charCodeAt(y - 1)] === 1) y--;
    if (y <= x) return;
    // One span object per sentence, shared by its held clauses and widened as its clauses close:
    // they are read only once the walk is over, when it reaches the sentence's last clause.
    if (s === spanSentence) span.end = y;
    else {
      span = { start: x, end: y };
      spanSentence = s;
    }
    while (cursor < quantities.length && (quantities[cursor] as Quantity).numberStart < x) cursor++;
    let last = cursor;
    while (last < quantities.length && (quantities[last] as Quantity).numberStart < y) last++;
    if (last === cursor) return;
    out.push({ clause: { start: x, end: y, text: p.slice(x, y), sentence: s }, span, quantities: quantities.slice(cursor, last) });
    cursor = last;
  };
  for (let i = 0; i < p.length; i++) {
    const kind = CLAUSE_KIND[p.charCodeAt(i)] as number;
    if (kind === 0 || kind === QUOTE_MARK) continue;
    if (kind === OPENER) depth++;
    else if (kind === CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      // Inside a quotation a comma does not end the clause: “一处失信，处处受限”. (The spans
      // are in order and i only grows, so the pointer moves on only where it is read.)
      while (quote < quotes.length && (quotes[quote] as readonly [number, number])[1] <= i) quote++;
      const quoted = quote < quotes.length && (quotes[quote] as readonly [number, number])[0] < i;
      if (quoted) continue;
      close(from, i, sentence);
      from = i + 1;
      if (kind === SENTENCE_BREAK) {
        // No quantity left, and no clause after this sentence's end changes its span.
        if (cursor === quantities.length) return out;
        sentence++;
      }
    }
  }
  close(from, p.length, sentence);
  return out;
}

/** Whether offset `at` lies inside a short quoted name: “十四五”, 《…2025》, “3+1+N”. */
function insideQuotes(spans: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  return spans.some(([s, e]) => s < at && at < e && e - s <= 42);
}

// ───────────────────────────── reading what is before a number ─────────────────────────────

interface Governor {
  kind: 'comparator' | 'change' | 'create';
  comparator: Comparator;
  /** Offset (in the clause) where the governing word starts, and where it ends. */
  at: number;
  end: number;
}

/** Peels adverbs and aspiration words off the end of `s`; returns the new end. */
function peelAdverbs(s: string, end: number): number {
  let i = end;
  for (;;) {
    while (i > 0 && /\s/.test(s[i - 1] ?? '')) i--;
    const head = s.slice(0, i);
    const word = mayEnd(ADVERBS_AT_END, head).find((w) => head.endsWith(w));
    if (!word) return i;
    i -= word.length;
  }
}

/** A comparison or change word that ends `pre` (adverbs peeled): 达到, 不低于, 年均增长. */
function comparisonAtEnd(pre: string): Governor | null {
  const end = peelAdverbs(pre, pre.length);
  // 较2020年下降 / 比上年增长: a baseline between the change and the value is skipped later.
  const head = pre.slice(0, end);
  const comparison = mayEnd(COMPARISONS_AT_END, head).find((c) => head.endsWith(c.word) && !COMPARATOR_NOT_AFTER[c.word]?.test(head.slice(0, -c.word.length)));
  if (comparison) {
    // 每年降低不少于1个百分点: a change word before the comparison word wins.
    const before = peelAdverbs(pre, end - comparison.word.length);
    const beforeComparison = pre.slice(0, before);
    const change = mayEnd(CHANGES_AT_END, beforeComparison).find((c) => beforeComparison.endsWith(c.word));
    if (change && comparison.comparator !== 'approx' && !/[到至在]$/.test(comparison.word)) {
      return { kind: 'change', comparator: change.comparator, at: before - change.word.length, end };
    }
    return { kind: 'comparator', comparator: comparison.comparator, at: end - comparison.word.length, end };
  }
  const change = mayEnd(CHANGES_AT_END, head).find((c) => head.endsWith(c.word));
  if (change) return { kind: 'change', comparator: change.comparator, at: end - change.word.length, end };
  return null;
}

/** Where the indicator ends before a comparison word: past 达到约, 分别达到, 均高于 too. */
function indicatorEnd(pre: string, at: number): number {
  let end = at;
  for (;;) {
    const peeled = peelAdverbs(pre, end);
    const head = pre.slice(0, peeled);
    const word = mayEnd(COMPARISONS_AT_END, head).find((c) => head.endsWith(c.word) && c.word.length > 1);
    if (!word) return peeled;
    end = peeled - word.word.length;
  }
}

/** Organ names and words that hold a verb but are none: masked before verbs are looked for. */
const PROTECTED_RE = new RegExp(`${ORGAN_WITH_VERB.source}|${byLength(NOT_VERB_WORDS).join('|')}`, 'g');

function maskProtected(s: string): string {
  return s.replace(PROTECTED_RE, (m) => '□'.repeat(m.length));
}

/** The creation verb that governs a number at the end of `pre`, if any. */
function creationVerb(original: string): Governor | null {
  const pre = maskProtected(original);
  // Directly before the number (adverbs peeled): strong or weak.
  const end = peelAdverbs(pre, pre.length);
  const head = pre.slice(0, end);
  const direct = mayEnd(VERBS_AT_END, head).find((v) => head.endsWith(v));
  if (direct && (STRONG.includes(direct) || weakGoverns(head.slice(0, -direct.length)))) {
    return { kind: 'create', comparator: 'eq', at: end - direct.length, end };
  }
  // Otherwise the first strong verb before it, outside quotes: 新建绿地35万平方米, 完成崇明岛8座水闸的续建.
  let best = firstStrongVerb(pre);
  // A weak verb at the clause start (建设5个…, 保护…) also governs.
  if (!best) {
    const lead = stripLead(pre);
    const weak = mayStart(WEAK_AT_START, lead.text).find((v) => lead.text.startsWith(v));
    if (weak) best = { kind: 'create', comparator: 'eq', at: lead.offset, end: lead.offset + weak.length };
  }
  return best;
}

/** A word as a regular expression that matches it as printed. */
const escapeWord = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The strong verbs as one alternation, longest first: one regex pass finds the first. */
const STRONG_RE = new RegExp(STRONG.map(escapeWord).join('|'), 'g');

/** The first strong creation verb of a text, outside quotes. */
function firstStrongVerb(pre: string): Governor | null {
  const quoted = quoteSpans(pre);
  // (exec from the start, not matchAll: matchAll copies the regex and makes an iterator on every call.)
  STRONG_RE.lastIndex = 0;
  for (let m = STRONG_RE.exec(pre); m !== null; m = STRONG_RE.exec(pre)) {
    const i = m.index;
    if (!quoted.some(([a, b]) => a < i && i < b)) return { kind: 'create', comparator: 'eq', at: i, end: i + m[0].length };
  }
  return null;
}

function weakGoverns(before: string): boolean {
  const b = before.trimEnd();
  return b === '' || mayEnd(WEAK_LEADERS_AT_END, b).some((x) => b.endsWith(x)) || LEADING_DEADLINE.test(b);
}

/** Strips deadlines, aspiration and (unless `keepScope`) scope words from the start of a clause fragment. */
function stripLead(s: string, keepScope = false): { text: string; offset: number } {
  let text = s;
  for (;;) {
    const before = text;
    text = text.replace(/^[\s、，]+/, '');
    const deadline = LEADING_DEADLINE.exec(text);
    if (deadline?.[0]) text = text.slice(deadline[0].length);
    const word = mayStart(SCAFFOLD_AT_START, text).find((w) => text.startsWith(w)) ?? mayStart(ADVERBS_AT_START, text).find((w) => w.length > 1 && text.startsWith(w));
    if (word) text = text.slice(word.length);
    const scope = keepScope ? null : SCOPE_WORDS.exec(text);
    if (scope?.[0]) text = text.slice(scope[0].length);
    if (text === before) break;
  }
  return { text, offset: s.length - text.length };
}

// ───────────────────────────── indicators ─────────────────────────────

const MID_SCAFFOLD = /(?:使(?!用|命)|确保|力争|争取|努力|力求|实现(?!率|值))/g;

/** `keepPredicate`: the indicator is a scope and the state it reaches (建筑业企业实现数字化转型), so 实现 stays. */
function cleanIndicator(raw: string, keepPredicate = false): string {
  // (Each replace below that needs a word the text lacks is not run: it would change nothing.)
  let s = (raw.includes('以下简称') ? raw.replace(/[（(]以下简称[^）)]*[）)]/g, '') : raw).trim().replace(/^的/, '');
  let lastMid = -1;
  if (!keepPredicate) {
    // (exec from the start, not matchAll: matchAll copies the regex and makes an iterator on every call.)
    MID_SCAFFOLD.lastIndex = 0;
    for (let m = MID_SCAFFOLD.exec(s); m !== null; m = MID_SCAFFOLD.exec(s)) if (m.index + m[0].length < s.length) lastMid = m.index + m[0].length;
  }
  if (lastMid > 0) s = s.slice(lastMid);
  s = stripLead(s, true).text;
  // (从事, 对象, 以及, 在线, 由于 are words, not a preposition before the indicator.)
  s = s.replace(/^(?:按照|依照|对于|关于|在(?!线)|对(?![外象标])|将(?!来)|把|由(?!于)|从(?!事)|以(?![及上下来]))(?=[\u4e00-\u9fff\d“])/, '');
  s = s.replace(/^(?:其中|每年|年均|累计|共计|合计)/, '');
  // Trailing adverbs (年均, 累计, 分别) and a baseline (较2020年, 比上年).
  // 行政村通宽带（…，下同）比例: a bracket closed but opened before the clause began leaves its tail.
  const stray = s.lastIndexOf('）');
  if (stray >= 0 && s.lastIndexOf('（', stray) < 0) s = s.slice(stray + 1);
  // 城镇污水处理能力由12万吨/天（提高至…）: the baseline is not part of the name.
  if (s.includes('由') || s.includes('从')) s = s.replace(/(?:由(?!于)|从(?!事))[^，。；由从]{1,20}$/, '');
  for (;;) {
    const before = s;
    if (s.includes('较') || s.includes('比')) s = s.replace(/(?:较|比)(?:\d{4}年(?:底|末)?|上年|去年|上一年度?|基期|基准年|“十[一二三四五六七八九]五”(?:末|初))$/, '');
    s = s.replace(/[\s、，：]+$/, '');
    const w = mayEnd(ADVERBS_AT_END, s).find((x) => x.length > 1 && s.endsWith(x) && s.length > x.length);
    if (w) s = s.slice(0, -w.length);
    // 合格率均 / 合格率都: the single-character 均 after a measurable noun.
    else if (/[均都]$/.test(s) && METRIC_SUFFIXES.some((x) => s.slice(0, -1).endsWith(x))) s = s.slice(0, -1);
    if (s === before) break;
  }
  if (s.startsWith('“') && s.endsWith('”') && !s.slice(1, -1).includes('“')) s = s.slice(1, -1);
  return s.trim();
}

/** The noun counted after a number: 建成6座[调蓄工程]; stops at a list link before the next number. */
function nounAfter(text: string, from: number, nextNumber: number): { noun: string; end: number } {
  const upToNext = text.slice(from, nextNumber);
  const link = LIST_LINK_END.exec(upToNext);
  let segment = link && nextNumber < text.length ? upToNext.slice(0, link.index) : text.slice(from);
  // A list link right after the number: the noun came before it (“地理标志产品”5个、…).
  if (/^\s*(?:、|和|及|与|或|以及)/.test(segment)) return { noun: '', end: from };
  const stop = POST_NOUN_STOP.exec(segment);
  if (stop) segment = segment.slice(0, stop.index);
  // 10个左右特色鲜明、创新力强的未来产业集群: a 、 inside the noun's modifiers (a 的 follows) does not end it.
  let listed = indexOutside(segment, '、，；。');
  const clauseEnd = indexOutside(segment, '，；。');
  // 50个人工智能通用、垂直领域大模型产品: conjuncts with no value of their own share the count's head noun.
  const conjuncts = segment.slice(listed, clauseEnd < 0 ? segment.length : clauseEnd);
  if (listed >= 0 && segment[listed] === '、' && (conjuncts.includes('的') || !scanQuantities(conjuncts).some((q) => q.form === 'number'))) listed = clauseEnd;
  if (listed >= 0) segment = segment.slice(0, listed);
  const end = from + segment.length;
  const noun = segment
    .replace(/^(?:的|个|座|家)/, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/等$/, '')
    .trim();
  return { noun: noun.startsWith('“') && noun.endsWith('”') ? noun.slice(1, -1) : noun, end };
}

/** Verbs that provide what a value then sizes: 设立总规模不少于100亿元的基金, 提交每车不低于500万元的保险凭证. */
const PROVIDE = /(?:设立|提交|提供|配备|设置|建立|组建|发起|投保|购买|出具|安排)/g;

/**
 * The indicator of a value that sizes the noun after it (不少于N的X): X with the measure
 * named before the value — 设立总规模不少于100亿元的专项基金 → 专项基金总规模, 每车不低于500万元的
 * 保险凭证 → 每车保险凭证. Without a providing verb or 每, the words before the value name it.
 */
function measuredIndicator(before: string, noun: string): string {
  if (!noun) return before;
  const each = /每[\u4e00-\u9fff]{1,3}$/.exec(before);
  if (each && !/[的]/.test(each[0])) return `${each[0]}${noun}`;
  let end = -1;
  for (const m of before.matchAll(PROVIDE)) end = (m.index ?? 0) + m[0].length;
  if (end < 0) return before;
  const measure = cleanIndicator(before.slice(end));
  return measure.startsWith('每') ? `${measure}${noun}` : `${noun}${measure}`;
}

/** "A和B" names two indicators when every part ends like a measurable noun. */
function splitIndicators(s: string): string[] {
  const parts = s.split(/、|以及|和|与|及/).map((x) => x.trim());
  if (parts.length < 2 || parts.some((x) => x.length < 2)) return [s];
  return parts.every((x) => METRIC_SUFFIXES.some((suffix) => x.endsWith(suffix))) ? parts : [s];
}

// ───────────────────────────── the extractor ─────────────────────────────

interface Chain {
  comparator: Comparator;
  percent: boolean;
  /** The previous target's noun followed its number (建成6座调蓄工程). */
  nounAfter: boolean;
  indicator: string;
  /** The previous target was an amount of money (营收突破2.2万亿元). */
  money: boolean;
}

/** What is carried from one quantity to the next within a sentence. */
interface SentenceState {
  chain: Chain | null;
  /** 分别: indicators still waiting for their values. */
  queue: string[];
  /** 建成1000亩以上开放休闲林地5个: the count after a qualified noun, with its governor and noun. */
  pending: { at: number; comparator: Comparator; indicator: string } | null;
}

/** What the rules see of one quantity. */
interface Site {
  q: Quantity;
  clause: Clause;
  /** The clause text, and offsets in it: the quantity, its end, the next quantity's start. */
  text: string;
  at: number;
  qEnd: number;
  nextAt: number;
  next: Quantity | undefined;
  /** The clause before the quantity, from where an indicator may still be named (list link stripped). */
  pre: string;
  /** The clause before the quantity, from its start. */
  clausePre: string;
  after: string;
  sentence: string;
  sentenceBefore: string;
  /** The paragraph before the quantity (a colon's announcement governs up to the next 。). */
  paragraphBefore: string;
  /** The paragraph after the quantity's clause. */
  paragraphAfter: string;
  context: TargetContext;
  state: SentenceState;
  /** A regulation or a norm (应当, 不得): a requirement. */
  norm: boolean;
  /** A regulation or an obligation (应当, 须): a time limit binds. */
  obliged: boolean;
  timeUnit: boolean;
  bound: Quantity['bound'];
  quotes: ReadonlyArray<readonly [number, number]>;
  /** The paragraph being read: its deadlines are found only when a rule asks for them (deadlinesOf). */
  read: ParagraphRead;
  sentenceStart: number;
  /** The clause names a fine or a sanction (罚款, 处以): none of its quantities is a target. */
  penalty: boolean;
}

interface Reading {
  rule: AcceptRule;
  comparator: Comparator;
  indicators: string[];
  /** The counted noun follows the number (建成6座[调蓄工程]). */
  nounFollows: boolean;
  /** Clause offset up to which the text is used by this target. */
  consumedTo: number;
}

const isPercent = (unit: string | null): boolean => unit !== null && PERCENT_UNITS.has(unit);
const isMoney = (unit: string | null): boolean => unit !== null && MONEY_UNITS.has(unit.replace(/^[万亿千百]+/, ''));

/** Comparator precedence: a change > a range > 左右/约 > 以上/以下 > 余/多 > symbol > the governing word > fallback. */
function comparatorOf(s: Site, governor: Comparator | null, change = false): Comparator {
  if (change && governor) return governor;
  if (s.q.valueHigh !== null) return 'range';
  if (s.bound === 'approx' || governor === 'approx') return 'approx';
  if (s.bound) return s.bound;
  if (s.q.more) return 'gt';
  if (s.q.symbol) return s.q.symbol;
  return governor ?? 'eq';
}

/** The words of a limit in a regulation's clause: 不少于, 以内, 至少, 每…, 达到…. */
const REGULATION_LIMIT = /以上|以下|以内|之内|内|不得|不少于|不低于|不超过|不高于|不小于|不大于|不应|至少|最多|最少|最高|最低|超过|低于|高于|少于|多于|达到|达|每|控制在|限于|为期|期限|左右|约/;

/** Nouns of entities a threshold picks out (企业, 项目, 人员…), not things to be provided. */
const ENTITY_NOUN = /(?:企业|单位|机构|主体|项目|园区|基地|城市|地区|学校|医院|人员|个人|家庭|群体|车辆|用户|公司|商户|农户|社区|村)(?:[\u4e00-\u9fff]{0,4})$/;

/** 控制在5%以内的目标, 保持在6%左右的水平: the value is the goal or level itself, not a qualifier. */
const GOAL_NOUN_AFTER = new RegExp(`^的(?:${GOAL_NOUNS})`);
/** After a value's noun: the thing so specified is to be made, used or reached. */
const SPEC_PREDICATE = /^的[^，；。]{1,24}?(?:实现(?:量产|商用|应用|产业化)|投入(?:使用|运营)|进入市场)/;


/** Verbs that, right after a value, say what is done to that much: 对其中约24公里[进行]修复, 100%[移交]接管. */
const ACTION_AFTER = /^(?:的)?(?:进行|实施|开展|完成|实现|达到|达标|纳入|接入|覆盖|移交|接管|改造|修复|整治|治理|清淤|建成|建设|落实|通过|满足|参与|配备|使用|采用|享有|获得|推行|应用|开放|具备|符合|提质增效)/;
/** A negation before a predicate makes it no commitment: 未覆盖的地区. */
const NEGATED = /[未不没非]\s*(?:覆盖|达到|达标|纳入|实现|完成)/;

/** Whether a text (after a count) opens with a structural noun: 五个[方面]. */
const startsWithStructuralNoun = (text: string): boolean => STRUCTURAL_NOUNS.some((n) => text.startsWith(n));

/** Whether `at` lies inside a round bracket of at most 30 characters with no comma in it. */
function inShortBracket(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  // (With no opening bracket up to `at`, the depth there is 0: it is not counted.)
  if (open < 0 || depthAt(text, at, ROUND_OPEN, ROUND_CLOSE) === 0) return false;
  const closes = [text.indexOf('）', at), text.indexOf(')', at)].filter((i) => i >= 0);
  const close = closes.length ? Math.min(...closes) : text.length;
  const inner = text.slice(open + 1, close);
  return inner.length <= 30 && !/[，,]/.test(inner);
}

// ── rules that rule a quantity out, in order ──

const REJECTIONS: ReadonlyArray<readonly [RejectRule, (s: Site) => boolean]> = [
  ['quoted-name', (s) => insideQuotes(s.quotes, s.q.numberStart)],
  // （嘉定新城5个、其他区域4个）, 远香湖南（4.73平方公里）: a short bracket holds a breakdown or a
  // specification, not a commitment (a bracketed sentence with commas is read as any other).
  ['scope-count', (s) => inShortBracket(s.text, s.at)],
  // 每5年修订1次: the period is the target, its 一次 is not.
  ['once-per-period', (s) => s.q.value === 1 && s.q.unit === '次' && PERIOD_BEFORE_ONCE.test(s.clausePre)],
  ['ordinal', (s) => /(?:第|前|排名|位列|跻身|进入)\s*$/.test(s.pre) || /^(?:强|名(?!单))/.test(s.after)],
  // 支持年产值超过1000万元的企业: a threshold picks out entities; the value is not theirs to reach.
  [
    'qualifier',
    (s) =>
      !COUNT_UNITS.has(s.q.unit ?? '') &&
      s.after.startsWith('的') &&
      !GOAL_NOUN_AFTER.test(s.after) &&
      comparisonAtEnd(s.pre)?.kind === 'comparator' &&
      ENTITY_NOUN.test(nounAfter(s.text, s.qEnd, s.nextAt).noun),
  ],
  // 申报条件 二、上一年度…面积超过300平方米: what an applicant must meet to be supported.
  ['qualifier', (s) => s.context.eligibility === true],
  // 对…超过10家的贯标服务机构给予100万元奖励: the condition of a reward.
  ['qualifier', (s) => /^[^，；。]{0,30}?的[^，；。]{0,20}?(?:给予|予以|奖励|补助|补贴)/.test(s.after)],
  // 按照每个正式员工不超过10平方米的标准，给予…补贴: the measure of a subsidy.
  ['qualifier', (s) => /^的标准/.test(s.after) && FUNDING_WORDS.some((w) => s.paragraphAfter.includes(w))],
  // 无超速50%以上…等严重交通违法行为记录: the number defines an offence.
  ['qualifier', (s) => /无[^，；。]{0,12}$/.test(s.clausePre) && /^[^，；。]{0,40}?(?:记录|行为|情形)/.test(s.after)],
  // …人员数量达到企业职工人数25%的，可申请; 对…10辆及以上的，…可抽查: the clause states a condition.
  ['qualifier', (s) => /^[^，；。]*的$/.test(s.after) && /^[，,]\s*(?:可|可以|由|应|须|给予|予以|按|依法|经|视为|不予|免予)/.test(s.paragraphAfter)],
  // 主要有充电站和充电桩两种, 归纳为26个, 分为三类: an enumeration of what exists.
  ['structural-count', (s) => /(?:分为|归纳为|划分为|分成|包括|主要有|共有|概括为)[^，。；]{0,30}$/.test(s.clausePre) && !creationVerb(s.pre)],
  ['penalty', (s) => s.penalty],
  ['subsidy-amount', (s) => isMoney(s.q.unit) && FUNDING_WORDS.some((w) => s.sentence.includes(w))],
  ['past-result', (s) => s.context.past === true || pastBefore(s.sentenceBefore, s.clausePre) || earlierPeriod(s) || (s.context.retrospective === true && !speaksOfFuture(s))],
  ['status-quo', (s) => statusQuo(s.sentence, s.read, s.sentenceStart, s.context.documentYear ?? null) || stateBefore(s.clausePre)],
  // 由12万吨/天提高至24万吨/天: the first value is where the change starts.
  [
    'baseline',
    (s) =>
      /(?:由|从)\s*$/.test(s.pre) ||
      /^\s*[，,]?\s*(?:(?:提高|提升|增加|增长|扩大|下降|降低|减少|压减|缩短|上升)(?:到|至|为)|调整为|→)/.test(s.after),
  ],
  [
    'structural-count',
    (s) => s.q.unit !== null && /^(?:个|项|大|类|条)$/.test(s.q.unit) && startsWithStructuralNoun(s.after.replace(/^[\u4e00-\u9fff]{0,2}?(?=方面|领域)/, '')),
  ],
  // 五个新城内 / 五个新城各…, 区建设管理委、…、区规划资源局三家: the count names a scope already known.
  [
    'scope-count',
    (s) =>
      s.q.unit !== null &&
      /^(?:个|家|座|所)$/.test(s.q.unit) &&
      /^[\u4e00-\u9fff“”]{1,6}(?:内|范围内|区域内|各|均|都)(?![容涵心部])/.test(s.after) &&
      !creationVerb(s.pre),
  ],
  // 国家开发银行等9家承贷银行: 等 before a count sums what was just named (unless it is built: 建设A、B等5个园区).
  ['scope-count', (s) => /等\s*$/.test(s.pre) && !creationVerb(s.pre)],
  // 区建设管理委、区住房保障房屋管理局、区规划资源局三家: counts the organs just listed.
  ['scope-count', (s) => /、[^、，]{2,16}$/.test(s.pre) && isUnitName(/([^、，]{2,16})$/.exec(s.pre)?.[1] ?? '')],
];

// ── rules that read a quantity as a target, in order ──

/** 建成1000亩以上开放休闲林地[5个]: the count a qualified noun was waiting for. */
function readPending(s: Site): Reading | null {
  const p = s.state.pending;
  if (!p || p.at !== s.q.start) return null;
  return { rule: 'created-count', comparator: comparatorOf(s, p.comparator), indicators: [p.indicator], nounFollows: true, consumedTo: s.qEnd };
}

function readSymbol(s: Site): Reading | null {
  if (!s.q.symbol) return null;
  return { rule: 'symbol', comparator: comparatorOf(s, s.q.symbol), indicators: [cleanIndicator(s.pre)], nounFollows: false, consumedTo: s.qEnd };
}

function readComparison(s: Site): Reading | null {
  let comparison = comparisonAtEnd(s.pre);
  let pre = s.pre;
  // 不少于计划量的15%, 不少于备案总量50%: a comparison, then the base a share is of.
  if (!comparison && isPercent(s.q.unit)) {
    for (let cut = s.pre.length - 1; !comparison && cut >= Math.max(0, s.pre.length - 12); cut--) {
      const found = comparisonAtEnd(s.pre.slice(0, cut));
      if (found && !/[，、和与及]/.test(s.pre.slice(cut))) {
        comparison = found;
        pre = s.pre.slice(0, cut);
      }
    }
  }
  if (!comparison) return null;
  const change = comparison.kind === 'change';
  // 提升百个大公共空间: a change verb before a count with its noun is a creation, not a change.
  if (change && !isPercent(s.q.unit) && /^[\u4e00-\u9fff“]/.test(s.after) && !/^(?:以上|以下|左右)/.test(s.after)) return null;
  let indicators = [cleanIndicator(pre.slice(0, indicatorEnd(pre, comparison.at)))];
  let nounFollows = false;
  let consumedTo = s.qEnd;
  // 不少于40块户外广告, 至少1个科创园区: the counted noun follows the number (a measure's noun is
  // what it describes: 过载点达到135dB的声学传感器).
  if (!isPercent(s.q.unit) && /^[\u4e00-\u9fff“]/.test(s.after)) {
    const n = nounAfter(s.text, s.qEnd, s.nextAt);
    const measured = !COUNT_UNITS.has(s.q.unit ?? '') && s.after.startsWith('的');
    // 产值超过1000万元的企业 names which entities; 不少于100亿元的专项基金, 至少90秒的数据 size what is provided.
    if (measured && ENTITY_NOUN.test(n.noun)) return null;
    if (n.noun) {
      indicators = measured && indicators[0] ? [measuredIndicator(indicators[0], cleanIndicator(n.noun))] : [cleanIndicator(`${indicators[0] ?? ''}${n.noun}`) || cleanIndicator(n.noun)];
      nounFollows = true;
      consumedTo = n.end;
    }
  }
  // 省级…可办率不低于90%，市、县级不低于70%: a level alone names the same indicator at that level.
  const level = indicators[0] ?? '';
  if (s.state.chain && /^(?:[省市县区乡镇村、]{1,6}级|城市|农村|城镇|乡村|中心城区|郊区)$/.test(level)) {
    indicators = [`${level}${s.state.chain.indicator.replace(/^(?:全省|全市|全区|全国|国家级|省级|市级|县级|区级|省|市|县|区)/, '')}`];
  }
  // 确保达到120MW，力争达到180MW: the same indicator again, at another level.
  if (indicators[0] === '' && s.state.chain && /^(?:确保|力争|争取|努力|力求)/.test(s.pre.trim())) indicators = [s.state.chain.indicator];
  // 城镇污水处理能力由12万吨/天，提高至24万吨/天: the indicator stands before the baseline.
  if (indicators[0] === '') {
    const from = /([^，。；：]{2,40}?)(?:由|从)[^，。；]{1,20}[，,]\s*$/.exec(s.sentenceBefore.slice(0, s.sentenceBefore.length - s.clausePre.length));
    if (from?.[1]) indicators = [cleanIndicator(from[1])];
  }
  // 营收突破2.2万亿元，年均增长10%以上: the growth of the amount just stated.
  if (indicators[0] === '' && change && s.state.chain && !s.state.chain.percent && (s.state.chain.money || METRIC_SUFFIXES.some((x) => s.state.chain?.indicator.endsWith(x)))) {
    indicators = [s.state.chain.indicator];
  }
  return { rule: change ? 'change' : 'comparator', comparator: comparatorOf(s, comparison.comparator, change), indicators, nounFollows, consumedTo };
}

/** Work named after the value: 加快城桥镇24公里污水管工程建设, 推进…350公里供水管网更新改造. */
const WORK_AT_END = /(?:建设|改造|整治|治理|修复|新建|续建|改建|扩建|提标改造|更新改造|达标建设|清淤疏浚|贯通|提升改造|改造提升)(?:工程|项目|任务)?$/;

function readCreation(s: Site): Reading | null {
  // 认定后5个工作日内提交: a span with 内 is a time limit, never a count created.
  if (s.timeUnit && s.bound === 'lte') return null;
  let creation = creationVerb(s.pre);
  if (!creation) {
    const n = nounAfter(s.text, s.qEnd, s.nextAt);
    // The work named must follow the count, not run on past the next value (56人以上大班额比例控制在5%以内…建设).
    if (isPercent(s.q.unit) || !WORK_AT_END.test(n.noun) || stripLead(s.pre).text.length > 12 || n.end > s.nextAt) return null;
    return { rule: 'created-count', comparator: comparatorOf(s, 'eq'), indicators: [cleanIndicator(`${stripLead(s.pre).text}${n.noun}`)], nounFollows: true, consumedTo: n.end };
  }
  // 完成应急避难场所建设144.45万平方米: a verb right before the number that leaves no noun
  // (建设 ends the noun) yields to the first verb of the clause.
  if (creation.end >= s.pre.trimEnd().length && !/^[\u4e00-\u9fff“]/.test(s.after)) creation = firstStrongVerb(maskProtected(s.pre)) ?? creation;
  // 新增保护地理标志产品120个, 建设和提升百个: verbs right after the governing one belong to it.
  const unstripped = s.pre.slice(creation.end);
  let gapText = unstripped;
  for (let v = leadingVerb(gapText); v; v = leadingVerb(gapText)) gapText = gapText.slice(v.length);
  // 推进达标建设68.94公里: when the verbs are all there is, they name the work.
  if (cleanIndicator(gapText) === '' && !/^[\u4e00-\u9fff“]/.test(s.after)) gapText = unstripped;
  const gap = cleanIndicator(gapText);
  // 至少建设一所…学校: a minimum before the verb bounds the count.
  const governor = MINIMUM_BEFORE_VERB.test(s.pre.slice(0, creation.at)) ? 'gte' : 'eq';
  if (!isPercent(s.q.unit)) {
    const n = nounAfter(s.text, s.qEnd, s.nextAt);
    const noun = cleanIndicator(n.noun);
    if (noun) {
      const indicator = gap && !/^(?:其中|每年|全区|全市)$/.test(gap) ? `${gap}${noun}` : noun;
      return { rule: 'created-count', comparator: comparatorOf(s, governor), indicators: [indicator], nounFollows: true, consumedTo: n.end };
    }
  }
  if (!gap) return null;
  return { rule: 'created-count', comparator: comparatorOf(s, governor), indicators: [gap], nounFollows: false, consumedTo: s.qEnd };
}

/** A creation verb right before the value, adverbs aside: 完成2000万平方米以上的…, 建成一批100公顷以上的…. */
function createdRightBefore(pre: string): boolean {
  const verb = creationVerb(pre);
  if (!verb) return false;
  const rest = pre.slice(verb.end).replace(/^(?:一批|一系列|了)/, '');
  return peelAdverbs(rest, rest.length) === 0;
}

/** 至少 / 不少于 right before a creation verb: 至少建设一所, 不少于新建3个. */
const MINIMUM_BEFORE_VERB = /(?:至少|最少|不少于|不低于)\s*$/;

function leadingVerb(original: string): string | undefined {
  const text = maskProtected(original);
  const link = /^(?:和|及|并|与|或)/.exec(text)?.[0] ?? '';
  // Stripped only when what is left is nothing or a noun of two characters or more (保护区 stays).
  const verb = mayStart(VERBS_AT_START, text, link.length).find((w) => text.startsWith(w, link.length) && text.length !== link.length + w.length + 1);
  return verb ? link + verb : undefined;
}

/** 80%以上城市建成区达到…, 确保新建住宅100%移交接管, 对其中的约24公里进行修复: a share or an amount of a scope that must reach a state. */
function readShareOfScope(s: Site): Reading | null {
  // A span of time is a duration or a limit, never a share of a scope.
  if (s.timeUnit) return null;
  // 营业收入5000万元以上的企业…: an amount with a bound before a noun sets who is meant.
  if (s.q.bound && (isMoney(s.q.unit) || (s.after.startsWith('的') && s.q.unit !== null && !isPercent(s.q.unit) && !COUNT_UNITS.has(s.q.unit)))) return null;
  const n = nounAfter(s.text, s.qEnd, s.nextAt);
  const lead = stripLead(s.pre);
  const acting = ACTION_AFTER.test(s.after);
  if (NEGATED.test(n.noun)) return null;
  // 1亿元以上规上工业企业研发机构覆盖率达到70%: the noun has its own comparison and value; the first value is its scope.
  if (s.next && s.nextAt < n.end && comparisonAtEnd(s.text.slice(s.qEnd, s.nextAt))?.kind === 'comparator') return null;
  if (!acting && !(SCOPE_PREDICATE.test(n.noun) && (lead.text === '' || /[区中内域镇村县市省]$/.test(lead.text) || lead.text.length <= 12))) return null;
  const indicator = cleanIndicator(`${lead.text.replace(/^(?:对|将|把)/, '')}${n.noun.replace(/^的/, '')}`, true);
  return { rule: 'share-of-scope', comparator: comparatorOf(s, null), indicators: [indicator], nounFollows: true, consumedTo: n.end };
}

/** 具有3年以上驾驶经历, 具备2名以上专职人员: what a norm requires one to have. */
function readPossession(s: Site): Reading | null {
  if (!s.norm || !s.q.bound || s.q.bound === 'approx' || !/(?:具有|具备|取得|持有|拥有|配备|配有)\s*$/.test(s.pre)) return null;
  const n = nounAfter(s.text, s.qEnd, s.nextAt);
  if (!n.noun) return null;
  return { rule: 'comparator', comparator: s.q.bound, indicators: [cleanIndicator(n.noun)], nounFollows: true, consumedTo: n.end };
}

/** 合格率95%以上: the indicator before, a bound after. */
function readBound(s: Site): Reading | null {
  if (!(s.bound || s.q.more) || s.pre.trim() === '') return null;
  return { rule: 'bound', comparator: comparatorOf(s, null), indicators: [cleanIndicator(s.pre)], nounFollows: false, consumedTo: s.qEnd };
}

/** 应在5个工作日内上报, 15分钟内到场: a time limit (短 spans anywhere, longer ones where an obligation sets them). */
function readTimeLimit(s: Site): Reading | null {
  if (!s.timeUnit || s.bound !== 'lte') return null;
  const short = /^(?:分钟|小时|个小时|工作日|个工作日|日|天|秒)$/.test(s.q.unit ?? '');
  if (!s.obliged && !(short && /^内\s*(?:[\u4e00-\u9fff]|$)/.test(s.after))) return null;
  // 承检机构应当在收到样品之日起15个工作日内出具检验报告: who, and what they must do in time.
  const n = nounAfter(s.text, s.qEnd + (s.after.startsWith('内') ? 1 : 0), s.nextAt);
  const who = s.pre.replace(/(?:应当|应|须|必须)?(?:在|于|自)?[^，。；]*?(?:之日起|后|起)?$/, '').replace(/(?:应当|应|须|必须)$/, '');
  const action = cleanIndicator(n.noun);
  return { rule: 'time-limit', comparator: 'lte', indicators: [cleanIndicator(`${who}${action}`) || cleanIndicator(s.pre)], nounFollows: false, consumedTo: s.qEnd };
}

/** 应每7个月提交报告, 每5年修订1次专业目录: a frequency set by a norm, or a period stated with its 一次. */
function readFrequency(s: Site): Reading | null {
  if (!s.timeUnit || !/每\s*$/.test(s.pre)) return null;
  const once = ONCE_AFTER.exec(s.after);
  if (!s.obliged && !once) return null;
  // What is done each period (the rest of the clause), without its 一次: 修订职业院校专业目录;
  // 向…主管部门提交阶段性测试报告: the addressee is not what is done.
  const done = (once ? s.after.replace(ONCE_AFTER, (m) => m.replace(/(?:1|一)次$/, '')) : s.after).replace(ADDRESSEE, '');
  const indicator = cleanIndicator(done);
  if (!indicator) return null;
  return { rule: 'frequency', comparator: 'eq', indicators: [indicator], nounFollows: true, consumedTo: once ? s.qEnd : s.text.length };
}

/** An addressee before the verb: 向…主管部门, 对…单位. */
const ADDRESSEE = /^(?:向|对|给|为)[^，。；]*(?:部门|单位|机构|机关|政府|中心|委员会)/;
/** The 一次 of a period: 每5年修订1次. */
const ONCE_AFTER = /^[\u4e00-\u9fff]{0,6}?(?:1|一)次/;
/** A period right before the words and the 一次 it times: 每5年修订. */
const PERIOD_BEFORE_ONCE = /每\s*(?:\d+|[一二两三四五六七八九十]+)?\s*(?:个)?(?:年|月|季度|周|天|日|小时|工作日)[\u4e00-\u9fff]{0,6}$/;

/** 分别达到95%和90%: the values in order for the queued indicators. */
function readRespectively(s: Site): Reading | null {
  const chain = s.state.chain;
  if (s.state.queue.length === 0 || !chain || isPercent(s.q.unit) !== chain.percent || !ITEM_END.test(s.after)) return null;
  return { rule: 'respectively', comparator: comparatorOf(s, chain.comparator), indicators: [s.state.queue.shift() as string], nounFollows: false, consumedTo: s.qEnd };
}

/** A list of targets goes on: …600家，国家地理标志保护示范区5家; 建设5个A和10个B; …达到90%，人均公园绿地面积6.2平方米. */
function readContinuation(s: Site): Reading | null {
  const chain = s.state.chain;
  if (!chain || isPercent(s.q.unit) !== chain.percent) return null;
  const item = stripLead(s.pre).text;
  // A bare count continues as a plain count, whatever governed the total; a change stays a change.
  const comparator = comparatorOf(s, chain.comparator === 'increase' || chain.comparator === 'decrease' ? chain.comparator : 'eq', chain.comparator === 'increase' || chain.comparator === 'decrease');
  if (chain.nounAfter && !isPercent(s.q.unit) && item.length <= 4) {
    const n = nounAfter(s.text, s.qEnd, s.nextAt);
    if (n.noun) return { rule: 'list-continuation', comparator, indicators: [cleanIndicator(n.noun)], nounFollows: true, consumedTo: n.end };
  }
  if (item !== '' && item.length <= 30 && ITEM_END.test(s.after) && !/[，]/.test(item)) {
    return { rule: 'list-continuation', comparator, indicators: [cleanIndicator(s.pre)], nounFollows: false, consumedTo: s.qEnd };
  }
  return null;
}

/** A goals part lists an indicator and its value with no verb: 人均公园绿地面积6.2平方米. */
function readGoalItem(s: Site): Reading | null {
  // A goals part, a sentence that announces its goals (主要预期目标是：…；城镇新增就业900万人；…) or
  // one that opens with a deadline ahead (到2025年，…各级各类学校22所).
  // (The item is tested first: the paragraph's deadlines are then found only for a value that could be one.)
  if (!ITEM_END.test(s.after) || s.pre.trim() === '' || stripLead(s.pre).text.length > 30) return null;
  const goals = s.context.goals === true || deadlineAhead(s) || /(?:目标|指标)(?:是|为|如下)?[：:][^。！？]*$/.test(s.paragraphBefore);
  if (!goals) return null;
  return { rule: 'list-continuation', comparator: comparatorOf(s, 'eq'), indicators: [cleanIndicator(s.pre)], nounFollows: false, consumedTo: s.qEnd };
}

/** Whether the value's sentence opens with a deadline ahead of the document (到2025年，…), before the value. */
function deadlineAhead(s: Site): boolean {
  return deadlinesOf(s.read).some((d) => d.start >= s.sentenceStart && d.start < s.q.start && d.kind !== 'relative' && (s.context.documentYear == null || d.year >= s.context.documentYear));
}

const READINGS: ReadonlyArray<(s: Site) => Reading | null> = [
  readPending,
  readSymbol,
  readFrequency,
  readComparison,
  readCreation,
  readShareOfScope,
  readTimeLimit,
  readPossession,
  readBound,
  readRespectively,
  readContinuation,
  readGoalItem,
];

/** 个 and each structural noun (五个方面), made once: `个${n}`. */
const COUNTED_STRUCTURES = STRUCTURAL_NOUNS.map((n) => `个${n}`);

/** Rules that still rule a reading out. */
function objection(s: Site, r: Reading): RejectRule | null {
  const { q } = s;
  if (q.unit === null && !r.indicators.some((x) => INDEX_WORDS.some((w) => x.endsWith(w)))) return 'no-unit';
  if (s.timeUnit && r.comparator === 'eq' && r.rule !== 'frequency') return 'duration';
  // 建设一个国际消费中心城市, 使用一种或多种: 一 before its noun is an article; 各开展一项 / 新建泵站一座 count.
  if (q.chinese && q.value === 1 && !q.bare && r.comparator === 'eq' && r.nounFollows && !/[各每]\s*[\u4e00-\u9fff]{0,3}$/.test(s.pre)) return 'indefinite-one';
  if (/^或/.test(s.after)) return 'indefinite-one';
  // An amount (not a count, a share or a span) with a bound, right before a noun, sets a threshold
  // for the noun: 营业收入5亿元以上企业, 单户金额在100万元及以下的再担保业务 (a count does count it:
  // 10家以上龙头企业; a creation verb right before sizes what is done: 完成2000万平方米以上的改造项目).
  if (s.q.bound && s.q.bound !== 'approx' && q.unit !== null && !COUNT_UNITS.has(q.unit) && !isPercent(q.unit) && !s.timeUnit) {
    if (/^(?!的)[\u4e00-\u9fff“]/.test(s.after) && r.rule !== 'share-of-scope') return 'qualifier';
    if (s.after.startsWith('的') && !GOAL_NOUN_AFTER.test(s.after) && !SPEC_PREDICATE.test(s.after) && !createdRightBefore(s.pre)) return 'qualifier';
  }
  // 产值超过1000万元的企业: a threshold that qualifies a noun — unless that noun is then to reach a
  // state (噪音水平0.6Pa以内的压力传感器实现商用: the value is the thing's specification).
  if ((r.rule === 'comparator' || r.rule === 'symbol' || r.rule === 'bound') && s.after.startsWith('的') && !r.nounFollows && !SPEC_PREDICATE.test(s.after) && !GOAL_NOUN_AFTER.test(s.after)) {
    return 'qualifier';
  }
  // Unless its noun follows (建成6座调蓄工程), a value ends its list item: 支持营业收入5亿元以上企业 qualifies a noun.
  if (!r.nounFollows && !ITEM_END.test(s.after) && /^\s*[\u4e00-\u9fff“]/.test(s.after) && r.rule !== 'time-limit' && !SPEC_PREDICATE.test(s.after) && !GOAL_NOUN_AFTER.test(s.after)) return 'qualifier';
  if (r.indicators.every((x) => x.trim() === '')) return 'no-indicator';
  if (r.indicators.some((x) => STRUCTURAL_NOUNS.some((n, i) => x === n || x.endsWith(COUNTED_STRUCTURES[i] as string)))) return 'structural-count';
  return null;
}

/**
 * A regulation's paragraph with no word of a limit, or with no numeral, holds no requirement:
 * extractTargets finds nothing in it and, unless asked why (`explain`), decides nothing, so a
 * caller may skip it. (Most have no numeral, which is the quicker test: it is made first.)
 */
export function setsNoLimit(paragraph: string, regulation: boolean, explain: boolean): boolean {
  return regulation && !explain && (!mayHoldQuantity(paragraph) || !REGULATION_LIMIT.test(paragraph));
}

export function extractTargets(paragraph: string, context: TargetContext = {}): Extraction {
  const targets: TargetMatch[] = [];
  const decisions: Decision[] = [];
  if (context.limitTested !== true && setsNoLimit(paragraph, context.regulation === true, context.explain === true)) return { targets, decisions };
  const quantities = scanQuantities(paragraph);
  if (quantities.length === 0) return { targets, decisions };
  const quotes = quoteSpans(paragraph);
  const p: ParagraphRead = { paragraph, context, quotes, deadlines: context.deadlines ?? null, targets, decisions };
  let state: SentenceState = { chain: null, queue: [], pending: null };
  let sentenceNo = -1;
  for (const held of clausesHolding(paragraph, quantities, quotes)) {
    if (held.clause.sentence !== sentenceNo) {
      sentenceNo = held.clause.sentence;
      state = { chain: null, queue: [], pending: null };
    }
    readClause(p, held.clause, held.span, state, held.quantities);
  }
  return { targets, decisions };
}

// extractTargets reads in named steps, each a function of its own: a step that meets a new
// kind of clause or quantity deoptimises only itself, and V8 compiles small functions far
// faster than one large one.

interface Span {
  start: number;
  end: number;
}

/** What every quantity of a paragraph is read with, and where its targets and decisions go. */
interface ParagraphRead {
  paragraph: string;
  context: TargetContext;
  quotes: ReadonlyArray<readonly [number, number]>;
  /** The paragraph's deadlines: found when first asked for (a value taken, or a rule that reads them; most of a law's never are), else null. */
  deadlines: readonly Deadline[] | null;
  targets: TargetMatch[];
  decisions: Decision[];
}

/** What every quantity of a clause is read with. */
interface ClauseRead {
  clause: Clause;
  text: string;
  span: Span;
  sentence: string;
  /** A regulation's clause with no word of a limit: it sets none. */
  limitless: boolean;
  norm: boolean;
  obliged: boolean;
  penalty: boolean;
  state: SentenceState;
}

/** The paragraph's deadlines (with the document year), found once, when first asked for. */
function deadlinesOf(p: ParagraphRead): readonly Deadline[] {
  p.deadlines ??= findDeadlines(p.paragraph, p.context.documentYear ?? null);
  return p.deadlines;
}

/** Records why a quantity was or was not taken. */
function decide(p: ParagraphRead, q: Quantity, rule: TargetRule, accepted = false): void {
  p.decisions.push({ start: q.start, end: q.end, raw: q.raw, value: q.value, unit: q.unit, accepted, rule });
}

/** The penalty words as one alternation: one pass finds whether a clause holds any. */
const PENALTY_RE = new RegExp(PENALTY_WORDS.map(escapeWord).join('|'));

/** Reads the quantities of one clause in turn. */
function readClause(p: ParagraphRead, clause: Clause, span: Span, state: SentenceState, inClause: readonly Quantity[]): void {
  const { context } = p;
  const text = clause.text;
  const penalty = PENALTY_RE.test(text);
  // Unless asked why: in a penalty's clause every quantity is rejected (by the penalty rule
  // or one before it), nothing is carried on to the next, so its quantities are not read.
  if (penalty && context.explain !== true) {
    for (const q of inClause) decide(p, q, 'penalty');
    return;
  }
  const sentence = p.paragraph.slice(span.start, span.end);
  const c: ClauseRead = {
    clause,
    text,
    span,
    sentence,
    // In a regulation only a limit is a requirement: a clause with no word of one sets none.
    limitless: context.regulation === true && !REGULATION_LIMIT.test(text),
    norm: context.regulation === true || NORM_WORDS.test(sentence.slice(0, clause.end - span.start)),
    // A time limit binds when a regulation or an obligation (应当, 须) sets it, not a prohibition's cooling-off.
    obliged: context.regulation === true || /应当?|须|必须|要求/.test(text.replace(/不应|不得/g, '')),
    penalty,
    state,
  };
  let region = 0; // clause offset from which an indicator may still be named
  for (let k = 0; k < inClause.length; k++) region = readQuantity(p, c, inClause[k] as Quantity, inClause[k + 1], region);
}

/** Decides one quantity of a clause; returns the clause offset from which an indicator may still be named. */
function readQuantity(p: ParagraphRead, c: ClauseRead, q: Quantity, next: Quantity | undefined, region: number): number {
  const { clause, text, state } = c;
  const at = q.start - clause.start;
  if (q.form !== 'number') {
    decide(p, q, q.form === 'word' ? 'no-unit' : q.form);
    return region;
  }
  if (at < region && state.pending?.at !== q.start) {
    // Inside the noun an earlier number counts: 培育10家[年产值超过100亿元的]龙头企业.
    decide(p, q, 'qualifier');
    return region;
  }
  if (c.limitless) {
    decide(p, q, 'no-governor');
    return region;
  }
  const site = siteOf(p, c, q, next, region);
  const rejected = state.pending?.at === q.start ? undefined : REJECTIONS.find(([, test]) => test(site));
  if (rejected) {
    decide(p, q, rejected[0]);
    return region;
  }
  let reading: Reading | null = null;
  for (const read of READINGS) {
    reading = read(site);
    if (reading) break;
  }
  state.pending = null;
  if (!reading) {
    decide(p, q, q.unit === null ? 'no-unit' : site.timeUnit ? 'duration' : 'no-governor');
    return region;
  }
  if (next && qualifiesNextNoun(text, q, next, site.qEnd, clause.start)) return pendNext(p, c, q, next, reading, region);
  const objected = objection(site, reading);
  if (objected) {
    decide(p, q, objected);
    return region;
  }
  const indicators = indicatorsOf(site, reading);
  const year = deadlineFor(deadlinesOf(p), clause, q.start, c.span.start, p.paragraph);
  const reference = referenceYear(p.context);
  // With no year of its own, a value under an earlier paragraph's past year (2022年，… in a text of 2023) reports it too.
  const governed = year ?? p.context.governingYear ?? null;
  if (governed !== null && reference !== null && governed < reference && !p.context.regulation) {
    decide(p, q, 'past-result');
    return region;
  }
  const aspirational = aspirationGoverns(site.sentenceBefore);
  for (const indicator of indicators) {
    p.targets.push({
      start: clause.start,
      end: clause.end,
      text,
      indicator,
      comparator: reading.comparator,
      value: q.value,
      valueHigh: q.valueHigh,
      unit: q.unit,
      year,
      aspirational,
      kind: c.norm ? 'requirement' : 'goal',
      rule: reading.rule,
    });
  }
  decide(p, q, reading.rule, true);
  state.chain = { comparator: reading.comparator, percent: isPercent(q.unit), nounAfter: reading.nounFollows, indicator: indicators[0] ?? '', money: isMoney(q.unit) };
  return Math.max(region, reading.consumedTo);
}

/** What the rules see of a quantity that has a unit and lies outside an earlier one's noun. */
function siteOf(p: ParagraphRead, c: ClauseRead, q: Quantity, next: Quantity | undefined, region: number): Site {
  const { clause, text, span } = c;
  const { paragraph } = p;
  const at = q.start - clause.start;
  const qEnd = q.end - clause.start;
  const rawPre = text.slice(Math.min(region, at), at);
  const after = text.slice(qEnd);
  let bound = q.bound;
  const timeUnit = q.unit !== null && TIME_UNITS.has(q.unit);
  if (timeUnit && bound === null && /^内/.test(after)) bound = 'lte'; // 15分钟内
  return {
    q,
    clause,
    text,
    at,
    qEnd,
    nextAt: next ? next.start - clause.start : text.length,
    next,
    pre: region > 0 ? rawPre.replace(LIST_LINK_START, '') : rawPre,
    clausePre: text.slice(0, at),
    after,
    sentence: c.sentence,
    sentenceBefore: paragraph.slice(span.start, q.start),
    // Sliced here, not in getters: a slice costs the same whatever its length, and an
    // object literal with getters is kept as a dictionary, so every rule's read of every
    // field of the site would be a slow look-up.
    paragraphBefore: paragraph.slice(0, q.start),
    paragraphAfter: paragraph.slice(clause.end, clause.end + 40),
    context: p.context,
    state: c.state,
    norm: c.norm,
    obliged: c.obliged,
    timeUnit,
    bound,
    quotes: p.quotes,
    read: p,
    sentenceStart: span.start,
    penalty: c.penalty,
  };
}

/**
 * 建成1000亩以上开放休闲林地5个, 实施九棵树森林公园建设…4.78平方公里: a noun that runs straight
 * into another value ending the item: the first value qualifies the noun, the second is the target.
 */
function qualifiesNextNoun(text: string, q: Quantity, next: Quantity, qEnd: number, clauseStart: number): boolean {
  if (next.form !== 'number' || next.unit === null || next.unit === q.unit) return false;
  const between = text.slice(qEnd, next.start - clauseStart);
  return (
    /^[\u4e00-\u9fff“”（）()、]{2,40}$/.test(between) &&
    !LIST_LINK_END.test(between) &&
    !/^[、和及与或]/.test(between) &&
    !COMPARISONS.some((x) => between.includes(x.word) && x.word.length > 1) &&
    ITEM_END.test(text.slice(next.end - clauseStart))
  );
}

/** A value that qualifies the next value's noun: the next value is read with its governor and noun; returns where the noun ends. */
function pendNext(p: ParagraphRead, c: ClauseRead, q: Quantity, next: Quantity, reading: Reading, region: number): number {
  const { text, clause } = c;
  const at = q.start - clause.start;
  const nextAt = next.start - clause.start;
  decide(p, q, 'qualifier');
  const governed = reading.rule === 'created-count' || reading.rule === 'list-continuation' ? 'eq' : reading.comparator;
  // The noun runs from the verb's object (新培育[年销售收入首次突破100亿元的企业]15家), else from the first value.
  const verb = firstStrongVerb(maskProtected(text.slice(region, at)));
  const from = verb ? region + verb.end : at;
  c.state.pending = { at: next.start, comparator: governed === 'gte' || governed === 'gt' ? 'eq' : governed, indicator: cleanIndicator(text.slice(from, nextAt)) };
  return nextAt;
}

/** The indicators a reading names, one each under 均, or in turn under 分别 (the rest queued for the next values). */
function indicatorsOf(site: Site, reading: Reading): string[] {
  let indicators = reading.indicators.map((x) => x.trim()).filter((x) => x !== '');
  // 均 shares one value among indicators; 分别 gives each its own value in turn.
  const each = EACH_WORDS.some((w) => site.pre.trimEnd().endsWith(w) || site.pre.includes(`${w}达到`) || site.pre.includes(`${w}高于`));
  const respectively = RESPECTIVELY_WORDS.some((w) => site.pre.includes(w));
  if ((each || respectively) && indicators.length === 1 && reading.rule !== 'respectively') {
    const parts = splitIndicators(indicators[0] as string);
    if (each) indicators = parts;
    else if (parts.length > 1) {
      indicators = parts.slice(0, 1);
      site.state.queue = parts.slice(1);
    } else {
      // 审批（备案）率分别达到95%和90%: every value counts the same indicator.
      site.state.queue = new Array(4).fill(indicators[0]);
    }
  }
  return indicators;
}

/** Words of the future: in a report on the past, only sentences with these or a deadline ahead set targets. */
const FUTURE = /力争|争取|预计|目标|计划|将|要|确保/;

function speaksOfFuture(s: Site): boolean {
  if (FUTURE.test(s.sentence)) return true;
  const reference = referenceYear(s.context);
  const end = s.sentenceStart + s.sentence.length;
  return deadlinesOf(s.read).some((d) => d.kind !== 'relative' && d.start >= s.sentenceStart && d.start < end && (reference === null || d.year >= reference));
}

/** The year the document speaks from, or the first of its period. */
const referenceYear = (c: TargetContext): number | null => c.documentYear ?? c.periodStart ?? null;

/** “十三五”期间… in a plan for 2021–2025: a period that ended before the document speaks of the past. */
function earlierPeriod(s: Site): boolean {
  const year = referenceYear(s.context);
  if (year === null) return false;
  const period = findPlanPeriods(s.sentenceBefore).at(-1);
  return period !== undefined && period.to < year;
}

/** 全省建有国家重点实验室21个, 是2015年的3.75倍: a state described, not a level committed to. */
function stateBefore(clausePre: string): boolean {
  if (/(?:是|为|相当于)\s*\d{4}\s*年(?:底|末)?的\s*$/.test(clausePre)) return true;
  const state = /(?:建有|共有|现有|已有|保有|拥有)(?![量率的])/.exec(clausePre);
  if (!state) return false;
  const rest = clausePre.slice(state.index);
  return !COMPARISONS.some((c) => c.word.length > 1 && rest.includes(c.word));
}

/** 已建成, 提高了, 累计完成… before the number in its sentence: an achievement. */
function pastBefore(sentenceBefore: string, clauseBefore: string): boolean {
  if (/(?<![而得])已(?!知)/.test(clauseBefore)) return true;
  if (/[\u4e00-\u9fff]了\s*$/.test(clauseBefore) || /(?:增长|提高|下降|降低|增加|减少|完成|建成|达到|实现)了/.test(clauseBefore)) return true;
  return PAST_MARKERS.includes('已') && /^(?:已|已经)/.test(sentenceBefore.trim());
}

/** A sentence that opens with 目前 / 现有 / 截至目前 describes what is, unless it sets a deadline ahead. */
function statusQuo(sentence: string, read: ParagraphRead, sentenceStart: number, documentYear: number | null): boolean {
  const opening = sentence.trimStart();
  const opener = STATUS_QUO_OPENERS.find((w) => opening.startsWith(w));
  if (!opener) return false;
  if (opener !== '截至' && opener !== '截止') return true;
  // 截至2025年底 is a deadline when it lies ahead; 截至2020年, with 已, is a state.
  const d = deadlinesOf(read).find((x) => x.start >= sentenceStart && x.start <= sentenceStart + 4);
  if (!d) return /已/.test(sentence);
  return documentYear !== null ? d.year < documentYear : /已|累计/.test(sentence);
}

/** The deadline for a number: the last one before it in its sentence, else in the paragraph, else one later in its clause. */
function deadlineFor(deadlines: readonly Deadline[], clause: Clause, at: number, sentenceStart: number, paragraph: string): number | null {
  let inSentence: number | null = null;
  let before: number | null = null;
  for (const d of deadlines) {
    // 2016年前建设的设施: a date that describes a noun is no deadline.
    if (/^[\u4e00-\u9fff]{1,4}的/.test(paragraph.slice(d.end))) continue;
    if (d.start >= at) break;
    before = d.year;
    if (d.start >= sentenceStart) inSentence = d.year;
  }
  if (inSentence !== null) return inSentence;
  const later = deadlines.find((d) => d.start > at && d.start < clause.end);
  return later?.year ?? before;
}

/** 力争 / 争取 governs a value unless a 确保 comes between them. */
function aspirationGoverns(sentenceBefore: string): boolean {
  let last = -1;
  for (const w of ASPIRATION_WORDS) {
    let i = sentenceBefore.lastIndexOf(w);
    // 经过五年努力， is a lead-in, not an aspiration.
    while (i >= 0 && w === '努力' && /^\s*[，,]/.test(sentenceBefore.slice(i + w.length))) i = sentenceBefore.lastIndexOf(w, i - 1);
    last = Math.max(last, i);
  }
  if (last < 0) return false;
  return sentenceBefore.lastIndexOf('确保') < last;
}
