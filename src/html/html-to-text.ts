/**
 * HTML page → readable text, one block per line, with a map back into the HTML.
 *
 * Expects: any string, a whole page or a fragment, well-formed or not.
 * Guarantees, without ever throwing:
 *  - `text` holds the page's readable text, one line per block (paragraph, heading,
 *    list item, table row), no blank lines, no ASCII spaces at line ends;
 *  - a data-table row is one line with its cells joined by '\t'; a layout table
 *    (the page grid holding the article in a cell) gives its paragraphs as lines;
 *  - page furniture is gone: <head>, scripts, forms, hidden elements, nav bars,
 *    breadcrumbs, share/print bars, sidebars, footers (tables below);
 *  - `toSource(i)` is a UTF-16 offset into `html`, monotonic over 0..text.length: a
 *    character copied verbatim maps to itself, a decoded entity to its `&…;`, a
 *    synthesized '\n' or '\t' to the end of the text before it.
 */
import type { Element, Root, RootContent, Text } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { OffsetMap, OffsetMapBuilder } from '../normalise/offset-map.js';

export interface HtmlText {
  /** The page's readable text: one line per block ('\n' between lines), no trailing spaces. */
  text: string;
  /**
   * HTML source offset (UTF-16 index into the html string) of text offset i, for
   * 0..text.length inclusive; toSource(text.length) is the end of the last text.
   * Monotonic non-decreasing; never throws, clamps.
   */
  toSource(offset: number): number;
  /** The same map as an OffsetMap (text → html), to compose with normalise()'s map. */
  map: OffsetMap;
}

/** Elements that never hold readable text (or only fallback text such as "您的浏览器不支持"). */
const DROP_TAGS = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'canvas', 'audio', 'video', 'map',
  'input', 'select', 'option', 'optgroup', 'datalist', 'button', 'textarea',
  'nav', 'aside', 'dialog',
]);

/**
 * Site chrome, except inside an article (<article>, <main>, or a class/id such as
 * "article", "detail", "zoom", "TRS_Editor"), where they hold its title and sign-off.
 */
const CHROME_TAGS = new Set(['header', 'footer']);
const ARTICLE_CLASS = /article|detail|zoom|trs|zhengwen|wenzhang/i;

/** Elements that start and end a line. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'ol', 'p', 'plaintext', 'pre',
  'section', 'summary', 'table', 'ul', 'xmp',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PRE_TAGS = new Set(['pre', 'listing', 'xmp', 'plaintext']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * class/id words that mark page furniture on government sites. Each class token and
 * the id is split at '-', '_' and camelCase humps ("topNav" → top, nav; "page-turn" is
 * also tried joined, "pageturn") and the parts compared whole, so the content
 * containers `TRS_Editor`, `zoom`, `article-content`, `pages_content`, `b12c` never
 * match. `unless` is tried on each whole token (lower case, '-'/'_' removed): a match
 * spares the element, for "article-header" (the article's title block) and
 * "printContent" (the article, wrapped for printing).
 */
const FURNITURE: ReadonlyArray<{ why: string; words: ReadonlySet<string>; unless?: RegExp }> = [
  { why: 'navigation and menus', words: new Set(['nav', 'navbar', 'navi', 'navigation', 'subnav', 'menu', 'menubar', 'submenu']) },
  { why: '"当前位置" bars', words: new Set(['crumb', 'crumbs', 'breadcrumb', 'breadcrumbs', 'location', 'dqwz', 'weizhi', 'curpos']) },
  { why: 'share buttons, QR codes', words: new Set(['share', 'bdshare', 'bdsharebuttonbox', 'jiathis', 'fenxiang', 'qrcode', 'ewm']) },
  { why: 'sidebars, related links, hit lists', words: new Set(['sidebar', 'related', 'relevant', 'xglj', 'xgwz', 'yqlj', 'friendlink', 'links', 'rank', 'ranking', 'paihang']) },
  { why: 'search, paging, copyright, login', words: new Set(['search', 'sousuo', 'pagination', 'pager', 'pageturn', 'fanye', 'copyright', 'banquan', 'login', 'toolbar']) },
  { why: 'site header and footer', words: new Set(['header', 'head', 'top', 'topbar', 'banner', 'footer', 'foot', 'bottom', 'position']), unless: /article|detail|zoom|zhengwen|wenzhang|editor|trs/ },
  { why: 'print and font-size tools', words: new Set(['print', 'dayin', 'tools']), unless: /^(print|dayin)(content|area|article|main|zoom|text|body|con)/ },
];
/** CSS utility classes that only look like furniture: position-relative, border-bottom, align-top. */
const UTILITY_CLASS = /^(position|border|align|valign|vertical|text|float|pull|rounded|fixed|sticky|[mp][tblrxy]?)-/i;

/**
 * A table is a data grid (rows → one line each) unless a cell looks like a page
 * region: it holds a table or a heading, a page's worth of text or blocks, or several
 * blocks of prose. Task-table cells (one Word <p>, a few short lines) stay under these.
 */
function isRegion(cell: CellProfile): boolean {
  return cell.table || cell.heading || cell.chars > 1000 || cell.blocks > 8 || (cell.blocks >= 3 && cell.chars >= 300);
}

export function htmlToText(html: string): HtmlText {
  const source = typeof html === 'string' ? html : '';
  let tree: Root;
  try {
    tree = unified().use(rehypeParse, { fragment: false }).parse(source);
  } catch {
    // rehype-parse recovers from any markup; this only guards against the unforeseen.
    tree = { type: 'root', children: [] };
  }
  const writer = new LineWriter();
  new Walker(source, writer).run(tree);
  const { text, map } = writer.finish();
  return {
    text,
    map,
    toSource: (offset: number) => map.toSource(Math.floor(offset)),
  };
}

/** Starts of a page (after a BOM, white space and comments) and block tags that a page has several of. */
const PAGE_START = /^(<\?xml[^>]*>\s*)?<(!doctype\s+html|html|head|body|meta|title)[\s>/]/i;
const LEADING_JUNK = /^\uFEFF?(\s*<!--[\s\S]*?-->)*\s*/;
const BLOCK_TAG = /<(p|div|table|tr|td|th|li|ul|ol|h[1-6]|section|article|center|span|font)[\s>]/gi;

/**
 * True when a document looks like HTML rather than plain text or Markdown: it starts
 * like a page, or its first 2,000 characters hold at least three block tags. A
 * Markdown file with `<!-- INFO END -->` or a stray `<b>`/`<br>` stays text.
 */
export function looksLikeHtml(text: string): boolean {
  if (typeof text !== 'string') return false;
  const head = text.slice(0, 2000);
  if (PAGE_START.test(head.replace(LEADING_JUNK, ''))) return true;
  return (head.match(BLOCK_TAG)?.length ?? 0) >= 3;
}

// ---------------------------------------------------------------------------
// Walking the tree

interface Context {
  /** Inside <pre>: spaces are text and '\n' breaks the line. */
  readonly pre: boolean;
  /** Inside an article: header and footer belong to it. */
  readonly article: boolean;
  /** Inside a cell of a one-line table row: blocks and <br> become spaces. */
  readonly inlineCell: boolean;
  /** The table row being written as one line, counting its cells to place tabs. */
  readonly row: { cells: number } | null;
  /** Inside a data grid, whose rows and cells are data, never furniture (<tr class="head">). */
  readonly grid: boolean;
}

interface CellProfile {
  table: boolean;
  heading: boolean;
  blocks: number;
  chars: number;
}

type Frame = { node: RootContent; ctx: Context } | (() => void);

class Walker {
  readonly #html: string;
  readonly #out: LineWriter;
  /** Rows written as one tab-joined line, decided when their table is entered. */
  readonly #inlineRows = new Set<Element>();

  constructor(html: string, out: LineWriter) {
    this.#html = html;
    this.#out = out;
  }

  run(tree: Root): void {
    const top: Context = { pre: false, article: false, inlineCell: false, row: null, grid: false };
    // An explicit stack: deeply nested junk markup must not overflow the call stack.
    const stack: Frame[] = [];
    for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i]!, ctx: top });
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if (typeof frame === 'function') frame();
      else if (frame.node.type === 'text') this.#text(frame.node, frame.ctx);
      else if (frame.node.type === 'element') this.#element(frame.node, frame.ctx, stack);
    }
  }

  #element(el: Element, ctx: Context, stack: Frame[]): void {
    if (isDropped(el, ctx)) return;
    const out = this.#out;
    const tag = el.tagName;
    const lineBreak = ctx.inlineCell ? () => out.softSpace() : () => out.breakLine();
    let inner = ctx;
    let exit: (() => void) | null = null;

    if (tag === 'br' || tag === 'hr') {
      lineBreak();
      return;
    }
    if (tag === 'table') {
      const grid = this.#planTable(el, ctx);
      lineBreak();
      exit = lineBreak;
      inner = { ...ctx, row: null, inlineCell: false, grid };
    } else if (tag === 'tr') {
      lineBreak();
      exit = lineBreak;
      inner = { ...ctx, row: this.#inlineRows.has(el) ? { cells: 0 } : null };
    } else if ((tag === 'td' || tag === 'th') && ctx.row) {
      if (ctx.row.cells++ > 0) out.tab();
      exit = () => out.endCell();
      inner = { ...ctx, row: null, inlineCell: true };
    } else if (tag === 'td' || tag === 'th' || BLOCK_TAGS.has(tag)) {
      lineBreak();
      exit = lineBreak;
      if (PRE_TAGS.has(tag)) inner = { ...ctx, pre: true };
    }
    if (!inner.article && holdsArticle(el)) inner = { ...inner, article: true };

    if (exit) stack.push(exit);
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, ctx: inner });
  }

  /**
   * Decides which rows of a table become one tab-joined line. A data grid (at least
   * two rows of two or more cells, no cell holding a table, a heading or a page's
   * worth of text) writes every row as a line. Otherwise the table is layout: a row
   * is one line only when none of its cells holds block content; the other rows give
   * each cell's blocks as lines, so an article inside a cell keeps its paragraphs.
   */
  #planTable(table: Element, ctx: Context): boolean {
    const cellCtx = { ...ctx, grid: true };
    const rows = ownRows(table).map((tr) => ownCells(tr, cellCtx).map((td) => [td, profileOf(td, ctx)] as const));
    const grid =
      rows.filter((cells) => cells.length >= 2).length >= 2 &&
      rows.every((cells) => cells.every(([, p]) => !isRegion(p)));
    const tableRows = ownRows(table);
    rows.forEach((cells, i) => {
      const inline = grid || (cells.length >= 2 && cells.every(([, p]) => !p.table && p.blocks === 0));
      if (inline) this.#inlineRows.add(tableRows[i]!);
    });
    return grid;
  }

  #text(node: Text, ctx: Context): void {
    const out = this.#out;
    const value = node.value;
    const n = value.length;
    if (n === 0) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // Without a place (never seen from rehype-parse), the text sits where the last one ended.
    const flat = start === undefined || end === undefined;
    const base = flat ? out.lastEnd : start;
    // Copied verbatim, or with entities and CRLFs decoded (then lined up with the
    // source); failing both, every character maps to the node's start.
    const exact = !flat && end - start === n && this.#html.startsWith(value, start);
    const offsets = flat || exact ? null : alignNode(value, this.#html, start, end);
    const at = (i: number): number => (offsets ? offsets[i]! : exact ? base + i : base);
    const pre = ctx.pre;

    let i = 0;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (!pre && isAsciiSpace(c)) {
        let k = i + 1;
        while (k < n && isAsciiSpace(value.charCodeAt(k))) k++;
        out.space(at(i), at(k));
        i = k;
        continue;
      }
      if (c === 10 /* \n in <pre> */) {
        if (ctx.inlineCell) out.softSpace();
        else out.breakLine();
        i++;
        continue;
      }
      let k = i + 1;
      if (offsets && offsets[i + 1] !== offsets[i]! + 1) {
        // A decoded entity (one or two UTF-16 units): one flat piece over its `&…;`.
        while (k < n && offsets[k] === offsets[i]) k++;
        out.text(value.slice(i, k), offsets[i]!, offsets[k]!, false);
      } else if (offsets) {
        while (k < n && !endsRun(value.charCodeAt(k), pre) && offsets[k + 1] === offsets[k]! + 1) k++;
        out.text(value.slice(i, k), offsets[i]!, offsets[k]!, true);
      } else {
        while (k < n && !endsRun(value.charCodeAt(k), pre)) k++;
        out.text(value.slice(i, k), at(i), at(k), exact);
      }
      i = k;
    }
  }
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** A run of text ends at white space, or in <pre> only at a line break. */
function endsRun(c: number, pre: boolean): boolean {
  return c === 10 || (!pre && isAsciiSpace(c));
}

function isDropped(el: Element, ctx: Context): boolean {
  const tag = el.tagName;
  // Some pages hide <body> until a script has run; the text is still the page's.
  if (tag === 'html' || tag === 'body') return false;
  if (DROP_TAGS.has(tag)) return true;
  if (CHROME_TAGS.has(tag) && !ctx.article) return true;
  const p = el.properties;
  if (p.hidden !== undefined && p.hidden !== null && p.hidden !== false) return true;
  if (typeof p.style === 'string' && HIDDEN_STYLE.test(p.style)) return true;
  if (ctx.grid && TABLE_PARTS.has(tag)) return false;
  return isFurniture(p.className, p.id);
}

function holdsArticle(el: Element): boolean {
  if (el.tagName === 'article' || el.tagName === 'main') return true;
  const { className, id } = el.properties;
  return (
    (Array.isArray(className) && className.some((c) => typeof c === 'string' && ARTICLE_CLASS.test(c))) ||
    (typeof id === 'string' && ARTICLE_CLASS.test(id))
  );
}

/** Verdicts by "class#id": pages repeat the same few class names thousands of times. */
const furnitureCache = new Map<string, boolean>();

function isFurniture(className: unknown, id: unknown): boolean {
  if (className === undefined && id === undefined) return false;
  const key = `${Array.isArray(className) ? className.join(' ') : String(className ?? '')}#${String(id ?? '')}`;
  let verdict = furnitureCache.get(key);
  if (verdict === undefined) {
    verdict = classifyFurniture(className, id);
    if (furnitureCache.size > 10_000) furnitureCache.clear();
    furnitureCache.set(key, verdict);
  }
  return verdict;
}

function classifyFurniture(className: unknown, id: unknown): boolean {
  const tokens: string[] = [];
  if (Array.isArray(className)) for (const c of className) if (typeof c === 'string') tokens.push(c);
  if (typeof className === 'string') tokens.push(...className.split(/\s+/));
  if (typeof id === 'string') tokens.push(...id.split(/\s+/));
  if (tokens.length === 0) return false;
  const parts = new Set<string>();
  const joined: string[] = [];
  for (const token of tokens) {
    if (!token || UTILITY_CLASS.test(token)) continue;
    for (const part of token.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[-_\s]+/)) {
      if (part) parts.add(part);
    }
    joined.push(token.toLowerCase().replace(/[-_]/g, ''));
  }
  for (const token of joined) parts.add(token);
  for (const rule of FURNITURE) {
    let hit = false;
    for (const part of parts) if (rule.words.has(part)) hit = true;
    if (!hit) continue;
    if (rule.unless) {
      const unless = rule.unless;
      if (joined.some((token) => unless.test(token))) continue;
    }
    return true;
  }
  return false;
}

/** Rows of this table itself (through thead/tbody/tfoot), not of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of child.children) if (tr.type === 'element' && tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function ownCells(tr: Element, ctx: Context): Element[] {
  return tr.children.filter(
    (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') && !isDropped(c, ctx),
  );
}

/** What a cell holds; stops at a nested table, so every node is profiled once per page. */
function profileOf(cell: Element, ctx: Context): CellProfile {
  const profile: CellProfile = { table: false, heading: false, blocks: 0, chars: 0 };
  const stack = [...cell.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') profile.chars += node.value.trim().length;
    if (node.type !== 'element' || isDropped(node, ctx)) continue;
    if (node.tagName === 'table') {
      profile.table = true;
      continue;
    }
    if (HEADING_TAGS.has(node.tagName)) profile.heading = true;
    if (node.tagName === 'br' || BLOCK_TAGS.has(node.tagName)) profile.blocks++;
    for (const child of node.children) stack.push(child);
  }
  return profile;
}

// ---------------------------------------------------------------------------
// Entity alignment

const ENTITY = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/y;
const AMPERSAND_ENTITY = /^&(?:amp;?|AMP;?|#0*38;?|#[xX]0*26;?)$/;
/** A tag or comment the parser left out of a text node's value (a stray "</pre>"). */
const STRAY_TAG = /<\/?[A-Za-z][^>]*>|<!--[^]*?-->|<[!?][^>]*>/y;

/**
 * parse5 misplaces the start of text before <head>/<body> that begins with an entity
 * (" &nbsp;x" is reported from the 'x'); the end is right, so a short node that fails
 * to line up is retried from a little earlier.
 */
function alignNode(value: string, html: string, start: number, end: number): Int32Array | null {
  // The parser drops the newline right after <pre>, <listing> and <textarea>.
  const newline = html.startsWith('\r\n', start) ? 2 : html.charCodeAt(start) === 10 || html.charCodeAt(start) === 13 ? 1 : 0;
  if (newline > 0) {
    const offsets = align(value, html, start + newline, end);
    if (offsets) return offsets;
  }
  const earliest = value.length < 1000 ? Math.max(0, start - 32) : start;
  for (let from = start; from >= earliest; from--) {
    const offsets = align(value, html, from, end);
    if (offsets) return offsets;
  }
  return null;
}

/** One way to consume source: `units` characters of value from `length` characters of source. */
type Step = readonly [units: number, length: number];

/**
 * Source offset of each character of a text node whose value is not a verbatim copy
 * of its source (entities, CRLF, a stray tag), or null
 * when the two cannot be lined up. Entry n is the node's end. Where the source could
 * be read two ways (a name without ';' such as "&copy2024": which prefix is the
 * entity?) the walk keeps the other ways and backtracks to them, within a step budget.
 */
function align(value: string, html: string, start: number, end: number): Int32Array | null {
  const n = value.length;
  const offsets = new Int32Array(n + 1);
  let i = 0;
  let j = start;
  const choices: Array<{ i: number; j: number; steps: Step[]; next: number }> = [];
  let budget = 4 * (n + end - start) + 64;
  for (;;) {
    if (budget-- <= 0) return null;
    if (i === n && j === end) break;
    const c = value.charCodeAt(i);
    const r = html.charCodeAt(j);
    if (r === c && r !== 38 && r !== 60 && i < n && j < end) {
      // The common case, one way only: a character copied as it is.
      offsets[i++] = j++;
      continue;
    }
    let steps: Step[] | null = null;
    if (i < n && j < end) steps = stepsAt(value, i, html, j, end);
    let step = steps?.[0];
    if (steps && steps.length > 1) choices.push({ i, j, steps, next: 1 });
    if (!step) {
      // Dead end: resume at the latest place that had another way to read the source.
      let choice = choices[choices.length - 1];
      while (choice && choice.next >= choice.steps.length) {
        choices.pop();
        choice = choices[choices.length - 1];
      }
      if (!choice) return null;
      i = choice.i;
      j = choice.j;
      step = choice.steps[choice.next++]!;
    }
    for (let t = 0; t < step[0] && i < n; t++) offsets[i++] = j;
    j += step[1];
  }
  offsets[n] = end;
  return offsets;
}

/** The ways value[i] can be read from html[j], likeliest first. */
function stepsAt(value: string, i: number, html: string, j: number, end: number): Step[] {
  const c = value.charCodeAt(i);
  const r = html.charCodeAt(j);
  const literal: Step[] = r === c || (r === 0 && c === 0xfffd) ? [[1, 1]] : [];
  if (r === 38 /* & */) {
    ENTITY.lastIndex = j;
    const entity = ENTITY.exec(html)?.[0];
    if (!entity || j + entity.length > end) return literal;
    const units = entityUnits(entity, value, i);
    // The parser reads the longest name it knows: "&notit;" is ¬ then "it;".
    const shortest = entity.startsWith('&#') ? entity.length : 3;
    const decoded: Step[] = [];
    for (let length = entity.length; length >= shortest; length--) decoded.push([units, length]);
    // Raw text (<xmp>) keeps "&amp;" as it is; a lone '&' is usually itself.
    const literalFirst = value.startsWith(entity, i) || (c === 38 && !AMPERSAND_ENTITY.test(entity));
    return literalFirst ? [...literal, ...decoded] : [...decoded, ...literal];
  }
  if (r === 60 /* < */) {
    STRAY_TAG.lastIndex = j;
    const tag = STRAY_TAG.exec(html)?.[0];
    if (!tag || j + tag.length > end) return literal;
    const skip: Step[] = [[0, tag.length]];
    return value.startsWith(tag, i) ? [...literal, ...skip] : [...skip, ...literal];
  }
  if (r === 13 && c === 10) return [[1, html.charCodeAt(j + 1) === 10 ? 2 : 1]];
  return literal;
}

/** UTF-16 units an entity decodes to: two for astral code points, else one (the alignment checks). */
function entityUnits(entity: string, value: string, i: number): number {
  if (entity.startsWith('&#')) {
    const hex = entity[2] === 'x' || entity[2] === 'X';
    const cp = Number.parseInt(entity.slice(hex ? 3 : 2), hex ? 16 : 10);
    return cp > 0xffff && cp <= 0x10ffff ? 2 : 1;
  }
  const c = value.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

// ---------------------------------------------------------------------------
// Writing lines

/** A run of output text: copied from `src` (exact), spread over src..end (flat), or synthesized. */
interface Piece {
  text: string;
  src: number;
  end: number;
  exact: boolean;
  synth: boolean;
}

/**
 * Collects pieces into lines, collapses white space between them, drops empty lines,
 * and records the offset map as the lines are written out.
 */
class LineWriter {
  readonly #map = new OffsetMapBuilder();
  readonly #chunks: string[] = [];
  #length = 0;
  /** Source offset the map's current linear segment has reached. */
  #cursor = 0;
  #line: Piece[] = [];
  /** Text written since the line start or the last tab. */
  #segmentHasText = false;
  /** Collapsed white space waiting for the next text (dropped at a line or cell end). */
  #space: { src: number; end: number } | null = null;
  /** Source end of the last text piece. */
  lastEnd = 0;

  text(text: string, src: number, end: number, exact: boolean): void {
    if (this.#space) {
      const { src: s, end: e } = this.#space;
      this.#line.push({ text: ' ', src: s, end: e, exact: e - s === 1, synth: false });
      this.#space = null;
    }
    this.#line.push({ text, src, end, exact, synth: false });
    this.#segmentHasText = true;
    this.lastEnd = Math.max(this.lastEnd, end);
  }

  space(src: number, end: number): void {
    if (this.#segmentHasText && !this.#space) this.#space = { src, end };
  }

  /** A block or <br> inside a one-line table cell. */
  softSpace(): void {
    this.space(this.lastEnd, this.lastEnd);
  }

  tab(): void {
    this.#space = null;
    this.#line.push({ text: '\t', src: this.lastEnd, end: this.lastEnd, exact: false, synth: true });
    this.#segmentHasText = false;
  }

  endCell(): void {
    this.#space = null;
  }

  breakLine(): void {
    this.#space = null;
    this.#segmentHasText = false;
    const line = this.#line;
    if (line.length === 0) return;
    this.#line = [];
    trimLine(line);
    if (!line.some((p) => !p.synth && /\S/.test(p.text))) return;
    if (this.#length > 0) this.#emit({ text: '\n', src: 0, end: 0, exact: false, synth: true });
    for (const piece of line) this.#emit(piece);
  }

  /** The text and its map; the text's end maps to the end of the last text written, not past trailing furniture. */
  finish(): { text: string; map: OffsetMap } {
    this.breakLine();
    return { text: this.#chunks.join(''), map: this.#map.build(this.#length, this.#cursor) };
  }

  #emit(piece: Piece): void {
    const len = piece.text.length;
    if (piece.synth || piece.src < this.#cursor) {
      // Synthesized, or text the parser moved before earlier source (foster-parented
      // out of a table): inserted at the cursor, which keeps the map monotonic.
      this.#map.replace(this.#length, this.#cursor, len, 0);
    } else {
      if (piece.src > this.#cursor) this.#map.replace(this.#length, this.#cursor, 0, piece.src - this.#cursor);
      const srcLen = piece.exact ? len : Math.max(piece.end - piece.src, 0);
      this.#map.replace(this.#length, piece.src, len, srcLen);
      this.#cursor = piece.src + srcLen;
    }
    this.#chunks.push(piece.text);
    this.#length += len;
  }
}

/** Trims ASCII spaces (left by <pre>) at both ends of a line; tabs around empty cells stay. */
function trimLine(line: Piece[]): void {
  while (line.length > 0) {
    const first = line[0]!;
    if (first.synth) break;
    const k = first.text.length - first.text.replace(/^ +/, '').length;
    if (k === first.text.length) {
      line.shift();
      continue;
    }
    if (k > 0) {
      first.text = first.text.slice(k);
      if (first.exact) first.src += k;
    }
    break;
  }
  while (line.length > 0) {
    const last = line[line.length - 1]!;
    if (last.synth) break;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed.length === 0) {
      line.pop();
      continue;
    }
    if (trimmed.length < last.text.length) {
      last.text = trimmed;
      if (last.exact) last.end = last.src + trimmed.length;
    }
    break;
  }
}
