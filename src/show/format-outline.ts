// Renders a PolicyDocument's outline for people: one line per section, indented two
// spaces per level, with each task's units and each target inline. Input: a
// PolicyDocument. Output: a string ending in a newline; the caller prints it (no I/O here).
// Nothing is padded for alignment, so CJK text needs no width arithmetic: every line is
// `indent + content`, and the only separators are fixed two-space gaps.
import { targetValue } from '../diff/format-diff.js';
import type { PolicyDocument, Section, Target, Task } from '../schema/policy-document.js';
import { rootSections } from '../util/sections.js';

export interface OutlineOptions {
  /** ANSI colours (terminal only). The CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /**
   * Levels of sections to show (1 = top-level sections only). Where the tree is cut, one
   * `… N more` line at the first hidden level counts what was left out below that section
   * (sections, and the tasks and targets inside them), so nothing disappears silently.
   */
  depth?: number;
  /**
   * Under each section, every quantity of the document's `explain` and the rule that decided
   * it: targets get their rule (✓ … [comparator]), the others a line of their own (✗ 2025年 [date]).
   */
  explain?: boolean;
}

const ANSI = { green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
/** How much of an untitled section's text stands in for its title. */
const SNIPPET = 20;
const ROLES = [
  ['lead', '牵头'],
  ['support', '配合'],
  ['responsible', '责任'],
] as const;

/** Runs of whitespace (line breaks in a title or text) become one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function snippet(text: string): string {
  const chars = [...oneLine(text)];
  return chars.length > SNIPPET ? `${chars.slice(0, SNIPPET).join('')}…` : chars.join('');
}

/** "牵头 监督司 · 配合 认监委、标准委"; empty when the task names no unit. */
function units(task: Task): string {
  return ROLES.filter(([role]) => task[role].length)
    .map(([role, label]) => `${label} ${task[role].join('、')}`)
    .join(' · ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatOutline(doc: PolicyDocument, options: OutlineOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color && text ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;

  const tasksBySection = new Map<string, Task[]>();
  for (const task of doc.tasks) tasksBySection.set(task.sectionId, [...(tasksBySection.get(task.sectionId) ?? []), task]);
  const targetsBySection = new Map<string | null, Target[]>();
  for (const target of doc.targets) targetsBySection.set(target.sectionId, [...(targetsBySection.get(target.sectionId) ?? []), target]);
  const rejectedBySection = new Map<string | null, NonNullable<PolicyDocument['explain']>>();
  if (options.explain) {
    for (const e of doc.explain ?? []) if (!e.accepted) rejectedBySection.set(e.sectionId, [...(rejectedBySection.get(e.sectionId) ?? []), e]);
  }

  const { meta } = doc;
  const facts = [meta.docNumber, meta.issuer, meta.issuedDate ?? meta.publishedDate].filter((f): f is string => Boolean(f));
  const lines: string[] = [`${paint('bold', oneLine(meta.title ?? doc.source.path))}${facts.length ? `  ${paint('dim', facts.join(' · '))}` : ''}`];

  const unitsNote = (task: Task) => {
    const text = units(task);
    return text ? `  ${paint('cyan', `[${text}]`)}` : '';
  };
  const targetLine = (target: Target, level: number) => {
    const why = options.explain ? ` [${target.rule}]` : '';
    const text = `${options.explain ? '✓' : '◎'} ${oneLine(target.indicator)} ${targetValue(target)}${target.aspirational ? ' (aspirational)' : ''}${why}`;
    lines.push(`${'  '.repeat(level)}${paint(target.aspirational ? 'yellow' : 'green', text)}`);
  };

  /** "第一条" + "为了…" needs a space; "一、" + "总体要求" does not. */
  const label = (s: Section, level: number) => {
    const marker = s.marker ? paint('dim', s.marker) : '';
    const gap = s.marker && /[\p{L}\p{N}]$/u.test(s.marker) ? ' ' : '';
    let title: string;
    if (s.title) title = level === 0 ? paint('bold', oneLine(s.title)) : oneLine(s.title);
    else if (s.implicit) title = paint('dim', `(implicit ${s.kind})`);
    else if (s.text.trim()) title = snippet(s.text);
    else title = paint('dim', `(${s.kind} ${s.id})`);
    return `${marker}${gap}${title}`;
  };

  const hidden = (sections: readonly Section[]) => {
    let n = 0;
    let tasks = 0;
    let targets = 0;
    const walk = (list: readonly Section[]) => {
      for (const s of list) {
        n += 1;
        tasks += tasksBySection.get(s.id)?.length ?? 0;
        targets += targetsBySection.get(s.id)?.length ?? 0;
        walk(s.children);
      }
    };
    walk(sections);
    const inside = [tasks ? count(tasks, 'task') : '', targets ? count(targets, 'target') : ''].filter(Boolean).join(', ');
    return `… ${count(n, 'more section', 'more sections')}${inside ? ` (${inside})` : ''}`;
  };

  const visit = (sections: readonly Section[], level: number) => {
    for (const s of sections) {
      const tasks = tasksBySection.get(s.id) ?? [];
      // A task that is the section itself (same title) gets its units on the section's
      // line; any other task attached to the section gets a line of its own below it.
      const own = tasks.length === 1 && tasks[0] && (s.title === null || oneLine(tasks[0].title) === oneLine(s.title)) ? tasks[0] : undefined;
      lines.push(`${'  '.repeat(level)}${label(s, level)}${own ? unitsNote(own) : ''}`);
      for (const task of tasks) if (task !== own) lines.push(`${'  '.repeat(level + 1)}▸ ${oneLine(task.title)}${unitsNote(task)}`);
      for (const target of targetsBySection.get(s.id) ?? []) targetLine(target, level + 1);
      for (const e of rejectedBySection.get(s.id) ?? []) lines.push(`${'  '.repeat(level + 1)}${paint('dim', `✗ ${oneLine(e.text)} [${e.rule}]`)}`);
      if (!s.children.length) continue;
      if (level + 1 < maxDepth) visit(s.children, level + 1);
      else lines.push(`${'  '.repeat(level + 1)}${paint('dim', hidden(s.children))}`);
    }
  };
  if (maxDepth >= 1) visit(rootSections(doc), 0);
  else if (rootSections(doc).length) lines.push(paint('dim', hidden(rootSections(doc))));

  // Tasks and targets whose section is not in the tree (or not in any section) are not
  // dropped: they follow the outline, unindented. Sections hidden by `depth` do not count.
  const all = new Set<string>();
  const collect = (list: readonly Section[]) => list.forEach((s) => (all.add(s.id), collect(s.children)));
  collect(rootSections(doc));
  const strayTasks = doc.tasks.filter((t) => !all.has(t.sectionId));
  const strayTargets = doc.targets.filter((t) => t.sectionId === null || !all.has(t.sectionId));
  if (strayTasks.length || strayTargets.length) lines.push(paint('dim', '(outside any section)'));
  for (const task of strayTasks) lines.push(`  ▸ ${oneLine(task.title)}${unitsNote(task)}`);
  for (const target of strayTargets) targetLine(target, 1);
  return `${lines.join('\n')}\n`;
}
