// Task tables (任务分工表): a header row naming its columns, then one row per task.
// Scraped to text they look like
//   序号  重点任务        牵头单位      配合单位        完成时限
//   1     建立质量分级制度  市市场监管局  市商务局、市财政局  2023年底前
// (cells separated by tabs, runs of spaces or |). Input: classified lines. Output: each
// row becomes a heading line (style `table-row`, kind item) titled by its task cell and
// carrying its units as an attribution; the header and Markdown rule lines become
// furniture. Rows keep their order; a row that does not fit the table ends it.
import type { LineNode } from '../tree.js';

type Column = 'number' | 'task' | 'lead' | 'support' | 'responsible' | 'other';

/** Header words → what the column holds. */
const COLUMN_WORDS: ReadonlyArray<readonly [RegExp, Column]> = [
  [/^(序号|编号|序)$/, 'number'],
  [/^(牵头单位|牵头部门|牵头责任单位|主责单位|牵头)$/, 'lead'],
  [/^(配合单位|配合部门|参与单位|协办单位|配合)$/, 'support'],
  [/^(责任单位|责任部门|实施单位|责任主体|负责单位)$/, 'responsible'],
  [/(任务|工作内容|具体措施|主要措施|政策措施|工作措施|事项|内容|举措)/, 'task'],
];
const MARKDOWN_RULE = /^\|?\s*:?-{3,}/;
/** Some word of a lead/support/responsible header, for a quick first test. */
const UNIT_WORD = /牵头|主责|配合|参与|协办|责任|实施|负责/;

/**
 * Cells of a row: tab- or |-separated, keeping empty cells. With `width` (the header's cell count), a row whose single-space
 * separators give exactly that many cells keeps its empty cells (one tab became one
 * space); otherwise runs of white space separate cells.
 */
function cellsOf(value: string, width?: number): string[] {
  if (value.includes('\t')) return value.split('\t').map((c) => c.trim());
  if (value.includes('|')) return value.replace(/^\s*\||\|\s*$/g, '').split('|').map((c) => c.trim());
  const single = value.split(' ').map((c) => c.trim());
  if (width !== undefined && single.length === width) return single;
  return value.split(/\s+/).filter(Boolean);
}

/** Tabs, bars and spaces in a line: a header of three cells has at least two. */
function separators(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length && n < 2; i++) {
    const c = value.charCodeAt(i);
    if (c === 9 || c === 0x7c || c === 0x20) n++;
  }
  return n;
}

function columnsOf(cells: readonly string[]): Column[] | null {
  const columns = cells.map((c) => COLUMN_WORDS.find(([re]) => re.test(c))?.[1] ?? 'other');
  const hasUnits = columns.some((c) => c === 'lead' || c === 'support' || c === 'responsible');
  return columns.includes('task') && hasUnits ? columns : null;
}

export function markTaskTables(lines: LineNode[]): void {
  let columns: Column[] | null = null;
  for (const line of lines) {
    if (line.role === 'blank') continue;
    // Outside a table, only a line of three or more cells naming a unit column can be a header.
    if (!columns && (separators(line.value) < 2 || !UNIT_WORD.test(line.value))) continue;
    const cells = cellsOf(line.value, columns?.length);
    const header = cells.length >= 3 && !/[。；]/.test(line.value) ? columnsOf(cells) : null;
    if (header) {
      columns = header;
      line.role = 'furniture';
      continue;
    }
    if (!columns) continue;
    if (MARKDOWN_RULE.test(line.value)) {
      line.role = 'furniture';
      continue;
    }
    if (!readRow(line, cells, columns)) columns = null;
  }
}

function readRow(line: LineNode, cells: readonly string[], columns: readonly Column[]): boolean {
  const numberAt = columns.indexOf('number');
  const taskAt = columns.indexOf('task');
  const number = numberAt >= 0 ? cells[numberAt] : undefined;
  const task = cells[taskAt];
  if (cells.length < 2 || !task || (numberAt >= 0 && !/^\d{1,3}$/.test(number ?? ''))) return false;
  const units = (column: Column) =>
    columns.flatMap((c, i) => (c === column && cells[i] ? cells[i].split(/[、，,；;\s]+/).map((u) => u.trim()).filter(Boolean) : []));
  const title = task.replace(/[。；]$/, '');
  line.role = 'heading';
  line.heading = {
    style: 'table-row',
    kind: 'item',
    marker: number ?? '',
    number: number ? Number(number) : null,
    title,
    body: '',
    bodyStart: line.end,
    attribution: { lead: units('lead'), support: units('support'), responsible: units('responsible') },
  };
  return true;
}
