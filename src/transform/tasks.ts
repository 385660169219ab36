// Tasks: the actionable items of a plan, with their responsible units.
// Input: nested sections and metadata. Output: `tree.data.tasks` in document order.
// A task is a deepest-level numbered item under the task part(s): parts titled
// 主要任务 / 重点任务 / 工作任务 …, or, with no such title, the parts between the general
// requirements/goals and the closing safeguards. Boxes (专栏), their bullets, —— bullets
// and 一是 enumerations are never tasks. Items elsewhere that carry a department
// attribution are tasks too. Interpretations (解读) have no task part.
import type { VFile } from 'vfile';
import type { PolicyRoot, SectionNode, TaskDraft } from '../tree.js';
import { sectionText, walkSections } from '../tree.js';
import { hasUnreadAttribution, parseAttribution } from './departments.js';
import type { Positioner } from '../util/position.js';
import { warn } from '../util/report.js';

/** Part titles that announce the tasks. */
export const TASK_PART = /(主要|重点|工作|具体|核心|重大)?(任务|举措)|主要措施|重点工作|工作措施|具体措施|政策措施|主要内容和任务/;
/** Part titles before the tasks: principles, goals, background. */
export const GENERAL_PART =
  /总体要求|总体思路|指导思想|基本原则|工作原则|主要原则|总体目标|发展目标|主要目标|工作目标|年度目标|目标任务|基本思路|发展基础|发展环境|发展形势|现实基础|面临形势|重要意义|背景|编制依据|适用范围|总则|基本情况/;
/** Part titles after the tasks: safeguards, organisation, schedule. */
export const CLOSING_PART =
  /保障措施|保障机制|组织实施|组织保障|实施保障|工作要求|职责分工|进度安排|实施步骤|时间安排|实施安排|步骤安排|工作步骤|组织领导|加强领导|监督检查|考核评估|附则|其他事项|工作机制/;
/** Regulatory document types: no task part (an interpretation 解读 has none either). */
const NO_TASKS = new Set(['条例', '办法', '规定', '细则', '法', '决定', '解释', '批复']);
/** Chapters and articles mark a regulation whatever its title says. */
const LEGAL_KINDS = new Set(['chapter', 'article']);

const TRANSIENT_KINDS = new Set(['box', 'bullet', 'enumeration']);

export function extractTasks(sections: readonly SectionNode[], docType: string | null, file?: VFile, locate?: Positioner): TaskDraft[] {
  const taskParts = isRegulation(sections, docType) || docType === '解读' ? new Set<SectionNode>() : findTaskParts(sections);
  const inTaskPart = new Set<SectionNode>();
  for (const part of taskParts) for (const s of walkSections([part])) inTaskPart.add(s);

  const tasks: TaskDraft[] = [];
  const visit = (list: readonly SectionNode[], inBox: boolean): void => {
    for (const s of list) {
      const boxed = inBox || s.kind === 'box';
      const text = sectionText(s);
      const attribution = parseAttribution(text) ?? tableAttribution(s);
      const leaf = !s.children.some((c) => !TRANSIENT_KINDS.has(c.kind));
      const candidate = !boxed && !TRANSIENT_KINDS.has(s.kind) && !s.implicit && s.title !== null;
      if (candidate && ((leaf && inTaskPart.has(s) && !taskParts.has(s)) || attribution)) {
        tasks.push({
          section: s,
          title: s.title ?? '',
          lead: attribution?.lead ?? [],
          support: attribution?.support ?? [],
          responsible: attribution?.responsible ?? [],
        });
        if (!attribution && locate && hasUnreadAttribution(text)) {
          warn(file, { locate }, `Could not read the department attribution of task “${s.title}”`, 'department-unparsed', s.start, s.end);
        }
      }
      visit(s.children, boxed);
    }
  };
  visit(sections, false);
  return tasks;
}

function tableAttribution(s: SectionNode) {
  const units = s.heading?.heading?.attribution;
  return units && units.lead.length + units.support.length + units.responsible.length ? units : null;
}

/** A regulation (条例, 办法, a law…) or anything built of chapters and articles. */
export function isRegulation(sections: readonly SectionNode[], docType: string | null): boolean {
  if (NO_TASKS.has(docType ?? '')) return true;
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
    tree.data.tasks = extractTasks(tree.data.sections, tree.data.meta.docType, file, tree.data.locate);
  };
}
