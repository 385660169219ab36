// Renders a PlanDiff for people: a terminal report (coloured on request) and Markdown for
// a pull request or a report. Input: a PlanDiff. Output: a string; the caller prints it.
// Both list what changed in reading order of the new version and leave out `unchanged`
// entries unless `all` is set; the counts always include them.
import type { Change, PlanDiff, SectionChange, SectionRef, TargetChange, TargetRef, TaskChange, TextEdit } from '../schema/plan-diff.js';

export interface FormatOptions {
  /** ANSI colours (terminal only). The CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /** Also list unchanged entries. */
  all?: boolean;
}

const COMPARATOR: Record<TargetRef['comparator'], string> = {
  eq: '=',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  approx: '≈',
  increase: '↑',
  decrease: '↓',
  range: '∈',
};

const SIGN: Record<Change, string> = { added: '+', removed: '-', changed: '~', moved: '↕', unchanged: ' ' };
const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
const CHANGE_COLOR: Record<Change, keyof typeof ANSI> = {
  added: 'green',
  removed: 'red',
  changed: 'yellow',
  moved: 'cyan',
  unchanged: 'dim',
};

function sectionLabel(ref: SectionRef | null): string {
  if (!ref) return '';
  return `${ref.marker ?? ''}${ref.title ?? (ref.marker ? '' : `(${ref.kind} ${ref.id})`)}`;
}

/** " (was 第二十三条)" when the old label differs: renumbered, retitled or both. */
function was(change: SectionChange): string {
  if (!change.old || !change.new) return '';
  const before = sectionLabel(change.old);
  return before === sectionLabel(change.new) ? '' : ` (was ${before})`;
}

function idPlace(change: { old: { id: string } | null; new: { id: string } | null }): string {
  if (change.old && change.new) return change.old.id === change.new.id ? change.new.id : `${change.old.id} → ${change.new.id}`;
  return change.new?.id ?? change.old?.id ?? '';
}

export function targetValue(ref: TargetRef): string {
  const value = ref.comparator === 'range' && ref.valueHigh !== null ? `${ref.value}–${ref.valueHigh}` : String(ref.value);
  return `${COMPARATOR[ref.comparator]} ${value}${ref.unit ?? ''}${ref.year === null ? '' : ` (${ref.year})`}`;
}

function units(task: TaskChange['new']): string {
  if (!task) return '';
  const roles = [
    ['lead', task.lead],
    ['support', task.support],
    ['responsible', task.responsible],
  ] as const;
  return roles
    .filter(([, list]) => list.length)
    .map(([role, list]) => `${role} ${list.join('、')}`)
    .join(' · ');
}

/** "lead −检验司 +质量司 · support +检验司" */
function unitEdits(change: TaskChange): string {
  return (['lead', 'support', 'responsible'] as const)
    .map((role) => {
      const { added, removed } = change.units[role];
      const parts = [...removed.map((u) => `−${u}`), ...added.map((u) => `+${u}`)];
      return parts.length ? `${role} ${parts.join(' ')}` : '';
    })
    .filter(Boolean)
    .join(' · ');
}

function countsLine(counts: Record<Change, number>): string {
  return (['added', 'removed', 'changed', 'moved', 'unchanged'] as const).map((c) => `${counts[c]} ${c}`).join(' · ');
}

function listed<T extends { change: Change }>(entries: readonly T[], all: boolean | undefined): T[] {
  return all ? [...entries] : entries.filter((e) => e.change !== 'unchanged');
}

export function formatDiffTerminal(result: PlanDiff, options: FormatOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color && text ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const lines: string[] = [
    paint('bold', `--- ${result.old.path}${result.old.title ? `  ${result.old.title}` : ''}`),
    paint('bold', `+++ ${result.new.path}${result.new.title ? `  ${result.new.title}` : ''}`),
  ];
  const head = (name: string, counts: Record<Change, number>) => {
    lines.push('', `${paint('bold', name)}  ${countsLine(counts)}`);
  };
  const entry = (change: Change, text: string, detail = '') => {
    lines.push(`  ${paint(CHANGE_COLOR[change], `${SIGN[change]} ${text}`)}${detail ? `  ${paint('dim', detail)}` : ''}`);
  };
  const edits = (textDiff: readonly TextEdit[]) =>
    textDiff
      .map((e) => {
        const text = e.text.replace(/\n/g, ' ⏎ ');
        if (e.op === 'equal') return text;
        if (options.color) return paint(e.op === 'insert' ? 'green' : 'red', text);
        return e.op === 'insert' ? `{+${text}+}` : `[-${text}-]`;
      })
      .join('');

  const history = historyLine(result);
  if (history) lines.push('', history);

  head('Sections', result.summary.sections);
  for (const s of listed(result.sections, options.all)) {
    const label = s.change === 'removed' ? sectionLabel(s.old) : sectionLabel(s.new);
    entry(s.change, `${label}${was(s)}`, `${idPlace(s)}${s.moved && s.change === 'changed' ? ' · moved' : ''}`);
    if (s.textDiff.length) lines.push(`      ${edits(s.textDiff)}`);
  }

  head('Tasks', result.summary.tasks);
  for (const t of listed(result.tasks, options.all)) {
    const task = t.new ?? t.old;
    if (!task) continue;
    const renamed = t.old && t.new && t.old.title !== t.new.title ? ` (was ${t.old.title})` : '';
    const detail = t.change === 'changed' ? unitEdits(t) : units(task);
    entry(t.change, `${task.title}${renamed}`, detail);
  }

  head('Targets', result.summary.targets);
  for (const g of listed(result.targets, options.all)) {
    const target = g.new ?? g.old;
    if (!target) continue;
    const value = g.old && g.new ? (g.fields.length ? `${targetValue(g.old)} → ${targetValue(g.new)}` : targetValue(g.new)) : targetValue(target);
    const renamed = g.old && g.new && g.fields.includes('indicator') ? ` (was ${g.old.indicator})` : '';
    entry(g.change, `${target.indicator}${renamed}  ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How the two versions stand by their history: 2018-07-27 revised added (a later version). */
export function historyLine(result: PlanDiff): string | null {
  const h = result.history;
  if (!h) return null;
  const list = (entries: typeof h.added) => entries.map((e) => `${e.date} ${e.event}`).join(', ');
  switch (h.relation) {
    case 'same':
      return `History: the same versions (${h.shared.length} events in common)`;
    case 'unrelated':
      return 'History: no lifecycle event in common — these look like two different texts';
    case 'later':
      return `History: the new version adds ${list(h.added)}${h.removed.length ? `; the old one has ${list(h.removed)}` : ''}`;
    case 'earlier':
      return `History: the "new" side is the EARLIER version — the old one adds ${list(h.removed)}${h.added.length ? `; the new one has ${list(h.added)}` : ''}`;
  }
}

/** Escapes what Markdown would read as emphasis, code, HTML or a table cell border. */
function md(text: string): string {
  return text.replace(/[\\`*_~|<>[\]#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

function mdEdits(textDiff: readonly TextEdit[]): string {
  return textDiff.map((e) => (e.op === 'equal' ? md(e.text) : e.op === 'insert' ? `**${md(e.text)}**` : `~~${md(e.text)}~~`)).join('');
}

export function formatDiffMarkdown(result: PlanDiff, options: FormatOptions = {}): string {
  const title = (side: PlanDiff['old']) => md(side.title ?? side.path);
  const out: string[] = [
    `## ${title(result.old)} → ${title(result.new)}`,
    '',
    `Old: \`${result.old.path}\`${result.old.docNumber ? ` (${md(result.old.docNumber)})` : ''}  `,
    `New: \`${result.new.path}\`${result.new.docNumber ? ` (${md(result.new.docNumber)})` : ''}`,
    '',
    ...(historyLine(result) ? [md(historyLine(result) as string), ''] : []),
    '| | added | removed | changed | moved | unchanged |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [name, c] of [
    ['Sections', result.summary.sections],
    ['Tasks', result.summary.tasks],
    ['Targets', result.summary.targets],
  ] as const) {
    out.push(`| ${name} | ${c.added} | ${c.removed} | ${c.changed} | ${c.moved} | ${c.unchanged} |`);
  }

  const sections: SectionChange[] = listed(result.sections, options.all);
  if (sections.length) {
    out.push('', '### Sections', '');
    for (const s of sections) {
      const label = md(s.change === 'removed' ? sectionLabel(s.old) : sectionLabel(s.new));
      out.push(`- **${s.change}** ${label}${md(was(s))} — ${idPlace(s)}${s.moved && s.change === 'changed' ? ', moved' : ''}`);
      if (s.textDiff.length) out.push(`  > ${mdEdits(s.textDiff)}`);
    }
  }

  const tasks = listed(result.tasks, options.all);
  if (tasks.length) {
    out.push('', '### Tasks', '', '| change | task | units |', '|---|---|---|');
    for (const t of tasks) {
      const task = t.new ?? t.old;
      if (!task) continue;
      const was = t.old && t.new && t.old.title !== t.new.title ? ` (was ${md(t.old.title)})` : '';
      out.push(`| ${t.change} | ${md(task.title)}${was} | ${md(t.change === 'changed' ? unitEdits(t) : units(task))} |`);
    }
  }

  const targets: TargetChange[] = listed(result.targets, options.all);
  if (targets.length) {
    out.push('', '### Targets', '', '| change | indicator | old | new |', '|---|---|---|---|');
    for (const g of targets) {
      const indicator = g.new?.indicator ?? g.old?.indicator ?? '';
      const was = g.old && g.new && g.fields.includes('indicator') ? ` (was ${md(g.old.indicator)})` : '';
      out.push(`| ${g.change} | ${md(indicator)}${was} | ${g.old ? md(targetValue(g.old)) : ''} | ${g.new ? md(targetValue(g.new)) : ''} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
