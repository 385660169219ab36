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
import { findDeadlines, findPlanPeriods } from '../lexicon/deadlines.js';
import { REVIEW_PART, reviewYears } from '../lexicon/parts.js';
import { extractTargets } from '../targets/extract.js';
import { readIndicatorTable } from '../targets/tables.js';
import type { DecisionDraft, LineNode, PolicyRoot, SectionNode, TargetDraft } from '../tree.js';
import { walkSections } from '../tree.js';
import type { VFile } from 'vfile';
import { isRegulation } from './tasks.js';

/** Titles of parts that state goals: a bare indicator and value there is a target. */
const GOALS_PART = /目标|指标/;

export interface TargetOptions {
  periodEnd: number | null;
  regulation: boolean;
  documentYear: number | null;
  /** Keep why every quantity was or was not taken (the `explain` output). */
  explain?: boolean;
}

export interface Placed {
  targets: TargetDraft[];
  decisions: DecisionDraft[];
  /** For each section: whether it reviews the past, and the year that governs it. */
  contexts: Map<SectionNode, { past: boolean; year: number | null }>;
}

export function placeTargets(sections: readonly SectionNode[], options: TargetOptions): Placed {
  const targets: TargetDraft[] = [];
  const decisions: DecisionDraft[] = [];
  const contexts: Placed['contexts'] = new Map();
  const { regulation, documentYear } = options;

  const visit = (list: readonly SectionNode[], inherited: number | null, depth: number, past: boolean, goals: boolean): void => {
    for (const s of list) {
      const title = s.title ?? '';
      const review = depth <= 2 ? reviewYears(title) : null;
      let isPast = past || review !== null || (depth <= 2 && title.length <= 24 && REVIEW_PART.test(title) && !/目标|任务|举措|要求/.test(title));
      // A goals or indicators part, or a 专栏 box (it lists a plan's key projects and indicators).
      const isGoals = goals || GOALS_PART.test(title) || s.kind === 'box';
      // A plan period in the heading governs the part: 四、“十四五”主要任务 → 2025.
      const titlePeriod = findPlanPeriods(title).at(-1)?.to ?? findDeadlines(title).at(-1)?.year ?? null;
      const base = inherited ?? titlePeriod;
      // A heading line is read after its marker, so 第四十一条 or （三） never names an indicator.
      const marker = s.heading?.heading?.marker.length ?? 0;
      const lines = s.heading
        ? [...(s.heading.heading?.cellLines ?? [{ value: s.heading.value.slice(marker), start: s.heading.start + marker }]), ...s.paragraphs]
        : s.paragraphs;
      // The first deadline of this section's own text governs its children.
      let governing: number | null = null;
      let current = base;
      for (const line of lines) {
        // 一、1998年工作回顾和1999年工作的总体要求: the part turns to the planned year at a paragraph
        // that opens with it (1999年，我们将… / 今年…).
        const opening = line.value.replace(/^(?:各位代表[！!：:]?)/, '').slice(0, 12);
        if (isPast && review?.plansInPart && line !== lines[0] && (opening.includes(`${review.planned}年`) || opening.startsWith('今年'))) isPast = past;
        const { targets: found, decisions: why } = extractTargets(line.value, { regulation, past: isPast, documentYear, goals: isGoals });
        for (const t of found) {
          targets.push({
            section: s,
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
            start: line.start + t.start,
            end: line.start + t.end,
          });
        }
        if (options.explain) for (const d of why) decisions.push({ ...d, section: s, start: line.start + d.start, end: line.start + d.end });
        // A regulation's limits carry their own year, so no year governs the next line.
        const year = regulation ? null : (findDeadlines(line.value, documentYear).at(-1)?.year ?? null);
        if (year !== null) {
          current = year;
          governing ??= year;
        }
      }
      contexts.set(s, { past: isPast, year: current ?? options.periodEnd });
      visit(s.children, governing ?? base, depth + 1, isPast, isGoals);
    }
  };
  visit(sections, null, 1, false, false);
  return { targets, decisions, contexts };
}

/**
 * The year the document speaks from: its signing or publication date, else the year a
 * report's review part plans for (一、2013年工作回顾 → 2014).
 */
export function documentYearOf(meta: PolicyRoot['data']['meta'], sections: readonly SectionNode[] = []): number | null {
  const date = meta.issuedDate ?? meta.publishedDate;
  if (date) return Number(date.slice(0, 4));
  for (const s of sections) {
    const years = reviewYears(s.title ?? '');
    if (years) return years.planned;
  }
  return null;
}

export function policyTargets() {
  return (tree: PolicyRoot, file: VFile): void => {
    const { meta, sections } = tree.data;
    const regulation = isRegulation(sections, meta.docType);
    const explain = (file.data as { explain?: boolean }).explain === true;
    const options: TargetOptions = { periodEnd: meta.period?.to ?? null, regulation, documentYear: documentYearOf(meta, sections), explain };
    const placed = placeTargets(sections, options);
    const targets = [...placed.targets];
    const decisions = [...placed.decisions];
    const ordered = [...walkSections(sections)];
    for (const table of tree.data.tables) {
      if (table.kind !== 'indicator') continue;
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
