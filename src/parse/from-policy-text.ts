// Parser: normalised text → a root of classified `line` nodes.
// Input: text from normalise() (line N = source line N). Output: one `line` node per
// source line, in order, each `blank`, `heading` (with marker, title and inline body),
// `toc` (a table-of-contents line such as 一、总体要求，二、主要任务，) or `paragraph`.
// Never throws; offsets are into the normalised text.
import type { Normalised } from '../normalise/index.js';
import type { LineNode, PolicyRoot } from '../tree.js';
import { createPositioner } from '../util/position.js';
import { DIVISION_STYLES, matchMarker } from './numbering.js';
import { MAX_SECTIONS } from '../util/limits.js';
import { splitTitle } from './split-heading.js';
import { markAttachments } from './attachments.js';
import { markTables } from './task-table.js';

// Leading space is what trimStart() removes: JavaScript's white space and line terminators,
// the same set as \s (the ideographic space U+3000 among them).
const leadingSpace = (s: string): number => s.length - s.trimStart().length;
// Markdown from law databases: `## 第一章 总则` headings and `<!-- INFO END -->` comments.
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const HTML_COMMENT = /^<!--.*-->$/;
// After a marker, another marker of a list on the same line: 一、总体要求，二、主要任务
const TOC_NEXT = /[，,；;\s][（(]?[一二三四五六七八九十\d]{1,3}[、.．）)]/;
// A law's contents on one line: 第一章 总则 第二章 任免范围 第三章 …
const LEGAL_TOC_NEXT = /\s第[一二三四五六七八九十百\d]+[编章节]/;

export function fromPolicyText(normalised: Normalised): PolicyRoot {
  const { text } = normalised;
  const children: LineNode[] = [];
  /** The 第X条 headings, in order (for demoteArticleReferences). */
  const articles: LineNode[] = [];
  let lineStart = 0;
  let lineNo = 1;
  let headings = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Far past the outline's cap (MAX_SECTIONS: later headings are body text there, with a
    // message), lines are not read for headings at all: memory and time stay bounded.
    const node = classifyLine(text.slice(lineStart, lineEnd), lineStart, lineNo, headings < 2 * MAX_SECTIONS);
    if (node.role === 'heading') {
      headings++;
      if (node.heading?.style === 'tiao') articles.push(node);
    }
    children.push(node);
    lineStart = lineEnd + 1;
    lineNo++;
  }
  demoteArticleReferences(articles);
  markAttachments(children);
  const tables = markTables(children);
  markContents(children);
  return {
    type: 'root',
    children,
    data: {
      normalised,
      // Until the caller knows the source: positions in the normalised text itself.
      locate: createPositioner(text, (offset) => offset),
      meta: {
        title: null,
        attachedTitle: null,
        docNumber: null,
        issuer: null,
        issuedDate: null,
        publishedDate: null,
        docType: null,
        period: null,
        addressees: [],
        history: [],
        validity: null,
      },
      preamble: [],
      sections: [],
      tasks: [],
      targets: [],
      tables,
      decisions: [],
      references: [],
    },
  };
}

/**
 * Whether a line starting with this code has no leading space and no Markdown `#`: printable
 * ASCII but # (white space and line terminators are below U+0021), or Han (white space there is
 * only U+FEFF). Such a line is its own value, trimmed at the end only.
 */
const startsPlain = (code: number): boolean => (code > 0x20 && code < 0x7f && code !== 0x23) || (code >= 0x4e00 && code !== 0xfeff);

function classifyLine(raw: string, offset: number, line: number, headings: boolean): LineNode {
  let lead = 0;
  let hashes: string | undefined;
  if (!startsPlain(raw.charCodeAt(0))) {
    lead = leadingSpace(raw);
    hashes = MARKDOWN_HEADING.exec(raw.slice(lead))?.[0];
    lead += hashes?.length ?? 0;
  }
  const value = (lead === 0 ? raw : raw.slice(lead)).trimEnd();
  const start = offset + lead;
  // Every line has every key, in one order (an absent heading or level is undefined, never
  // added later or deleted): the stages that read lines then see a single shape of object.
  const node: LineNode = { type: 'line', role: 'paragraph', line, value, start, end: start + value.length, heading: undefined, markdown: hashes ? hashes.trimEnd().length : undefined };
  if (!value) node.role = 'blank';
  // An HTML comment starts with <.
  else if (value.charCodeAt(0) === 0x3c && HTML_COMMENT.test(value)) node.role = 'furniture';
  else if (headings) parseHeading(node);
  return node;
}

/**
 * Where a document prints its articles alone on their lines (Taiwan's 第 7 條, then the text
 * below), a line that runs straight on from 第X条 into words (第二條所定事項…, 第四條停車場作業基金
 * 用途如左) cites an article: it is a paragraph, not a heading.
 */
function demoteArticleReferences(articles: readonly LineNode[]): void {
  const bare = articles.filter((l) => l.heading?.body === '').length;
  if (bare < 3 || bare * 2 < articles.length) return;
  // Their numerals are of one kind (第 8 条); a citation may use the other (第八条  第十一条至…).
  const arabic = (l: LineNode) => /\d/.test(l.heading?.marker ?? '');
  const bareArabic = articles.filter((l) => l.heading?.body === '' && arabic(l)).length * 2 > bare;
  for (const line of articles) {
    const marker = line.heading?.marker ?? '';
    const runsOn = !/^[\s\u3000]/.test(line.value.slice(marker.length));
    if (line.heading?.body && (runsOn || arabic(line) !== bareArabic)) {
      line.role = 'paragraph';
      line.heading = undefined;
    }
  }
}

/** What may stand between a marker and its title: spaces, a colon, a full stop, a 、 (a run of them, from lastIndex). */
export const SEPARATORS = /[\s：:.．、]*/y;

/**
 * Where a marker's title starts: after the run of SEPARATORS from `from` (the marker's end).
 * The common shapes are read without the pattern: a Han character straight after the marker
 * (第三条本办法…) or after one space (第三条 本办法…), since no separator is a code unit from
 * U+4E00 to U+FEFE (a test holds SEPARATORS to that).
 */
export function titleStart(value: string, from: number): number {
  const i = value.charCodeAt(from) === 0x20 ? from + 1 : from;
  const code = value.charCodeAt(i);
  if (code >= 0x4e00 && code < 0xfeff) return i;
  SEPARATORS.lastIndex = from;
  SEPARATORS.exec(value);
  return SEPARATORS.lastIndex;
}

function parseHeading(node: LineNode): void {
  const m = matchMarker(node.value);
  if (!m) return;
  const restIndex = titleStart(node.value, m.marker.length);
  const rest = node.value.slice(restIndex);
  const { style } = m;
  if (!rest && style.key !== 'tiao') return; // a lone marker is not a heading
  if (style.key !== 'bullet' && !style.legal && !rest.includes('。') && TOC_NEXT.test(rest)) {
    node.role = 'toc';
    return;
  }
  // A 编/章/节 title is a name: a line that runs on into a sentence (第二章期货交易所之规定，
  // 除…) or a list (第二章、第四十七条…) cites the chapter. A Markdown heading is a heading.
  if (style.legal && style.key !== 'tiao' && !node.markdown && (/[，。]/.test(rest) || /^[、，]/.test(node.value.slice(m.marker.length)))) return;
  if (style.legal && style.key !== 'tiao' && LEGAL_TOC_NEXT.test(rest)) {
    node.role = 'toc';
    return;
  }
  let title: string | null;
  let bodyIndex: number;
  if (style.key === 'tiao') {
    // Articles carry no title of their own: 第三条 本办法所称……
    title = null;
    bodyIndex = 0;
  } else if (style.legal || style.key === 'box') {
    title = rest;
    bodyIndex = rest.length;
  } else {
    const split = splitTitle(rest, style.key === 'enumeration');
    title = split.title;
    bodyIndex = split.bodyIndex;
  }
  const body = rest.slice(bodyIndex).trimStart();
  node.role = 'heading';
  node.heading = {
    style: style.key,
    kind: style.kind,
    marker: m.marker,
    number: m.number,
    title: title?.trim() || null,
    body,
    bodyStart: node.end - body.length,
  };
}

/**
 * A law's table of contents, one 章 per line before the body: a run of 编/章/节 headings
 * with nothing between them in which one style comes twice (第一章, 第二章 …). A body's
 * own run (第一编, 第一章, 第一节, then 第一条) never repeats a style, since no real
 * chapter is empty. Marks the run `toc` (up to where the count starts again, the body's
 * first heading) so its chapters are not taken for the body's.
 */
function markContents(lines: LineNode[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!isDivision(lines[i] as LineNode)) {
      i++;
      continue;
    }
    const run: LineNode[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const line = lines[j] as LineNode;
      if (isDivision(line)) run.push(line);
      else if (line.role !== 'blank') break;
    }
    if (repeatsAStyle(run)) markContentsRun(run);
    i = j;
  }
}

/** A 编, 章 or 节 heading. */
const isDivision = (line: LineNode): boolean => line.role === 'heading' && line.heading !== undefined && DIVISION_STYLES.has(line.heading.style);

/** Whether a style comes twice in a run of divisions (第一章 … 第一章 …): a table of contents. */
function repeatsAStyle(run: readonly LineNode[]): boolean {
  const seen = new Set<string>();
  for (const line of run) {
    const { style } = line.heading as NonNullable<LineNode['heading']>;
    if (seen.has(style)) return true;
    seen.add(style);
  }
  return false;
}

/**
 * Marks a table of contents `toc`: the run, up to where a count starts again (…第六章, 第一章),
 * since the body's own first heading may follow the contents directly.
 */
function markContentsRun(run: readonly LineNode[]): void {
  const last = new Map<string, number>();
  const restart = run.findIndex((line) => {
    const { style, number } = line.heading as NonNullable<LineNode['heading']>;
    const previous = last.get(style);
    last.set(style, number ?? 0);
    return previous !== undefined && (number ?? 0) <= previous;
  });
  for (const line of restart < 0 ? run : run.slice(0, restart)) line.role = 'toc';
}
