// Tasks: the actionable items of a plan, with their responsible units.
// Input: nested sections and metadata. Output: `tree.data.tasks` in document order.
// A task is a deepest-level numbered item under the task part(s): parts titled
// 主要任务 / 重点任务 / 工作任务 …, or, with no such title, the parts between the general
// requirements/goals and the closing safeguards. Boxes (专栏), their bullets, —— bullets
// and 一是 enumerations are never tasks. Items elsewhere that carry a department
// attribution are tasks too. Interpretations (解读) have no task part.
import type { VFile } from 'vfile';
import { NO_TASK_TYPES, REGULATION_TYPES } from '../lexicon/doc-types.js';
import { CLOSING_PART, DUTY_PART, GENERAL_PART, TASK_PART } from '../lexicon/parts.js';
import type { PolicyRoot, SectionNode, TaskDraft } from '../tree.js';
import { sectionText, walkSections } from '../tree.js';
import { type Attribution, hasUnreadAttribution, isUnitName, mayStateFirstListedLeads, parseAttribution, statesFirstListedLeads } from './departments.js';
import type { Positioner } from '../util/position.js';
import { warn } from '../util/report.js';

export { CLOSING_PART, GENERAL_PART, TASK_PART } from '../lexicon/parts.js';
/** Chapters and articles mark a regulation whatever its title says. */
const LEGAL_KINDS = new Set(['chapter', 'article']);

const TRANSIENT_KINDS = new Set(['box', 'bullet', 'enumeration']);

export interface TaskOptions {
  /** The document states once that the first unit listed leads (列第一位者为牵头部门，下同). */
  firstListedLeads?: boolean;
}

export function extractTasks(
  sections: readonly SectionNode[],
  docType: string | null,
  file?: VFile,
  locate?: Positioner,
  options: TaskOptions = {},
): TaskDraft[] {
  const regulation = isRegulation(sections, docType);
  const taskParts = regulation || NO_TASK_TYPES.has(docType ?? '') ? new Set<SectionNode>() : findTaskParts(sections);
  const inTaskPart = new Set<SectionNode>();
  for (const part of taskParts) for (const s of walkSections([part])) inTaskPart.add(s);
  const dutyItems = new Set<SectionNode>();
  for (const part of sections) {
    if (part.title && DUTY_PART.test(part.title)) for (const c of part.children) if (c.title && isUnitName(c.title) && !/组$/.test(c.title)) dutyItems.add(c);
  }

  const tasks: TaskDraft[] = [];
  const visit = (list: readonly SectionNode[], inBox: boolean, inherited: Attribution | null): void => {
    for (const s of list) {
      const boxed = inBox || s.kind === 'box';
      const text = attributionText(s);
      const untitledArticle = s.kind === 'article' && !s.title;
      const candidate = !boxed && !TRANSIENT_KINDS.has(s.kind) && !s.implicit && (s.title !== null || untitledArticle);
      const own =
        tableAttribution(s) ??
        titleAttribution(s, options) ??
        parseAttribution(text, { firstListedLeads: options.firstListedLeads, prose: candidate && !regulation && !untitledArticle }) ??
        dutyAttribution(s, dutyItems);
      const leaf = !s.children.some((c) => !TRANSIENT_KINDS.has(c.kind));
      // An item with no units of its own takes its parent's: （一）… （牵头单位：X） over 1. 2. 3.
      const attribution = own ?? (leaf ? inherited : null);
      if (candidate && ((leaf && inTaskPart.has(s) && !taskParts.has(s)) || own || (attribution && !regulation))) {
        // 第六条 …（责任单位：区政府）: an article with units printed for it is a task, titled by its first clause.
        const title = untitledArticle ? firstClause(s) : (s.title ?? '');
        tasks.push({
          section: s,
          title,
          lead: attribution?.lead ?? [],
          support: attribution?.support ?? [],
          responsible: attribution?.responsible ?? [],
        });
        if (!attribution && locate && hasUnreadAttribution(text)) {
          warn(file, { locate }, `Could not read the department attribution of task “${title}”`, 'department-unparsed', s.start, s.end);
        }
      }
      // Only units printed for the item (a bracket, a label, a table row) carry down; prose describes the part.
      visit(s.children, boxed, own && !own.prose ? own : inherited);
    }
  };
  visit(sections, false, null);
  return tasks;
}

/** The first clause of a section's text: 第六条 在园区内新设立的企业，… → 在园区内新设立的企业. */
function firstClause(s: SectionNode): string {
  const marker = s.heading?.heading?.marker.length ?? 0;
  const text = `${s.heading?.value.slice(marker) ?? ''}${s.paragraphs[0]?.value ?? ''}`.trim();
  return /^[^，。；：,;:]{1,40}/.exec(text)?.[0] ?? text.slice(0, 40);
}

/** A section's own text and that of its 一是 enumerations and —— bullets, where an attribution may close the item. */
function attributionText(s: SectionNode): string {
  if (!s.children.some((c) => c.kind === 'enumeration' || c.kind === 'bullet')) return sectionText(s);
  const parts = [sectionText(s)];
  for (const c of s.children) {
    if (c.kind === 'enumeration' || c.kind === 'bullet') parts.push(`${c.heading?.value ?? ''}\n${attributionText(c)}`);
  }
  return parts.join('\n');
}

/** 1.强化规划管控（责任单位：市规划资源局）: an attribution printed after the title. */
function titleAttribution(s: SectionNode, options: TaskOptions): Attribution | null {
  const title = s.title ?? '';
  if (!title.endsWith('）') && !title.endsWith(')')) return null;
  const found = parseAttribution(title, { firstListedLeads: options.firstListedLeads });
  if (!found || found.end !== title.length) return null;
  s.title = title.slice(0, found.start).trim() || title;
  return found;
}

/** Under 三、工作职责, an item titled by a unit (（一）区发展改革委) is that unit's task. */
function dutyAttribution(s: SectionNode, dutyItems: ReadonlySet<SectionNode>): Attribution | null {
  if (!dutyItems.has(s) || !s.title) return null;
  return { lead: [], support: [], responsible: [s.title], start: 0, end: 0 };
}

function tableAttribution(s: SectionNode): Attribution | null {
  const units = s.heading?.heading?.attribution;
  return units && units.lead.length + units.support.length + units.responsible.length ? { ...units, start: 0, end: 0 } : null;
}

/** A regulation (条例, 办法, a law…) or anything built of chapters and articles. */
export function isRegulation(sections: readonly SectionNode[], docType: string | null): boolean {
  if (REGULATION_TYPES.has(docType ?? '')) return true;
  // Stops at the first chapter or article (the first heading of most laws).
  for (const s of walkSections(sections)) if (LEGAL_KINDS.has(s.kind)) return true;
  return false;
}

/** The top-level sections that hold the tasks (looking through implicit wrappers). */
export function findTaskParts(sections: readonly SectionNode[]): Set<SectionNode> {
  const parts = sections.filter((s) => s.kind !== 'box');
  const labels = parts.map(partLabel);
  const named = parts.filter((_, i) => labels[i] === 'task');
  if (named.length) return new Set(named);
  // With no landmark at all there is no "between": a list of points is not a task list.
  if (labels.every((l) => l === 'other')) return new Set();
  const first = labels.lastIndexOf('general') + 1;
  let last = labels.indexOf('closing', first);
  if (last < 0) last = parts.length;
  return new Set(parts.slice(first, last));
}

type PartLabel = 'task' | 'general' | 'closing' | 'other';

function partLabel(part: SectionNode): PartLabel {
  const title = part.title ?? '';
  if (title) {
    if (CLOSING_PART.test(title)) return 'closing';
    if (GENERAL_PART.test(title)) return 'general';
    if (TASK_PART.test(title) && title.length <= 12) return 'task';
    return 'other';
  }
  // An implicit part (its heading line was lost) is known by its first item:
  // 指导思想 opens the general part, 加强组织领导 the safeguards.
  const first = part.children.find((c) => c.title);
  const label = first ? partLabel(first) : 'other';
  return label === 'task' ? 'other' : label;
}

export function policyTasks() {
  return (tree: PolicyRoot, file: VFile): void => {
    // Every line is a piece of the normalised text: where the text cannot state the convention, no line is read for it.
    const firstListedLeads =
      mayStateFirstListedLeads(tree.data.normalised.text) && tree.children.some((l) => (l.role === 'paragraph' || l.role === 'heading') && statesFirstListedLeads(l.value));
    tree.data.tasks = extractTasks(tree.data.sections, tree.data.meta.docType, file, tree.data.locate, { firstListedLeads });
  };
}
