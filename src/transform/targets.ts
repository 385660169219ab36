// Targets: quantitative commitments, placed in their sections.
// Input: nested sections and metadata. Output: `tree.data.targets` in document order, and
// `tree.data.decisions` (why every quantity was or was not taken) for `explain`.
// Clause-level reading is extractTargets() (one paragraph at a time) and indicator tables
// are readIndicatorTables(); this stage adds what a paragraph cannot know: its section,
// whether that section reviews the past (一、“十三五”工作回顾: no targets there), whether
// it states goals, and the deadline year that governs it when the clause has none — an
// earlier 到2025年 in the same section, else one in an enclosing section's own text (a
// goals part that opens 到2025年， then lists —— bullets), else a plan period named in a
// heading (四、“十四五”主要任务), else the end of the document's period (行动计划（2016）).
import { findDeadlines, findPlanPeriods, stageLeadYear, yearsNamed } from '../lexicon/deadlines.js';
import { isReportOnThePast } from '../lexicon/doc-types.js';
import { ELIGIBILITY_PART, GOALS_PART, REPORT_REVIEW_PART, REVIEW_PART, reviewYears } from '../lexicon/parts.js';
import { extractTargets, setsNoLimit } from '../targets/extract.js';
import { readIndicatorTable } from '../targets/tables.js';
import type { DecisionDraft, LineNode, PolicyRoot, SectionNode, TargetDraft } from '../tree.js';
import { sectionText, walkSections } from '../tree.js';
import type { VFile } from 'vfile';
import { isRegulation } from './tasks.js';
import { MAX_QUANTITIES } from '../util/limits.js';
import { warn } from '../util/report.js';


export interface TargetOptions {
  periodEnd: number | null;
  regulation: boolean;
  documentYear: number | null;
  /** Keep why every quantity was or was not taken (the `explain` output). */
  explain?: boolean;
  /** The text was hard-wrapped (a PDF's lines): a line ending inside a sentence goes on on the next. */
  wrapped?: boolean;
  /** The first year of the document's period. */
  periodStart?: number | null;
  /** A report on the past (发展报告, 白皮书): only what it says of the future is a target. */
  retrospective?: boolean;
  /** Keep each section's context (`Placed.contexts`); false when nothing will look one up (no indicator table). */
  contexts?: boolean;
}

export interface Placed {
  targets: TargetDraft[];
  decisions: DecisionDraft[];
  /** Where reading for targets stopped at MAX_QUANTITIES, or null. */
  stoppedAt: { start: number; end: number } | null;
  /** For each section: whether it reviews the past, and the year that governs it (empty unless `options.contexts` is not false). */
  contexts: Map<SectionNode, { past: boolean; year: number | null }>;
}

export function placeTargets(sections: readonly SectionNode[], options: TargetOptions, preamble: readonly LineNode[] = []): Placed {
  const placing: Placing = { options, targets: [], decisions: [], contexts: new Map(), quantities: 0, stoppedAt: null };
  // Text before the first heading (and the whole of a document without headings) is read too.
  readLines(placing, preamble, null, { past: false, goals: false, review: null, past0: false, eligibility: false }, null);
  visitSections(placing, sections, null, 1, false, false, false);
  const { targets, decisions, contexts, stoppedAt } = placing;
  return { targets, decisions, contexts, stoppedAt };
}

// placeTargets reads in named steps, each a function of its own: a step that meets a new kind
// of section or paragraph deoptimises only itself, and V8 compiles small functions far faster
// than one large one.

/** What placeTargets carries through the sections: its options, and what it has placed so far. */
interface Placing {
  options: TargetOptions;
  targets: TargetDraft[];
  decisions: DecisionDraft[];
  contexts: Placed['contexts'];
  /** Quantities read so far (up to MAX_QUANTITIES). */
  quantities: number;
  stoppedAt: Placed['stoppedAt'];
}

/** How a run of lines is read: whether its section reviews the past, states goals or eligibility. */
interface ReadState {
  past: boolean;
  goals: boolean;
  review: ReturnType<typeof reviewYears>;
  /** `past` as the enclosing sections set it (a review part turns back to it at its planned year). */
  past0: boolean;
  eligibility: boolean;
}

/** Reads each section, then its children, in document order. */
function visitSections(placing: Placing, list: readonly SectionNode[], given: number | null, depth: number, past: boolean, goals: boolean, eligibility: boolean): void {
  const { options } = placing;
  let inherited = given;
  for (const s of list) {
    const state = sectionState(s, depth, past, goals, eligibility);
    const base = inherited ?? titlePeriod(s.title ?? '');
    const { current, governing } = readLines(placing, sectionLines(s), s, state, base);
    if (options.contexts !== false) placing.contexts.set(s, { past: state.past, year: current ?? options.periodEnd });
    // The first deadline of this section's own text governs its children.
    visitSections(placing, s.children, governing ?? base, depth + 1, state.past, state.goals, state.eligibility);
    // 第二步，到2025年… read as the body of the item before it opens the next stage: its
    // year governs the items that follow.
    // (A part's own lead governs its children instead; only an item with none passes it on.)
    if (!options.regulation && !s.children.length) inherited = lastStageLeadYear(s.paragraphs) ?? inherited;
  }
}

/** Whether a section reviews the past, states goals, or says who may apply, given what its parents do. */
function sectionState(s: SectionNode, depth: number, past: boolean, goals: boolean, eligibility: boolean): ReadState {
  const title = s.title ?? '';
  // An untitled section (a law's 第N条) is tested on no title below: every test of '' is false or finds nothing.
  const titled = title !== '';
  // A review part's title, at the top or a level or two down (一、发展基础, （一）主要成效, 1.发展基础).
  const reviewing = titled && depth <= 3 && s.kind !== 'bullet' && s.kind !== 'enumeration';
  // (Tested once: reviewYears finds no years in a title that is no review part's.)
  const reviewPart = reviewing && REVIEW_PART.test(title);
  const review = reviewPart ? reviewYears(title) : null;
  const isPast = past || review !== null || (reviewPart && title.length <= 24 && !/目标|任务|举措|要求/.test(title));
  // A goals or indicators part, or a 专栏 box (it lists a plan's key projects and indicators).
  const isGoals = goals || (titled && GOALS_PART.test(title)) || s.kind === 'box';
  // 申报条件: the thresholds an applicant for support must meet.
  const isEligibility = eligibility || (titled && s.kind !== 'bullet' && title.length <= 16 && ELIGIBILITY_PART.test(title));
  return { past: isPast, goals: isGoals, review, past0: past, eligibility: isEligibility };
}

/** A plan period in a heading governs its part: 四、“十四五”主要任务 → 2025; else a year it names; else null. */
function titlePeriod(title: string): number | null {
  if (title === '') return null;
  return findPlanPeriods(title).at(-1)?.to ?? findDeadlines(title).at(-1)?.year ?? null;
}

/** A section's own lines: its heading line after the marker (so 第四十一条 or （三） never names an indicator), then its paragraphs. */
function sectionLines(s: SectionNode): readonly TextLine[] {
  if (!s.heading) return s.paragraphs;
  const marker = s.heading.heading?.marker.length ?? 0;
  // (A LineNode is read as a TextLine as it is: its value and start.)
  return [...(s.heading.heading?.cellLines ?? [{ value: s.heading.value.slice(marker), start: s.heading.start + marker, alone: true }]), ...s.paragraphs];
}

/** The year of the last paragraph that opens a stage (第二步，到2025年…), or null. */
function lastStageLeadYear(paragraphs: readonly LineNode[]): number | null {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const year = stageLeadYear((paragraphs[i] as LineNode).value);
    if (year !== null) return year;
  }
  return null;
}

/** Reads one run of text lines (a section's own, or the preamble); returns the last deadline year seen, and the first. */
function readLines(placing: Placing, lines: readonly TextLine[], section: SectionNode | null, state: ReadState, base: number | null): { current: number | null; governing: number | null } {
  const { options } = placing;
  let governing: number | null = null;
  let current = base;
  // Text outside any section (a notice with no headings) is a run of independent paragraphs: a
  // year governs only its own paragraph, unless that paragraph leads a list (到2025年，实现以下目标：).
  let leads = false;
  // Text that is not hard-wrapped joins no line to another: each line is a paragraph.
  const paragraphs: Iterable<Paragraph> = options.wrapped === true ? joinWrapped(lines) : lines;
  for (const paragraph of paragraphs) {
    if (section === null && !leads) current = base;
    if (state.past && state.review?.plansInPart && paragraph.start !== lines[0]?.start && opensPlannedYear(paragraph.value, state.review.planned)) state.past = state.past0;
    if (placing.quantities >= MAX_QUANTITIES) {
      placing.stoppedAt ??= { start: paragraph.start, end: paragraph.start + paragraph.value.length };
      break;
    }
    // Nothing to read, and no deadline (below) to carry on: extractTargets is not asked.
    if (setsNoLimit(paragraph.value, options.regulation, options.explain === true)) continue;
    const year = readParagraph(placing, paragraph, section, state, current);
    if (year !== null) {
      current = year;
      governing ??= year;
      leads = /[：:]\s*$/.test(paragraph.value);
    }
  }
  return { current, governing };
}

/**
 * 一、1998年工作回顾和1999年工作的总体要求: the part turns to the planned year at a paragraph
 * that opens with it (1999年，我们将… / 今年…).
 */
function opensPlannedYear(text: string, planned: number): boolean {
  const opening = text.replace(/^(?:各位代表[！!：:]?)/, '').slice(0, 12);
  return opening.includes(`${planned}年`) || opening.startsWith('今年');
}

/** Places one paragraph's targets (and decisions, for explain); returns the year of its last deadline, or null. */
function readParagraph(placing: Placing, paragraph: Paragraph, section: SectionNode | null, state: ReadState, current: number | null): number | null {
  const { options } = placing;
  const { regulation, documentYear } = options;
  // A regulation's limits carry their own year, so no year governs the next paragraph.
  const deadlines = regulation ? undefined : findDeadlines(paragraph.value, documentYear);
  const { targets: found, decisions: why } = extractTargets(paragraph.value, {
    deadlines,
    regulation,
    limitTested: true,
    past: state.past,
    documentYear,
    goals: state.goals,
    eligibility: state.eligibility,
    governingYear: current,
    periodStart: options.periodStart ?? null,
    retrospective: options.retrospective === true,
    explain: options.explain === true,
  });
  placing.quantities += why.length;
  for (const t of found) {
    // Field by field, not { ...t }: a spread followed by new fields is a slow clone in V8.
    placing.targets.push({
      text: t.text,
      indicator: t.indicator,
      comparator: t.comparator,
      value: t.value,
      valueHigh: t.valueHigh,
      unit: t.unit,
      year: t.year ?? (regulation ? null : (current ?? options.periodEnd)),
      aspirational: t.aspirational,
      kind: t.kind,
      rule: t.rule,
      section,
      start: toNormalised(paragraph, t.start),
      end: toNormalised(paragraph, t.end, true),
    });
  }
  if (options.explain) {
    for (const d of why) {
      placing.decisions.push({ raw: d.raw, value: d.value, unit: d.unit, accepted: d.accepted, rule: d.rule, section, start: toNormalised(paragraph, d.start), end: toNormalised(paragraph, d.end, true) });
    }
  }
  return deadlines?.at(-1)?.year ?? null;
}

interface TextLine {
  value: string;
  start: number;
  /** A heading line: never joined to the next line. */
  alone?: boolean;
}

/**
 * What is read for targets: one line as it is, or hard-wrapped lines joined, with where each
 * joined line starts in `value` (offsets map back through toNormalised()).
 */
interface Paragraph {
  value: string;
  start: number;
  segments?: ReadonlyArray<{ line: TextLine; at: number }>;
}

/** The normalised offset of an offset in a paragraph's `value` (an end at a join stays on its own line). */
function toNormalised(paragraph: Paragraph, offset: number, isEnd = false): number {
  const { segments } = paragraph;
  if (!segments) return paragraph.start + Math.min(offset, paragraph.value.length);
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] as (typeof segments)[number];
    if (offset > s.at || (!isEnd && offset === s.at) || i === 0) return s.line.start + Math.min(offset - s.at, s.line.value.length);
  }
  return paragraph.start;
}

/** A line that ends inside a sentence: on a word, a number or a comma. */
const WRAPPED = /[\u4e00-\u9fff0-9A-Za-z，、]$/;
/** A page number printed between the halves of a wrapped sentence: — 6 —. */
const PAGE_NUMBER = /^[—\-－]\s*\d{1,4}\s*[—\-－]$/;

/**
 * Whether a document's text was hard-wrapped (a PDF's lines): most of its long lines end
 * inside a sentence. Text written as paragraphs ends nearly every line with 。 or a bracket.
 */
export function isHardWrapped(lines: readonly LineNode[]): boolean {
  let long = 0;
  let open = 0;
  for (const l of lines) {
    if ((l.role !== 'paragraph' && l.role !== 'heading') || l.value.length < 20) continue;
    long++;
    if (WRAPPED.test(l.value)) open++;
  }
  return long >= 10 && open / long >= 0.65;
}

/**
 * Lines joined where a sentence was hard-wrapped (text from a PDF: 合计不少 / 于240小时), so a
 * value, its comparison word or its unit is never cut in two. In a hard-wrapped document a
 * line is joined to the next when it is at least 20 characters long and ends inside a
 * sentence; page numbers between the halves are skipped.
 */
function* joinWrapped(lines: readonly TextLine[]): Generator<Paragraph> {
  const parts: TextLine[] = [];
  // Made one at a time, as read: a reading that stops (MAX_QUANTITIES) makes no more.
  const take = (): Paragraph | undefined => {
    if (!parts.length) return undefined;
    // One line is its own paragraph.
    if (parts.length === 1) {
      const line = parts[0] as TextLine;
      parts.length = 0;
      return line;
    }
    const segments = parts.map((p) => ({ line: p, at: 0 }));
    let at = 0;
    for (const s of segments) {
      s.at = at;
      at += s.line.value.length;
    }
    const paragraph: Paragraph = { value: parts.map((p) => p.value).join(''), start: (parts[0] as TextLine).start, segments };
    parts.length = 0;
    return paragraph;
  };
  for (const line of lines) {
    if (parts.length && PAGE_NUMBER.test(line.value)) continue;
    parts.push(line);
    if (line.alone || line.value.length < 20 || !WRAPPED.test(line.value)) {
      const paragraph = take();
      if (paragraph) yield paragraph;
    }
  }
  const last = take();
  if (last) yield last;
}

/**
 * The year the document speaks from: its signing or publication date, else the year a
 * report's review part plans for (一、2013年工作回顾 → 2014).
 */
export function documentYearOf(meta: PolicyRoot['data']['meta'], sections: readonly SectionNode[] = []): number | null {
  const date = meta.issuedDate ?? meta.publishedDate;
  if (date) return Number(date.slice(0, 4));
  // A review part at the top, or inside an implicit part whose heading was lost.
  const tops = sections.flatMap((x) => (x.implicit ? x.children : [x]));
  for (const s of tops) {
    const years = reviewYears(s.title ?? '');
    if (years) return years.planned;
  }
  // 过去五年工作回顾 / 去年工作回顾 names no year: the latest year it reports on is the year before.
  // (A report's 工作回顾 only: a plan's 发展基础 may name its 2035 vision.)
  const review = tops.find((s) => s.title && s.title.length <= 24 && REVIEW_PART.test(s.title) && REPORT_REVIEW_PART.test(s.title));
  if (review) {
    const latest = Math.max(0, ...[...walkSections([review])].flatMap((s) => yearsNamed(sectionText(s), { reported: true })));
    if (latest) return latest + 1;
  }
  return null;
}

export function policyTargets() {
  return (tree: PolicyRoot, file: VFile): void => {
    const { meta, sections } = tree.data;
    const regulation = isRegulation(sections, meta.docType);
    const explain = (file.data as { explain?: boolean }).explain === true;
    const indicatorTables = tree.data.tables.filter((t) => t.kind === 'indicator');
    const options: TargetOptions = {
      periodEnd: meta.period?.to ?? null,
      regulation,
      documentYear: documentYearOf(meta, sections),
      explain,
      wrapped: isHardWrapped(tree.children),
      periodStart: meta.period?.from ?? null,
      retrospective: isReportOnThePast(meta.title ?? ''),
      // Only an indicator table looks up its section's context (most documents have none).
      contexts: indicatorTables.length > 0,
    };
    const placed = placeTargets(sections, options, tree.data.preamble);
    if (placed.stoppedAt) {
      const { start, end } = placed.stoppedAt;
      warn(file, tree.data, `More than ${MAX_QUANTITIES.toLocaleString('en')} quantities: the text from here on is not read for targets`, 'limit-quantities', start, end);
    }
    const targets = [...placed.targets];
    const decisions = [...placed.decisions];
    let ordered: SectionNode[] | undefined; // listed at the first indicator table (most documents have none)
    for (const table of indicatorTables) {
      ordered ??= [...walkSections(sections)];
      const at = (table.headerLines[0] as LineNode).start;
      // The table belongs to the last section that starts before it.
      let section: SectionNode | null = null;
      for (const s of ordered) if (s.start <= at) section = s;
      const context = section ? placed.contexts.get(section) : undefined;
      const read = readIndicatorTable(table, tree.children, tree.data.normalised.text, {
        section,
        past: context?.past ?? false,
        year: context?.year ?? options.periodEnd,
        regulation,
        periodEnd: options.periodEnd,
      });
      targets.push(...read.targets);
      if (explain) decisions.push(...read.decisions);
    }
    tree.data.targets = targets.sort((a, b) => a.start - b.start || a.end - b.end);
    tree.data.decisions = decisions.sort((a, b) => a.start - b.start);
  };
}
