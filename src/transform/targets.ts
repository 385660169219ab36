// Targets: quantitative commitments, placed in their sections.
// Input: nested sections and metadata. Output: `tree.data.targets` in document order.
// Clause-level extraction is extractTargets() (one paragraph at a time); this stage adds
// what a paragraph cannot know: its section, and the deadline year that governs it when
// the clause has none — an earlier 到2020年 in the same section, else one in an enclosing
// section's own text (a goals part that opens 到2025年， then lists —— bullets), else
// the end of the document's period (行动计划（2016）).
import type { PolicyRoot, SectionNode, TargetDraft } from '../tree.js';
import { extractTargets } from './extract-targets.js';
import { isRegulation } from './tasks.js';

const DEADLINE = /(?:到|至|截至|截止到?)\s*(\d{4})\s*年|(\d{4})\s*年(?:底|末)?(?:前|以前)/g;

/** A year as extractTargets() reads deadlines: 2025年 or 二〇二五年. */
const YEAR = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年/;

function lastDeadline(text: string): number | null {
  let year: number | null = null;
  for (const m of text.matchAll(DEADLINE)) year = Number(m[1] ?? m[2]);
  return year;
}

/**
 * `regulation`: the limits a regulation sets (期限不得超过2年) are rules, not commitments;
 * there only clauses with their own deadline year count.
 */
export function placeTargets(sections: readonly SectionNode[], periodEnd: number | null, regulation = false): TargetDraft[] {
  const targets: TargetDraft[] = [];
  const visit = (list: readonly SectionNode[], inherited: number | null): void => {
    for (const s of list) {
      // A heading line is read after its marker, so 第四十一条 or （三） never names an indicator.
      const marker = s.heading?.heading?.marker.length ?? 0;
      const lines = s.heading ? [{ value: s.heading.value.slice(marker), start: s.heading.start + marker }, ...s.paragraphs] : s.paragraphs;
      // The first deadline of this section's own text governs its children.
      let governing: number | null = null;
      let current = inherited;
      for (const line of lines) {
        // A regulation's targets carry their own year: a line without one has none.
        const targetsHere = regulation && !(line.value.includes('年') && YEAR.test(line.value)) ? [] : extractTargets(line.value);
        for (const t of targetsHere) {
          if (regulation && t.year === null) continue;
          targets.push({
            section: s,
            text: t.text,
            indicator: t.indicator,
            comparator: t.comparator,
            value: t.value,
            unit: t.unit,
            year: t.year ?? current ?? periodEnd,
            aspirational: t.aspirational,
            start: line.start + t.start,
            end: line.start + t.end,
          });
        }
        // A regulation's targets carry their own year, so no year governs the next line.
        const year = regulation ? null : lastDeadline(line.value);
        if (year !== null) {
          current = year;
          governing ??= year;
        }
      }
      visit(s.children, governing ?? inherited);
    }
  };
  visit(sections, null);
  return targets;
}

export function policyTargets() {
  return (tree: PolicyRoot): void => {
    tree.data.targets = placeTargets(tree.data.sections, tree.data.meta.period?.to ?? null, isRegulation(tree.data.sections, tree.data.meta.docType));
  };
}
