// Renders a PlanDiff as one self-contained HTML page: summary counts, then sections side by
// side (old | new) in the diff's order with rows coloured by change and changed text marked
// with <del>/<ins>, then the tasks (unit changes) and targets (old → new value).
// Input: a PlanDiff. Output: a string; same input → same bytes, no network, all text escaped.
import { historyLine, targetValue } from '../diff/format-diff.js';
import type { Change, PlanDiff, SectionChange, SectionRef, TargetChange, TaskChange, TextEdit } from '../schema/plan-diff.js';
import { escapeHtml as esc, htmlPage } from './html.js';

const CHANGES: readonly Change[] = ['added', 'removed', 'changed', 'moved', 'unchanged'];

const CSS = `
tr.added > td { background: var(--added); }
tr.removed > td { background: var(--removed); }
tr.changed > td { background: var(--changed); }
tr.moved > td { background: var(--moved); }
tr.unchanged > td { color: var(--muted); }
td.change { white-space: nowrap; font-size: .85rem; font-weight: 600; width: 6rem; }
tr.added td.change { color: var(--added-fg); }
tr.removed td.change { color: var(--removed-fg); }
tr.changed td.change { color: var(--changed-fg); }
tr.moved td.change { color: var(--moved-fg); }
#summary td.num.added:not(.zero) { background: var(--added); }
#summary td.num.removed:not(.zero) { background: var(--removed); }
#summary td.num.changed:not(.zero) { background: var(--changed); }
#summary td.num.moved:not(.zero) { background: var(--moved); }
#summary { width: auto; }
#sections { table-layout: fixed; }
#sections th.change { width: 7rem; }
#sections td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, rgba(0,0,0,.04) 6px 12px); }
.marker { font-weight: 600; }
.edits { white-space: pre-wrap; margin-top: .25rem; font-size: .9rem; color: var(--fg); }
del { background: #ffcecb; color: var(--removed-fg); text-decoration: line-through; }
ins { background: #aceebb; color: var(--added-fg); text-decoration: none; }
.sides { color: var(--muted); }
.filter { margin: .5rem 0; display: inline-block; }
body:has(#hide-unchanged:checked) tr.unchanged { display: none; }
`;

function sectionLabel(ref: SectionRef): string {
  if (ref.marker === null && ref.title === null) return `<span class="muted">(${esc(ref.kind)} ${esc(ref.id)})</span>`;
  return `${ref.marker ? `<span class="marker">${esc(ref.marker)}</span>` : ''}${esc(ref.title ?? '')}`;
}

/** One side of a text diff: the old side keeps equal + deleted runs, the new side equal + inserted. */
function editsSide(textDiff: readonly TextEdit[], side: 'old' | 'new'): string {
  const hidden = side === 'old' ? 'insert' : 'delete';
  return textDiff
    .filter((e) => e.op !== hidden)
    .map((e) => (e.op === 'equal' ? esc(e.text) : e.op === 'insert' ? `<ins>${esc(e.text)}</ins>` : `<del>${esc(e.text)}</del>`))
    .join('');
}

function sectionCell(s: SectionChange, side: 'old' | 'new'): string {
  const ref = s[side];
  if (!ref) return '<td class="empty"></td>';
  const badges = [`<span class="badge">${esc(ref.kind)}</span>`, s.moved && s.change === 'changed' ? '<span class="badge">moved</span>' : '']
    .filter(Boolean)
    .join(' ');
  const edits = s.textDiff.length ? `<div class="edits">${editsSide(s.textDiff, side)}</div>` : '';
  return `<td class="${side}">${sectionLabel(ref)} ${badges} <span class="id">${esc(ref.id)}</span>${edits}</td>`;
}

function summaryTable(result: PlanDiff): string {
  const row = (name: string, counts: Record<Change, number>) =>
    `<tr><th scope="row">${name}</th>${CHANGES.map((c) => `<td class="num ${c}${counts[c] ? '' : ' zero'}">${counts[c]}</td>`).join('')}</tr>`;
  return [
    '<table id="summary">',
    `<thead><tr><th></th>${CHANGES.map((c) => `<th class="num">${c}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    row('Sections', result.summary.sections),
    row('Tasks', result.summary.tasks),
    row('Targets', result.summary.targets),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function sectionsTable(result: PlanDiff): string {
  const rows = result.sections.map(
    (s) => `<tr class="${s.change}" data-change="${s.change}"><td class="change">${s.change}</td>${sectionCell(s, 'old')}${sectionCell(s, 'new')}</tr>`,
  );
  return [
    '<table id="sections" class="side-by-side">',
    '<thead><tr><th class="change">change</th><th class="side">old</th><th class="side">new</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** A role's units: for a changed task, kept units plain, left ones <del>, joined ones <ins>. */
function unitsCell(t: TaskChange, role: 'lead' | 'support' | 'responsible'): string {
  const task = t.new ?? t.old;
  if (!task) return '<td></td>';
  const { added, removed } = t.units[role];
  const kept = task[role].filter((u) => !added.includes(u)).map(esc);
  const parts = [...kept, ...removed.map((u) => `<del>${esc(u)}</del>`), ...added.map((u) => `<ins>${esc(u)}</ins>`)];
  return `<td>${parts.join('、')}</td>`;
}

function tasksTable(result: PlanDiff): string {
  const rows = result.tasks.flatMap((t) => {
    const task = t.new ?? t.old;
    if (!task) return [];
    const retitled = t.old && t.new && t.old.title !== t.new.title;
    const title = retitled && t.old ? `<del>${esc(t.old.title)}</del> → <ins>${esc(task.title)}</ins>` : esc(task.title);
    return [
      `<tr class="${t.change}"><td class="change">${t.change}</td><td class="id">${esc(task.sectionId)}</td><td>${title}</td>${unitsCell(t, 'lead')}${unitsCell(t, 'support')}${unitsCell(t, 'responsible')}</tr>`,
    ];
  });
  return [
    '<table id="tasks">',
    '<thead><tr><th class="change">change</th><th>section</th><th>task</th><th>lead</th><th>support</th><th>responsible</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function targetValueCell(g: TargetChange): string {
  if (g.old && g.new) {
    return g.fields.length ? `<del>${esc(targetValue(g.old))}</del> → <ins>${esc(targetValue(g.new))}</ins>` : esc(targetValue(g.new));
  }
  if (g.new) return `<ins>${esc(targetValue(g.new))}</ins>`;
  return g.old ? `<del>${esc(targetValue(g.old))}</del>` : '';
}

function targetsTable(result: PlanDiff): string {
  const rows = result.targets.flatMap((g) => {
    const target = g.new ?? g.old;
    if (!target) return [];
    const renamed = g.old && g.new && g.fields.includes('indicator');
    const indicator = renamed && g.old ? `<del>${esc(g.old.indicator)}</del> → <ins>${esc(target.indicator)}</ins>` : esc(target.indicator);
    return [
      `<tr class="${g.change}"><td class="change">${g.change}</td><td class="id">${esc(target.sectionId ?? '')}</td><td>${indicator}</td><td>${targetValueCell(g)}</td><td>${esc(g.fields.join(', '))}</td></tr>`,
    ];
  });
  return [
    '<table id="targets">',
    '<thead><tr><th class="change">change</th><th>section</th><th>indicator</th><th>old → new value</th><th>changed fields</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function sideLine(name: string, side: PlanDiff['old']): string {
  return `<div>${name}: <code>${esc(side.path)}</code>${side.title ? ` ${esc(side.title)}` : ''}${side.docNumber ? ` (${esc(side.docNumber)})` : ''}</div>`;
}

/** One self-contained HTML page for a PlanDiff; same input → same bytes. */
export function formatDiffHtml(result: PlanDiff): string {
  const name = (side: PlanDiff['old']) => side.title ?? side.path;
  const title = `${name(result.old)} → ${name(result.new)}`;
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<div class="sides">${sideLine('Old', result.old)}${sideLine('New', result.new)}</div>`,
    summaryTable(result),
    ...(historyLine(result) ? [`<p class="history">${esc(historyLine(result) as string)}</p>`] : []),
    '<label class="filter"><input type="checkbox" id="hide-unchanged"> hide unchanged rows</label>',
    '<h2>Sections</h2>',
    sectionsTable(result),
    '<h2>Tasks</h2>',
    result.tasks.length ? tasksTable(result) : '<p class="muted">No tasks.</p>',
    '<h2>Targets</h2>',
    result.targets.length ? targetsTable(result) : '<p class="muted">No targets.</p>',
  ].join('\n');
  return htmlPage({ title, css: CSS, body });
}
