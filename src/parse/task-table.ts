// Task tables (任务分工表) and indicator tables (主要指标表) found by tables.ts.
// A task table's rows become tasks: the row's content cell becomes a heading line (style
// `table-row`, kind item) titled by that cell and carrying the row's units as an
// attribution; a unit cell printed once for several rows (a merged cell) is carried down
// to the rows that print none, and a group row (— | 构建产消平衡的处置体系) resets it.
// Every other cell of a table, and its header, gets role `cell`: table data, not body text.
// Indicator tables are left for the targets stage (transform/targets.ts), which reads their rows.
import type { LineNode } from '../tree.js';
import { splitUnits } from '../lexicon/organs.js';
import { EMPTY_CELL, type Table, findTables } from './tables.js';

/** The number of a part (一, 二、, 第一部分), above the rows' own （一） or 1. */
const GROUP_NUMBER = /^(?:[一二三四五六七八九十]+、?|第[一二三四五六七八九十]+(?:部分|项))$/;

/** Finds the tables of a document, marks their lines, and returns them. */
export function markTables(lines: LineNode[]): Table[] {
  const tables = findTables(lines);
  for (const table of tables) {
    for (const line of table.lines) line.role = 'cell';
    if (table.kind === 'task') markTaskRows(table);
  }
  return tables;
}

function markTaskRows(table: Table): void {
  const { columns } = table;
  const contentAt = columns.findIndex((c) => c.role === 'content');
  const titleAt = contentAt >= 0 ? contentAt : columns.findIndex((c) => c.role === 'group' || c.role === 'indicator');
  const numberAt = columns.findIndex((c) => c.role === 'number');
  // A task-name column beside the content (工作任务 | 主要工作内容).
  const nameAt = contentAt >= 0 ? columns.findIndex((c) => c.role === 'group') : -1;
  type Units = { lead: string[]; support: string[]; responsible: string[] };
  let carried: Units | null = null;
  table.rows.forEach((row) => {
    const numberCell = numberAt >= 0 ? row.cells[numberAt] : undefined;
    const nameCell = nameAt >= 0 ? row.cells[nameAt] : undefined;
    const titleCell = row.cells[titleAt];
    if (!titleCell || (numberCell && EMPTY_CELL.test(numberCell.text))) {
      carried = null; // a group row: its units, if any, are not the next rows'
      return;
    }
    const units = (role: 'lead' | 'support' | 'responsible'): string[] | null => {
      // Lines of a unit cell may each hold a unit: read them with their line breaks.
      const cells = columns.flatMap((c, i) => {
        const cell = row.cells[i];
        return c.role === role && cell ? [cell.lines.length > 1 ? cell.lines.map((l) => l.value).join('\n') : cell.text] : [];
      });
      if (!cells.length) return null;
      return cells.flatMap((text) => (EMPTY_CELL.test(text) ? [] : splitUnits(text)));
    };
    const printed = { lead: units('lead'), support: units('support'), responsible: units('responsible') };
    const anyPrinted = printed.lead !== null || printed.support !== null || printed.responsible !== null;
    // A row with neither a number nor units (旧区改造, 行动五：…) names a group of the rows below, and so
    // does one numbered a level up with no units and no task name (三 | | 构建…执法打击体系 | | above （一）…).
    if (!anyPrinted && ((numberAt >= 0 && !numberCell) || (numberCell && nameAt >= 0 && !nameCell && GROUP_NUMBER.test(numberCell.text)))) {
      carried = null;
      return;
    }
    const attribution: Units = anyPrinted
      ? { lead: printed.lead ?? [], support: printed.support ?? [], responsible: printed.responsible ?? [] }
      : (carried ?? { lead: [], support: [], responsible: [] });
    if (anyPrinted) carried = attribution;
    const line = titleCell.lines[0] as LineNode;
    const title = titleCell.text.replace(/[。；]$/, '');
    const number = numberCell && /^\d{1,3}$/.test(numberCell.text) ? Number(numberCell.text) : null;
    line.role = 'heading';
    line.heading = {
      style: 'table-row',
      kind: 'item',
      marker: table.layout === 'delimited' ? (numberCell?.text ?? '') : '',
      number,
      title,
      body: '',
      bodyStart: line.end,
      attribution,
      ...(titleCell.lines.length > 1 ? { cellLines: titleCell.lines } : {}),
    };
  });
}
