// Indicator tables (主要指标表 / 指标体系): one target per row, from the target-year column.
// Input: the indicator tables parse/tables.ts found, and for each the section it sits in
// (whether that section reviews the past, the year that governs it). Output: targets with
// rule `indicator-table`, and a decision for every value cell read (a baseline column's
// value is `table-baseline`; a completion table or one in a review part is `past-result`).
// Of several target columns (目标值（2025年） and 目标值（2035年）) the one for the end of the
// document's own period is read, else the first.
import { canonicalUnit, matchUnit } from '../lexicon/units.js';
import type { Cell, Column, Table } from '../parse/tables.js';
import type { DecisionDraft, LineNode, SectionNode, TargetDraft } from '../tree.js';
import { scanQuantities } from './quantities.js';
import type { Comparator } from './words.js';

export interface TableContext {
  /** The section the table sits in (the last heading before it), or null. */
  section: SectionNode | null;
  past: boolean;
  /** The deadline year governing the section, else the document's period end. */
  year: number | null;
  regulation: boolean;
  periodEnd: number | null;
}

/** A caption or header that says the table reports how a past plan was done. */
const COMPLETION = /完成情况|执行情况|实施情况|完成值|实际值|回顾|评估/;

export function readIndicatorTable(table: Table, lines: readonly LineNode[], text: string, context: TableContext): { targets: TargetDraft[]; decisions: DecisionDraft[] } {
  const targets: TargetDraft[] = [];
  const decisions: DecisionDraft[] = [];
  const { columns } = table;
  const at = (role: Column['role']) => columns.findIndex((c) => c.role === role);
  const indicatorAt = at('indicator');
  const unitAt = at('unit');
  const targetColumns = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'target');
  if (indicatorAt < 0 || targetColumns.length === 0) return { targets, decisions };
  const chosen =
    targetColumns.find(({ c }) => c.year !== null && c.year === context.periodEnd) ?? [...targetColumns].sort((a, b) => (a.c.year ?? 9999) - (b.c.year ?? 9999))[0];
  if (!chosen) return { targets, decisions };
  const past = context.past || COMPLETION.test(caption(table, lines)) || columns.some((c) => COMPLETION.test(c.header));

  for (const row of table.rows) {
    const indicatorCell = row.cells[indicatorAt];
    const valueCell = row.cells[chosen.i];
    if (!indicatorCell || !valueCell) continue;
    for (const [i, column] of columns.entries()) {
      const cell = row.cells[i];
      if (column.role === 'baseline' && cell) decide(decisions, cell, context, 'table-baseline');
    }
    const value = readValue(valueCell.text);
    if (!value) continue;
    if (past) {
      decide(decisions, valueCell, context, 'past-result');
      continue;
    }
    const printedUnit = unitAt >= 0 ? row.cells[unitAt]?.text : undefined;
    const unit = value.unit ?? unitOf(printedUnit) ?? unitInName(indicatorCell.text);
    const start = (indicatorCell.lines[0] as LineNode).start;
    const end = (valueCell.lines.at(-1) as LineNode).end;
    targets.push({
      section: context.section,
      text: text.slice(start, end),
      indicator: indicatorCell.text.replace(/[（(][%％‰][）)]$/, '').trim(),
      comparator: value.comparator,
      value: value.value,
      valueHigh: value.valueHigh,
      unit,
      year: chosen.c.year ?? context.year ?? context.periodEnd,
      aspirational: false,
      kind: context.regulation ? 'requirement' : 'goal',
      rule: 'indicator-table',
      start,
      end,
    });
    decisions.push({ start, end, raw: valueCell.text, value: value.value, unit, accepted: true, rule: 'indicator-table', section: context.section });
  }
  return { targets, decisions };
}

function decide(decisions: DecisionDraft[], cell: Cell, context: TableContext, rule: DecisionDraft['rule']): void {
  const q = readValue(cell.text);
  if (!q) return;
  const start = (cell.lines[0] as LineNode).start;
  const end = (cell.lines.at(-1) as LineNode).end;
  decisions.push({ start, end, raw: cell.text, value: q.value, unit: q.unit, accepted: false, rule, section: context.section });
}

/** A value cell: ≥73%, 95以上, 4.1左右, 38-50, 120.14平方公里, 5分钟覆盖区超80%. */
function readValue(text: string): { value: number; valueHigh: number | null; unit: string | null; comparator: Comparator } | null {
  const quantities = scanQuantities(text.replace(/\s+/g, '')).filter((q) => q.form === 'number');
  // A cell with a qualifier (5分钟覆盖区超80%) states its value last.
  const q = quantities.at(-1);
  if (!q) return null;
  const before = text.replace(/\s+/g, '').slice(0, q.start);
  let comparator: Comparator = 'eq';
  if (q.valueHigh !== null) comparator = 'range';
  else if (q.symbol) comparator = q.symbol;
  else if (q.bound) comparator = q.bound;
  else if (q.more || /(?:超过|超|高于|大于)$/.test(before)) comparator = 'gt';
  else if (/(?:不低于|不少于|达到|至少)$/.test(before)) comparator = 'gte';
  else if (/(?:不超过|不高于|控制在)$/.test(before)) comparator = 'lte';
  else if (/约$/.test(before)) comparator = 'approx';
  return { value: q.value, valueHigh: q.valueHigh, unit: q.unit, comparator };
}

function unitOf(text: string | undefined): string | null {
  if (!text || /^[—\-－/／]+$/.test(text)) return null;
  const t = text.replace(/\s+/g, '');
  const found = matchUnit(t);
  return found && found.length === t.length ? found.unit : canonicalUnit(t);
}

/** 面积（公顷）, 比例（%）: a unit printed in the indicator's name. */
function unitInName(name: string): string | null {
  const m = /[（(]([^（）()]{1,8})[）)]$/.exec(name);
  if (!m?.[1]) return null;
  const found = matchUnit(m[1]);
  return found && found.length === m[1].length ? found.unit : null;
}

/** Up to two lines before the header: the table's caption (表1 …完成情况一览表). */
function caption(table: Table, lines: readonly LineNode[]): string {
  const first = lines.indexOf(table.headerLines[0] as LineNode);
  const out: string[] = [];
  for (let i = first - 1; i >= 0 && out.length < 2; i--) {
    const line = lines[i] as LineNode;
    if (line.role === 'blank') continue;
    out.push(line.value);
  }
  return out.join('\n');
}
