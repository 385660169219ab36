// Tables as policy documents print them, in two layouts:
//  - delimited: one row per line, cells separated by tabs, | or runs of spaces (HTML data
//    tables become this; so do Markdown tables);
//  - flattened: one cell per line (or per group of lines between blank lines), the way text
//    scraped from a PDF or a web page prints a table — 序号 / 指标名称 / 单位 / … / 1 / 森林覆盖率 / % / ….
// A header names the columns (lexicon/table-columns.ts); rows are then read cell by cell, each
// cell fitted to the next column that accepts it, so a merged cell printed once for several
// rows (a unit, a category) is simply absent from the rows after it.
// Input: classified lines. Output: tables with their rows; this module does not change lines.
import { columnRole, columnYear, mayOpenRow, type ColumnRole } from '../lexicon/table-columns.js';
import { isUnitName, splitUnits } from '../lexicon/organs.js';
import type { LineNode } from '../tree.js';

export interface Cell {
  /** The cell's lines joined (a wrapped cell reads as one string). */
  text: string;
  lines: LineNode[];
}

export interface Column {
  role: ColumnRole;
  /** The year a value column is for (目标值（2025年）), else null. */
  year: number | null;
  header: string;
}

export interface Row {
  /** The cell of each column, by column index; absent where the row prints none (a merged cell). */
  cells: Array<Cell | undefined>;
  /** Every cell of the row in order. */
  all: Cell[];
}

export interface Table {
  kind: 'task' | 'indicator';
  layout: 'delimited' | 'flattened';
  columns: Column[];
  rows: Row[];
  /** Every line the table holds, header included. */
  lines: LineNode[];
  /** The header's lines. */
  headerLines: LineNode[];
}

export const EMPTY_CELL = /^(?:—+|-+|－+|\/|／|无|暂无|…+)$/;
const ROW_NUMBER = /^(?:\d{1,3}|[（(][一二三四五六七八九十\d]{1,4}[）)]|[一二三四五六七八九十]{1,3}[、.．]?|\d{1,3}[.．、])$/;
const VALUE =
  /^(?:[≥≤＞＜><]\s*)?(?:约|超|超过|不低于|不少于|不超过)?\s*\d[\d.,]*\s*(?:[%‰％]|[\u4e00-\u9fffA-Za-z/²³]{0,8})?(?:\s*[-—～~]\s*\d[\d.,]*\s*[%‰％]?)?(?:以上|以下|以内|左右)?(?:[（(][^）)]{0,12}[）)])?$/;
const ATTRIBUTE_CELL = /^(?:预期性|约束性|引导性|预期|约束|引导|监测性|控制性)(?:指标)?$/;
const HEADERISH_MAX = 20;

const isUnitList = (text: string): boolean => {
  const units = splitUnits(text);
  return units.length > 0 && units.every(isUnitName);
};
const isEmpty = (text: string): boolean => EMPTY_CELL.test(text);
const isValue = (text: string): boolean => VALUE.test(text.replace(/\s+/g, '')) || isEmpty(text);

/** Cells of a delimited row: tab- or |-separated (empty cells kept), else runs of spaces. */
export function delimitedCells(value: string, width?: number): string[] {
  if (value.includes('\t')) return value.split('\t').map((c) => c.trim());
  if (value.includes('|')) return value.replace(/^\s*\||\|\s*$/g, '').split('|').map((c) => c.trim());
  const single = value.split(' ').map((c) => c.trim());
  if (width !== undefined && single.length === width) return single;
  return value.split(/\s+/).filter(Boolean);
}

// ───────────────────────────── headers ─────────────────────────────

interface HeaderMatch {
  columns: Column[];
  lines: LineNode[];
  /** Index of the first line after the header. */
  next: number;
  layout: Table['layout'];
  /** Flattened tables: cells are separated by blank lines (a cell may wrap over lines). */
  blankSeparated: boolean;
}

function kindOf(columns: readonly Column[]): Table['kind'] | null {
  const roles = new Set(columns.map((c) => c.role));
  const units = roles.has('lead') || roles.has('support') || roles.has('responsible');
  if (units && (roles.has('content') || roles.has('group') || roles.has('indicator'))) return 'task';
  if (roles.has('indicator') && (roles.has('target') || roles.has('baseline') || roles.has('attribute'))) return 'indicator';
  return null;
}

/** Value columns take the years printed under them, in order: 现状 / 近期规划 / （2025年） / （2030年）. */
function attachYears(cells: readonly string[]): Column[] {
  const columns: Column[] = [];
  const pendingYears: number[] = [];
  for (const text of cells) {
    const role = columnRole(text);
    if (role === 'year') {
      pendingYears.push(columnYear(text) ?? 0);
      continue;
    }
    if (role === null) continue; // a spanning header (指标值) names no column of its own
    columns.push({ role, year: role === 'target' || role === 'baseline' ? columnYear(text) : null, header: text });
  }
  const valueColumns = columns.filter((c) => (c.role === 'target' || c.role === 'baseline') && c.year === null);
  pendingYears.forEach((year, i) => {
    const column = valueColumns[i];
    if (column && year) column.year = year;
  });
  return columns;
}

/** Of two task columns (工作任务 | 主要工作内容) the last says what to do; the first groups rows. */
function contentLast(columns: Column[]): Column[] {
  const content = columns.filter((c) => c.role === 'content');
  for (const c of content.slice(0, -1)) c.role = 'group';
  return columns;
}

/** A delimited header row at `lines[i]`. */
function delimitedHeader(lines: readonly LineNode[], i: number): HeaderMatch | null {
  const line = lines[i] as LineNode;
  // The three tests in the order that rejects prose soonest: most of its lines hold 。 or ；.
  if (/[。；]/.test(line.value) || !/[\t|]| {2,}|\S \S/.test(line.value) || !/序号|指标|单位|任务|措施|内容|牵头|责任|目标/.test(line.value)) return null;
  const cells = delimitedCells(line.value);
  if (cells.length < 3) return null;
  const columns = contentLast(cells.map((text): Column => ({ role: columnRole(text) ?? 'other', year: columnYear(text), header: text })));
  if (!kindOf(columns)) return null;
  for (const c of columns) if (c.role !== 'target' && c.role !== 'baseline') c.year = null;
  return { columns, lines: [line], next: i + 1, layout: 'delimited', blankSeparated: false };
}

/** A flattened header starting at `lines[i]`: short cells naming columns, one per line or line group. */
/** Characters some header word holds: a quick test before columnRole's patterns. */
const HEADER_HINT = /[序编类领板维方事任措内指名项目工主具重牵配责推实单属性基现目规近预计期N]/;

function flattenedHeader(lines: readonly LineNode[], i: number): HeaderMatch | null {
  const first = lines[i] as LineNode;
  if (first.value.length > HEADERISH_MAX || !HEADER_HINT.test(first.value) || !mayOpenRow(first.value)) return null;
  // A header opens with the row's identity (序号, 类别, 指标名称, 任务), not with a value column or a caption.
  const opening = columnRole(first.value);
  if (opening === null || !['number', 'group', 'indicator', 'content'].includes(opening)) return null;
  // Blank lines between the first two header cells: cells are separated by blank lines.
  const blankSeparated = lines[i + 1]?.role === 'blank';
  const cells: string[] = [];
  const used: LineNode[] = [];
  let j = i;
  while (j < lines.length && cells.length < 16) {
    const cell = readCell(lines, j, blankSeparated);
    if (!cell) break;
    const text = cell.text;
    const role = columnRole(text);
    const short = text.length <= HEADERISH_MAX && !/[。；，]/.test(text);
    // A header cell names a column, a year, or spans others (指标值); data starts at a number or a long cell.
    if (!short || ROW_NUMBER.test(text) || (isValue(text) && role !== 'year') || (role === null && cells.length > 0 && !/[值标]$/.test(text))) break;
    cells.push(text);
    used.push(...cell.lines);
    j = cell.next;
  }
  const columns = contentLast(attachYears(cells));
  if (columns.length < 3 || !kindOf(columns)) return null;
  return { columns, lines: used, next: j, layout: 'flattened', blankSeparated };
}

interface CellAt extends Cell {
  /** Index of the line after the cell. */
  next: number;
}

/** The cell starting at `lines[j]` (skipping blank lines before it), or null at the end. */
function readCell(lines: readonly LineNode[], j: number, blankSeparated: boolean): CellAt | null {
  let k = j;
  while (k < lines.length && (lines[k] as LineNode).role === 'blank') k++;
  if (k >= lines.length) return null;
  const group: LineNode[] = [lines[k] as LineNode];
  k++;
  if (blankSeparated) {
    while (k < lines.length && (lines[k] as LineNode).role !== 'blank') {
      group.push(lines[k] as LineNode);
      k++;
    }
  }
  return { text: group.map((l) => l.value).join(''), lines: group, next: k };
}

// ───────────────────────────── rows ─────────────────────────────

/** Whether a cell can fill a column. */
function accepts(column: Column, text: string): boolean {
  switch (column.role) {
    case 'number':
      return ROW_NUMBER.test(text) || isEmpty(text);
    case 'group':
      return text.length <= 40 && !/[。；]/.test(text) && !isValue(text) && !ROW_NUMBER.test(text) && !ATTRIBUTE_CELL.test(text);
    case 'content':
    case 'indicator':
      return text.length >= 2 && !isEmpty(text) && !ROW_NUMBER.test(text) && !ATTRIBUTE_CELL.test(text) && !VALUE.test(text) && !isUnitList(text);
    case 'lead':
    case 'support':
    case 'responsible':
      return isEmpty(text) || isUnitList(text);
    case 'unit':
      return text.length <= 12 && !/\d/.test(text) && !ATTRIBUTE_CELL.test(text) && !/[。；，、]/.test(text);
    case 'attribute':
      return ATTRIBUTE_CELL.test(text);
    case 'baseline':
    case 'target':
      return isValue(text) || (text.length <= 16 && !ROW_NUMBER.test(text) && !ATTRIBUTE_CELL.test(text) && !isUnitList(text));
    default:
      return text.length <= 40 && !ROW_NUMBER.test(text) && !isUnitList(text);
  }
}

/** Columns a row cannot do without. */
function required(kind: Table['kind'], columns: readonly Column[], role: ColumnRole): boolean {
  if (kind === 'task') return role === (columns.some((c) => c.role === 'content') ? 'content' : 'group');
  return role === 'indicator';
}

/**
 * Fits the cells from `from` to the columns: each column takes the next cell or is skipped
 * (printed merged, elsewhere); the fit keeps the most cells. Returns the row and how many
 * cells it took, or null.
 */
function fitRow(cells: readonly Cell[], from: number, columns: readonly Column[], kind: Table['kind']): { row: Row; taken: number } | null {
  const memo = new Map<string, { score: number; picks: number[] } | null>();
  const best = (c: number, k: number): { score: number; picks: number[] } | null => {
    // A row that ends where the next row can start (its number, or nothing) fits better.
    if (c === columns.length) return { score: !cells[k] || accepts(columns[0] as Column, (cells[k] as Cell).text) ? 0.5 : 0, picks: [] };
    const key = `${c},${k}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    const column = columns[c] as Column;
    let result: { score: number; picks: number[] } | null = null;
    const cell = cells[k];
    if (cell && accepts(column, cell.text)) {
      const rest = best(c + 1, k + 1);
      if (rest) result = { score: rest.score + 1, picks: [k, ...rest.picks] };
    }
    if (!required(kind, columns, column.role)) {
      const rest = best(c + 1, k);
      if (rest && (!result || rest.score > result.score)) result = { score: rest.score, picks: [-1, ...rest.picks] };
    }
    memo.set(key, result);
    return result;
  };
  const fit = best(0, from);
  if (!fit || fit.score < 1) return null;
  const rowCells = fit.picks.map((k) => (k < 0 ? undefined : cells[k]));
  const taken = fit.picks.filter((k) => k >= 0).length;
  return { row: { cells: rowCells, all: rowCells.filter((c): c is Cell => c !== undefined) }, taken };
}

// ───────────────────────────── tables ─────────────────────────────

/** A cell that ends a flattened table: an attachment, a note, a new table or a part of the body. */
const TABLE_END = /^(?:附件|附表|注[：:]|说明[：:]|备注[：:]|表\s*\d|[一二三四五六七八九十]+、.{4,})/;

const BODY_STYLES = new Set(['attachment', 'bufen', 'bian', 'zhang', 'jie', 'tiao', 'cn-comma', 'cn-paren', 'box']);

/** Every task and indicator table of a document, in order. */
export function findTables(lines: readonly LineNode[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineNode;
    if (line.role === 'blank' || line.value.length > 200) continue;
    const header = delimitedHeader(lines, i) ?? flattenedHeader(lines, i);
    if (!header) continue;
    const kind = kindOf(header.columns) as Table['kind'];
    const table = header.layout === 'delimited' ? readDelimited(lines, header, kind) : readFlattened(lines, header, kind);
    if (table.rows.length === 0) continue;
    tables.push(table);
    i = Math.max(i, lines.indexOf(table.lines.at(-1) as LineNode));
  }
  return tables;
}

function readDelimited(lines: readonly LineNode[], header: HeaderMatch, kind: Table['kind']): Table {
  const table: Table = { kind, layout: 'delimited', columns: header.columns, rows: [], lines: [...header.lines], headerLines: header.lines };
  for (let j = header.next; j < lines.length; j++) {
    const line = lines[j] as LineNode;
    if (line.role === 'blank') continue;
    if (/^\|?\s*:?-{3,}/.test(line.value)) {
      table.lines.push(line);
      continue;
    }
    const texts = delimitedCells(line.value, header.columns.length);
    if (texts.length < 2) break;
    const cells = texts.map((text) => ({ text, lines: [line] }));
    // A delimited row keeps its columns by position.
    const row: Row = { cells: header.columns.map((_, c) => (cells[c]?.text ? cells[c] : undefined)), all: cells.filter((c) => c.text) };
    const titleAt = header.columns.findIndex((c) => required(kind, header.columns, c.role));
    const numberAt = header.columns.findIndex((c) => c.role === 'number');
    if (!row.cells[titleAt] || (numberAt >= 0 && !/^\d{1,3}$/.test(row.cells[numberAt]?.text ?? ''))) break;
    table.rows.push(row);
    table.lines.push(line);
  }
  return table;
}

function readFlattened(lines: readonly LineNode[], header: HeaderMatch, kind: Table['kind']): Table {
  const table: Table = { kind, layout: 'flattened', columns: header.columns, rows: [], lines: [...header.lines], headerLines: header.lines };
  // Gather the cells that follow, up to a cell that cannot be one.
  const cells: CellAt[] = [];
  let j = header.next;
  while (j < lines.length && cells.length < 4000) {
    const cell = readCell(lines, j, header.blankSeparated);
    if (!cell) break;
    if (TABLE_END.test(cell.text) && cell.text.length <= 40) break;
    // A heading of the body (（一）加强组织领导, 第三章 …) ends the table.
    const h = (cell.lines[0] as LineNode).heading;
    if (h && (h.style === 'attachment' || (h.title && h.title.length >= 4 && BODY_STYLES.has(h.style)))) break;
    // The header printed again after a page break: skip it.
    if (cell.text === header.columns[0]?.header || (columnRole(cell.text) === 'number' && cells.length > 0)) {
      const again = flattenedHeader(lines, lines.indexOf(cell.lines[0] as LineNode));
      if (again && again.columns.length === header.columns.length) {
        table.lines.push(...again.lines);
        j = again.next;
        continue;
      }
    }
    cells.push(cell);
    j = cell.next;
  }
  let k = 0;
  let misses = 0;
  while (k < cells.length) {
    const fit = fitRow(cells, k, header.columns, kind);
    if (!fit || fit.taken === 0) {
      // A group row (—, 构建产消平衡的处置体系) or a stray cell: skip it, but not for long.
      misses++;
      if (misses > 3) break;
      table.lines.push(...(cells[k] as Cell).lines);
      k++;
      continue;
    }
    misses = 0;
    table.rows.push(fit.row);
    for (const c of fit.row.all) table.lines.push(...c.lines);
    k += fit.taken;
  }
  // Cells skipped after the last row are not the table's.
  const last = table.rows.at(-1)?.all.at(-1)?.lines.at(-1);
  if (last) table.lines = table.lines.filter((l) => l.start <= last.start);
  return table;
}
