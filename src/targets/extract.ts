// extractTargets(paragraph): the quantitative targets of ONE normalised paragraph.
// Every quantity scanQuantities() finds gets a decision by a named rule (rules.ts): why it
// is a target (a comparison word, a change, a creation verb, a list it continues…) or why
// not (a date, a subsidy, the past, a qualifier…). Contract: input is one paragraph of
// normalised Simplified Chinese; output is pure and deterministic, in document order;
// `start`/`end` are offsets of the trimmed clause (between ，；：。！？ outside brackets)
// that holds the number, so `paragraph.slice(start, end) === text`.
// `year` is the deadline stated in the paragraph (到2025年, “十四五”末, 今年 with a document
// year); the caller applies the section's governing year when it is null.
import { findDeadlines, LEADING_DEADLINE } from '../lexicon/deadlines.js';
import { CLOSERS, OPENERS, indexOutside, quoteSpans } from '../lexicon/brackets.js';
import { MONEY_UNITS, PERCENT_UNITS, TIME_UNITS } from '../lexicon/units.js';
import { scanQuantities, type Quantity } from './quantities.js';
import type { AcceptRule, TargetRule } from './rules.js';
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
  PAST_MARKERS,
  PENALTY_WORDS,
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
}

export interface Extraction {
  targets: TargetMatch[];
  decisions: Decision[];
}

// ───────────────────────────── word lookups ─────────────────────────────

const byLength = (words: readonly string[]): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);

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
const SCOPE_WORDS = /^(?:全国|全省|全市|全区|全县|全州|全岛|本市|本区|本县|本省|各区|各市|各县|各地|全社会|其中|每年|年均|累计|共计|合计|共)+/;
/** Predicates of a share that must reach a state: 40%以上的面积[达到]… */
const SCOPE_PREDICATE = /达到|实现|完成|满足|通过|纳入|建成|落实|覆盖|具备|开展|参与|接入|配备|符合|达标|开放|使用|采用|享有|获得|推行|应用|建立/;
/** A list link between two targets: 、 和 及 以及 与. */
const LIST_LINK_END = /\s*(?:、|以及|和|及|与|或)\s*$/;
const LIST_LINK_START = /^\s*(?:、|以及|和|及|与|或|，)\s*/;
/** After a value that ends its item: punctuation, a list link, a closing bracket or nothing. */
const ITEM_END = /^\s*(?:$|[、，；。：）)”]|和|及|以及|与|或|等(?!级)|的目标|的水平)/;
const CLAUSE_BREAKS = '，；：。！？,;';
/** Quotes are paired by quoteSpans(), not counted as brackets (a typo 把“四化“ would never close). */
const QUOTE_MARKS = '“”‘’「」『』"《》〈〉';
const SENTENCE_BREAKS = '；。！？;';

// ───────────────────────────── clauses ─────────────────────────────

interface Clause {
  start: number;
  end: number;
  text: string;
  sentence: number;
}

/** Clauses between ，；：。！？ outside brackets and quotes, trimmed, with their sentence number. */
export function splitClauses(p: string, quotes: ReadonlyArray<readonly [number, number]> = quoteSpans(p)): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let quote = 0;
  let sentence = 0;
  let from = 0;
  const push = (a: number, b: number, s: number): void => {
    let x = a;
    let y = b;
    while (x < y && /\s/.test(p[x] ?? '')) x++;
    while (y > x && /\s/.test(p[y - 1] ?? '')) y--;
    if (y > x) out.push({ start: x, end: y, text: p.slice(x, y), sentence: s });
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    // Inside a quotation a comma does not end the clause: “一处失信，处处受限”.
    while (quote < quotes.length && (quotes[quote] as readonly [number, number])[1] <= i) quote++;
    const quoted = quote < quotes.length && (quotes[quote] as readonly [number, number])[0] < i;
    if (QUOTE_MARKS.includes(c)) continue;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && !quoted && CLAUSE_BREAKS.includes(c)) {
      push(from, i, sentence);
      from = i + 1;
      if (SENTENCE_BREAKS.includes(c)) sentence++;
    }
  }
  push(from, p.length, sentence);
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
    const word = ADVERB_LIST.find((w) => head.endsWith(w));
    if (!word) return i;
    i -= word.length;
  }
}

/** A comparison or change word that ends `pre` (adverbs peeled): 达到, 不低于, 年均增长. */
function comparisonAtEnd(pre: string): Governor | null {
  let end = peelAdverbs(pre, pre.length);
  // 较2020年下降 / 比上年增长: a baseline between the change and the value is skipped later.
  const head = pre.slice(0, end);
  const comparison = COMPARISONS.find((c) => head.endsWith(c.word) && !COMPARATOR_NOT_AFTER[c.word]?.test(head.slice(0, -c.word.length)));
  if (comparison) {
    // 每年降低不少于1个百分点: a change word before the comparison word wins.
    const before = peelAdverbs(pre, end - comparison.word.length);
    const change = CHANGES.find((c) => pre.slice(0, before).endsWith(c.word));
    if (change && comparison.comparator !== 'approx' && !/[到至在]$/.test(comparison.word)) {
      return { kind: 'change', comparator: change.comparator, at: before - change.word.length, end };
    }
    return { kind: 'comparator', comparator: comparison.comparator, at: end - comparison.word.length, end };
  }
  const change = CHANGES.find((c) => head.endsWith(c.word));
  if (change) return { kind: 'change', comparator: change.comparator, at: end - change.word.length, end };
  end = pre.length;
  return null;
}

/** Where the indicator ends before a comparison word: past 达到约, 分别达到, 均高于 too. */
function indicatorEnd(pre: string, at: number): number {
  let end = at;
  for (;;) {
    const peeled = peelAdverbs(pre, end);
    const head = pre.slice(0, peeled);
    const word = COMPARISONS.find((c) => head.endsWith(c.word) && c.word.length > 1);
    if (!word) return peeled;
    end = peeled - word.word.length;
  }
}

/** Indicator names that contain a verb (城镇新增就业, 建成区): masked before verbs are looked for. */
const PROTECTED_TERMS = ['城镇新增就业', '新增建设用地', '新建建筑', '新建住宅', '建成区', '建设用地', '发展水平', '保护区', '认定机构', '新能源', '新型'];

function maskProtected(s: string): string {
  let out = s;
  for (const t of PROTECTED_TERMS) if (out.includes(t)) out = out.split(t).join('□'.repeat(t.length));
  return out;
}

/** The creation verb that governs a number at the end of `pre`, if any. */
function creationVerb(original: string): Governor | null {
  const pre = maskProtected(original);
  // Directly before the number (adverbs peeled): strong or weak.
  const end = peelAdverbs(pre, pre.length);
  const head = pre.slice(0, end);
  const direct = [...STRONG, ...WEAK].find((v) => head.endsWith(v));
  if (direct && (STRONG.includes(direct) || weakGoverns(head.slice(0, -direct.length)))) {
    return { kind: 'create', comparator: 'eq', at: end - direct.length, end };
  }
  // Otherwise the last strong verb anywhere before: 新建绿地35万平方米, 完成崇明岛8座水闸的续建.
  let best: Governor | null = null;
  for (let i = 0; i < pre.length; i++) {
    const v = STRONG.find((w) => pre.startsWith(w, i));
    if (v) {
      best = { kind: 'create', comparator: 'eq', at: i, end: i + v.length };
      i += v.length - 1;
    }
  }
  // A weak verb at the clause start (建设5个…, 保护…) also governs.
  if (!best) {
    const lead = stripLead(pre);
    const weak = WEAK.find((v) => lead.text.startsWith(v));
    if (weak) best = { kind: 'create', comparator: 'eq', at: lead.offset, end: lead.offset + weak.length };
  }
  return best;
}

function weakGoverns(before: string): boolean {
  const b = before.trimEnd();
  return b === '' || [...WEAK_VERB_LEADERS, ...STRONG, ...WEAK].some((x) => b.endsWith(x)) || LEADING_DEADLINE.test(b);
}

/** Strips deadlines, aspiration and (unless `keepScope`) scope words from the start of a clause fragment. */
function stripLead(s: string, keepScope = false): { text: string; offset: number } {
  let text = s;
  for (;;) {
    const before = text;
    text = text.replace(/^[\s、，]+/, '');
    const deadline = LEADING_DEADLINE.exec(text);
    if (deadline?.[0]) text = text.slice(deadline[0].length);
    const word = SCAFFOLD.find((w) => text.startsWith(w));
    if (word) text = text.slice(word.length);
    const scope = keepScope ? null : SCOPE_WORDS.exec(text);
    if (scope?.[0]) text = text.slice(scope[0].length);
    if (text === before) break;
  }
  return { text, offset: s.length - text.length };
}

// ───────────────────────────── indicators ─────────────────────────────

const MID_SCAFFOLD = /(?:使(?!用|命)|确保|力争|争取|努力|力求|实现(?!率|值))/g;

function cleanIndicator(raw: string): string {
  let s = raw.replace(/[（(]以下简称[^）)]*[）)]/g, '').trim();
  let lastMid = -1;
  for (const m of s.matchAll(MID_SCAFFOLD)) if ((m.index ?? 0) + m[0].length < s.length) lastMid = (m.index ?? 0) + m[0].length;
  if (lastMid > 0) s = s.slice(lastMid);
  s = stripLead(s, true).text;
  s = s.replace(/^(?:在|对|将|把|由|从|以)(?=[\u4e00-\u9fff])/, '');
  s = s.replace(/^(?:其中|每年|年均|累计|共计|合计)/, '');
  // Trailing adverbs (年均, 累计, 分别) and a baseline (较2020年, 比上年).
  for (;;) {
    const before = s;
    s = s.replace(/(?:较|比)(?:\d{4}年(?:底|末)?|上年|去年|上一年度?|基期|基准年|“十[一二三四五六七八九]五”(?:末|初))$/, '');
    s = s.replace(/[\s、，：]+$/, '');
    const w = ADVERB_LIST.find((x) => x.length > 1 && s.endsWith(x) && s.length > x.length);
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
  const stop = /并且|并(?=[\u4e00-\u9fff])|同时|以便|用于|作为/.exec(segment);
  if (stop) segment = segment.slice(0, stop.index);
  const listed = indexOutside(segment, '、，；。');
  if (listed >= 0) segment = segment.slice(0, listed);
  const end = from + segment.length;
  const noun = segment
    .replace(/^(?:的|个|座|家)/, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/等$/, '')
    .trim();
  return { noun: noun.startsWith('“') && noun.endsWith('”') ? noun.slice(1, -1) : noun, end };
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
  kind: TargetMatch['kind'];
}

const isPercent = (unit: string | null): boolean => unit !== null && PERCENT_UNITS.has(unit);

export function extractTargets(paragraph: string, context: TargetContext = {}): Extraction {
  const targets: TargetMatch[] = [];
  const decisions: Decision[] = [];
  const quantities = scanQuantities(paragraph);
  if (quantities.length === 0) return { targets, decisions };
  const documentYear = context.documentYear ?? null;
  const deadlines = findDeadlines(paragraph, documentYear);
  const quotes = quoteSpans(paragraph);
  const clauses = splitClauses(paragraph, quotes);
  const sentenceText = new Map<number, { start: number; end: number }>();
  for (const c of clauses) {
    const s = sentenceText.get(c.sentence);
    sentenceText.set(c.sentence, { start: s?.start ?? c.start, end: c.end });
  }

  let chain: Chain | null = null;
  let sentenceNo = -1;
  let queue: string[] = [];
  for (const clause of clauses) {
    if (clause.sentence !== sentenceNo) {
      sentenceNo = clause.sentence;
      chain = null;
      queue = [];
    }
    const inClause = quantities.filter((q) => q.numberStart >= clause.start && q.numberStart < clause.end);
    if (inClause.length === 0) {
      // A clause with no number but a verb ends a list of targets: 建成…，推进…改造，新建…
      if (chain && /[\u4e00-\u9fff]{4,}/.test(clause.text) && !/^(?:其中|人均|每)/.test(clause.text)) chain = chain;
      continue;
    }
    const span = sentenceText.get(clause.sentence) as { start: number; end: number };
    const sentence = paragraph.slice(span.start, span.end);
    const decide = (q: Quantity, rule: TargetRule): void => {
      decisions.push({ start: q.start, end: q.end, raw: q.raw, value: q.value, unit: q.unit, accepted: false, rule });
    };
    let region = 0; // clause offset from which an indicator may still be named
    const clauseTargets: Array<{ q: Quantity; governor: Governor | null; index: number }> = [];

    for (let k = 0; k < inClause.length; k++) {
      const q = inClause[k] as Quantity;
      const at = q.start - clause.start; // clause-relative
      const qEnd = q.end - clause.start;
      const next = inClause[k + 1];
      const nextAt = next ? next.start - clause.start : clause.text.length;
      const text = clause.text;
      const after = text.slice(qEnd);
      const sentenceBefore = paragraph.slice(span.start, q.start);

      // ── what the quantity is by its form ──
      if (q.form !== 'number') {
        decide(q, q.form === 'word' ? 'no-unit' : q.form);
        continue;
      }
      if (insideQuotes(quotes, q.numberStart)) {
        decide(q, 'quoted-name');
        continue;
      }
      if (at < region) {
        // Inside the noun an earlier number counts: 培育10家[年产值超过100亿元的]龙头企业.
        decide(q, 'qualifier');
        continue;
      }
      const rawPre = text.slice(region, at);
      const pre = region > 0 ? rawPre.replace(LIST_LINK_START, '') : rawPre;
      if (/(?:第|前|排名|位列|跻身|进入)\s*$/.test(pre) || /^(?:强|名(?!单))/.test(after) || /^[强]/.test(after)) {
        decide(q, 'ordinal');
        continue;
      }
      if (PENALTY_WORDS.some((w) => sentence.includes(w))) {
        decide(q, 'penalty');
        continue;
      }
      if (q.unit !== null && MONEY_UNITS.has(q.unit.replace(/^[万亿千百]+/, '')) && FUNDING_WORDS.some((w) => sentence.includes(w))) {
        decide(q, 'subsidy-amount');
        continue;
      }
      if (context.past) {
        decide(q, 'past-result');
        continue;
      }
      if (pastBefore(sentenceBefore, text.slice(0, at))) {
        decide(q, 'past-result');
        continue;
      }
      if (statusQuo(sentence, deadlines, span.start, documentYear)) {
        decide(q, 'status-quo');
        continue;
      }
      // 由12万吨/天提高至24万吨/天: the first value is where the change starts.
      if (/(?:由|从)\s*$/.test(pre) || /^\s*(?:[，,]?\s*(?:提高|提升|增加|增长|扩大|下降|降低|减少|压减|缩短|上升)(?:到|至)|(?:提高|增加|下降|降低)为)/.test(after)) {
        decide(q, 'baseline');
        continue;
      }
      if (q.unit !== null && /^(?:个|项|大|类|条)$/.test(q.unit) && STRUCTURAL_NOUNS.some((n) => after.replace(/^[\u4e00-\u9fff]{0,2}?(?=方面|领域)/, '').startsWith(n))) {
        decide(q, 'structural-count');
        continue;
      }
      if (q.unit !== null && /^(?:个|家|座)$/.test(q.unit) && /^[\u4e00-\u9fff“”]{1,6}(?:内|中|之间|范围内|区域内|范围)(?![容涵心部])/.test(after) && !creationVerb(pre)) {
        decide(q, 'scope-count');
        continue;
      }

      // ── what governs it ──
      const norm = context.regulation === true || NORM_WORDS.test(sentenceBefore) || NORM_WORDS.test(text);
      // A time limit binds when a regulation or an obligation (应当, 须) sets it, not a prohibition's cooling-off.
      const obliged = context.regulation === true || /应当?|须|必须|要求/.test(text.replace(/不应|不得/g, ''));
      const timeUnit = q.unit !== null && TIME_UNITS.has(q.unit);
      let bound = q.bound;
      if (timeUnit && bound === null && /^内/.test(after)) bound = 'lte'; // 15分钟内
      const comparison = q.symbol ? null : comparisonAtEnd(pre);
      const creation = comparison ? null : creationVerb(pre);
      let governor: Governor | null = comparison ?? creation;
      let rule: AcceptRule | null = null;
      let comparator: Comparator | null = null;
      let indicators: string[] = [];
      let nounFollows = false;
      let consumedTo = qEnd;

      // Comparator precedence: a change > a range > 左右/约 > 以上/以下 > 余/多 > symbol > word > creation.
      const pick = (fallback: Comparator | null): Comparator | null => {
        if (governor?.kind === 'change') return governor.comparator;
        if (q.valueHigh !== null) return 'range';
        if (bound === 'approx' || governor?.comparator === 'approx') return 'approx';
        if (bound) return bound;
        if (q.more) return 'gt';
        if (q.symbol) return q.symbol;
        return governor?.comparator ?? fallback;
      };

      if (q.symbol) {
        rule = 'symbol';
        comparator = pick(q.symbol);
        indicators = [cleanIndicator(pre)];
      } else if (comparison) {
        rule = comparison.kind === 'change' ? 'change' : 'comparator';
        comparator = pick(null);
        indicators = [cleanIndicator(pre.slice(0, indicatorEnd(pre, comparison.at)))];
        // 覆盖不少于40块户外广告: the counted noun may follow.
        if (indicators[0] === '' || indicators[0]?.length === 0) {
          const n = nounAfter(text, qEnd, nextAt);
          if (n.noun) {
            indicators = [cleanIndicator(n.noun)];
            nounFollows = true;
            consumedTo = n.end;
          }
        }
        if (after.startsWith('的') && !nounFollows) {
          // 产值超过1000万元的企业: a threshold that qualifies a noun.
          decide(q, 'qualifier');
          continue;
        }
      } else if (creation) {
        rule = 'created-count';
        comparator = pick('eq');
        // 新增保护地理标志产品120个: verbs right after the governing one belong to it.
        let gapText = pre.slice(creation.end);
        for (let v = [...STRONG, ...WEAK].find((w) => gapText.startsWith(w) && gapText.length > w.length + 1); v; v = [...STRONG, ...WEAK].find((w) => gapText.startsWith(w) && gapText.length > w.length + 1)) {
          gapText = gapText.slice(v.length);
        }
        const gap = cleanIndicator(gapText);
        const n = nounAfter(text, qEnd, nextAt);
        const noun = cleanIndicator(n.noun);
        if (noun && !isPercent(q.unit)) {
          indicators = [gap && !/^(?:其中|每年|全区|全市)$/.test(gap) ? `${gap}${noun}` : noun];
          nounFollows = true;
          consumedTo = n.end;
        } else if (gap) indicators = [gap];
      }

      // A share or count of a scope that must reach a state: 80%以上城市建成区达到…
      if (!rule || (rule === 'created-count' && isPercent(q.unit))) {
        const lead = stripLead(pre);
        const n = nounAfter(text, qEnd, nextAt);
        if (SCOPE_PREDICATE.test(n.noun) && (lead.text === '' || /[区中内域镇村县市省]$/.test(lead.text) || lead.text.length <= 12)) {
          rule = 'share-of-scope';
          comparator = pick('eq');
          indicators = [cleanIndicator(`${lead.text}${n.noun.replace(/^的/, '')}`)];
          nounFollows = true;
          consumedTo = n.end;
        }
      }
      // The indicator before, a bound after: 合格率95%以上.
      if (!rule && (bound || q.more) && pre.trim() !== '') {
        rule = 'bound';
        comparator = pick(null);
        indicators = [cleanIndicator(pre)];
      }
      // A time limit or a frequency set by a norm: 5个工作日内, 每7个月.
      if (!rule && timeUnit && obliged && bound === 'lte') {
        rule = 'time-limit';
        comparator = 'lte';
        const n = nounAfter(text, qEnd + (after.startsWith('内') ? 1 : 0), nextAt);
        indicators = [cleanIndicator(pre) || cleanIndicator(n.noun)];
      }
      if (!rule && timeUnit && obliged && /每\s*$/.test(pre)) {
        rule = 'frequency';
        comparator = 'eq';
        indicators = [cleanIndicator(nounAfter(text, qEnd, nextAt).noun)];
      }
      // 分别达到95%和90%: values in order for the queued indicators.
      if (!rule && queue.length > 0 && chain && isPercent(q.unit) === chain.percent && ITEM_END.test(after)) {
        rule = 'respectively';
        comparator = pick(chain.comparator);
        indicators = [queue.shift() as string];
      }
      // A list of targets goes on: …600家，国家地理标志保护示范区5家; 建设5个A和10个B.
      if (!rule && chain && isPercent(q.unit) === chain.percent) {
        const item = stripLead(pre).text;
        if (chain.nounAfter && !isPercent(q.unit)) {
          const n = nounAfter(text, qEnd, nextAt);
          if (n.noun && item.length <= 4) {
            rule = 'list-continuation';
            indicators = [cleanIndicator(n.noun)];
            nounFollows = true;
            consumedTo = n.end;
          }
        }
        if (!rule && item !== '' && item.length <= 30 && ITEM_END.test(after) && !/[，]/.test(item)) {
          rule = 'list-continuation';
          indicators = [cleanIndicator(pre)];
        }
        if (rule) comparator = pick(chain.comparator === 'increase' || chain.comparator === 'decrease' ? chain.comparator : 'eq');
      }
      // A goals part lists indicator and value with no verb: 人均公园绿地面积6.2平方米.
      if (!rule && context.goals && ITEM_END.test(after) && pre.trim() !== '' && stripLead(pre).text.length <= 30) {
        rule = 'list-continuation';
        comparator = pick('eq');
        indicators = [cleanIndicator(pre)];
      }
      if (!rule || comparator === null) {
        decide(q, q.unit === null ? 'no-unit' : timeUnit ? 'duration' : 'no-governor');
        continue;
      }

      // ── what it must not be ──
      if (q.unit === null && !indicators.some((x) => INDEX_WORDS.some((w) => x.endsWith(w)))) {
        decide(q, 'no-unit');
        continue;
      }
      if (timeUnit && comparator === 'eq' && rule !== 'frequency') {
        decide(q, 'duration');
        continue;
      }
      // 建设一个国际消费中心城市: 一 before its noun is an article; 各开展一项 / 新建泵站一座 count.
      if (q.chinese && q.value === 1 && !q.bare && comparator === 'eq' && nounFollows && !/[各每]\s*[\u4e00-\u9fff]{0,3}$/.test(pre)) {
        decide(q, 'indefinite-one');
        continue;
      }
      // Unless its noun follows (建成6座调蓄工程), a value must end its list item:
      // 支持营业收入5亿元以上企业 uses the number to qualify a noun.
      if (!nounFollows && !ITEM_END.test(after) && /^\s*[\u4e00-\u9fff“]/.test(after) && rule !== 'time-limit') {
        decide(q, 'qualifier');
        continue;
      }
      indicators = indicators.map((x) => x.trim()).filter((x) => x !== '');
      if (indicators.length === 0) {
        decide(q, 'no-indicator');
        continue;
      }
      if (indicators.some((x) => STRUCTURAL_NOUNS.some((n) => x === n || x.endsWith(`个${n}`)))) {
        decide(q, 'structural-count');
        continue;
      }
      // 均 shares one value among indicators; 分别 gives each its own value in turn.
      const each = EACH_WORDS.some((w) => pre.trimEnd().endsWith(w) || pre.includes(`${w}达到`) || pre.includes(`${w}高于`));
      const respectively = RESPECTIVELY_WORDS.some((w) => pre.includes(w));
      if ((each || respectively) && indicators.length === 1) {
        const parts = splitIndicators(indicators[0] as string);
        if (each) indicators = parts;
        else if (parts.length > 1) {
          indicators = parts.slice(0, 1);
          queue = parts.slice(1);
        } else {
          // 审批（备案）率分别达到95%和90%: every value counts the same indicator.
          queue = new Array(4).fill(indicators[0]);
        }
      }

      const year = deadlineFor(deadlines, clause, q.start, span.start);
      if (year !== null && documentYear !== null && year < documentYear && !context.regulation) {
        decide(q, 'past-result');
        continue;
      }
      const aspirational = aspirationGoverns(sentenceBefore);
      const kind: TargetMatch['kind'] = norm ? 'requirement' : 'goal';
      for (const indicator of indicators) {
        targets.push({
          start: clause.start,
          end: clause.end,
          text: clause.text,
          indicator,
          comparator,
          value: q.value,
          valueHigh: q.valueHigh,
          unit: q.unit,
          year,
          aspirational,
          kind,
          rule,
        });
      }
      decisions.push({ start: q.start, end: q.end, raw: q.raw, value: q.value, unit: q.unit, accepted: true, rule });
      clauseTargets.push({ q, governor, index: targets.length - 1 });
      chain = { comparator, percent: isPercent(q.unit), nounAfter: nounFollows, kind };
      region = Math.max(region, consumedTo);
      governor = null;
    }
    dropQualifiers(clauseTargets, clause, targets, decisions);
  }
  return { targets, decisions };
}

/**
 * 建成1000亩以上开放休闲林地5个: when one verb counts a noun that an earlier number
 * measures, the earlier number qualifies the noun and the later one is the target.
 */
function dropQualifiers(
  found: Array<{ q: Quantity; governor: Governor | null; index: number }>,
  clause: Clause,
  targets: TargetMatch[],
  decisions: Decision[],
): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const first = found[i] as (typeof found)[number];
    const second = found[i + 1] as (typeof found)[number];
    const between = clause.text.slice(first.q.end - clause.start, second.q.start - clause.start);
    if (/^[\u4e00-\u9fff“”（）()]{1,20}$/.test(between) && !LIST_LINK_END.test(between) && first.q.unit !== second.q.unit && !isPercent(second.q.unit)) {
      const t = targets[first.index];
      if (!t) continue;
      targets.splice(first.index, 1);
      for (const f of found) if (f.index > first.index) f.index--;
      const d = decisions.find((x) => x.start === first.q.start && x.accepted);
      if (d) {
        d.accepted = false;
        d.rule = 'qualifier';
      }
    }
  }
}

/** 已建成, 提高了, 累计完成… before the number in its sentence: an achievement. */
function pastBefore(sentenceBefore: string, clauseBefore: string): boolean {
  if (/(?<![而得])已(?!知)/.test(clauseBefore)) return true;
  if (/[\u4e00-\u9fff]了\s*$/.test(clauseBefore) || /(?:增长|提高|下降|降低|增加|减少|完成|建成|达到|实现)了/.test(clauseBefore)) return true;
  return PAST_MARKERS.includes('已') && /^(?:已|已经)/.test(sentenceBefore.trim());
}

/** A sentence that opens with 目前 / 现有 / 截至目前 describes what is, unless it sets a deadline ahead. */
function statusQuo(sentence: string, deadlines: ReturnType<typeof findDeadlines>, sentenceStart: number, documentYear: number | null): boolean {
  const opener = STATUS_QUO_OPENERS.find((w) => sentence.trimStart().startsWith(w));
  if (!opener) return false;
  if (opener !== '截至' && opener !== '截止') return true;
  // 截至2025年底 is a deadline when it lies ahead; 截至2020年, with 已, is a state.
  const d = deadlines.find((x) => x.start >= sentenceStart && x.start <= sentenceStart + 4);
  if (!d) return /已/.test(sentence);
  return documentYear !== null ? d.year < documentYear : /已|累计/.test(sentence);
}

/** The deadline for a number: the last one before it in its sentence, else in the paragraph, else one later in its clause. */
function deadlineFor(deadlines: ReturnType<typeof findDeadlines>, clause: Clause, at: number, sentenceStart: number): number | null {
  let inSentence: number | null = null;
  let before: number | null = null;
  for (const d of deadlines) {
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
