// Outline: flat heading/paragraph lines → nested sections.
// Input: classified lines (furniture and metadata already marked). Output:
// `tree.data.sections` (nested) and `tree.data.preamble` (paragraphs before the first
// heading). Continuation paragraphs belong to the section above them. Guarantees: every
// section has start/end offsets covering its heading, text and children; numbering that
// restarts with no parent heading gets `implicit` parents; gaps become messages.
import type { VFile } from 'vfile';
import type { Positioner } from '../util/position.js';
import { MAX_SECTIONS } from '../util/limits.js';
import { warn } from '../util/report.js';
import { NUMBERING_STYLES, type StyleKey, formatMarker, isInsertedMarker } from '../parse/numbering.js';
import type { SectionKind } from '../schema/policy-document.js';
import type { Heading, LineNode, PolicyRoot, SectionNode } from '../tree.js';

const STYLE = new Map(NUMBERING_STYLES.map((s) => [s.key, s]));
const rankOf = (key: StyleKey | null): number => (key ? (STYLE.get(key)?.rank ?? 99) : 99);
const isLegal = (key: StyleKey | null): boolean => (key ? (STYLE.get(key)?.legal ?? false) : false);
/** Styles that close as soon as a numbered heading arrives. */
const TRANSIENT = new Set<StyleKey>(['bullet', 'enumeration', 'box']);

/** The conventional parent style of a style, for implicit sections: （一） sits under 一、. */
const PARENT_STYLE: Partial<Record<StyleKey, StyleKey>> = {
  'cn-paren': 'cn-comma',
  arabic: 'cn-paren',
  'arabic-paren': 'arabic',
  circled: 'arabic-paren',
  tiao: 'zhang',
  jie: 'zhang',
  zhang: 'bian',
};

export interface Outline {
  preamble: LineNode[];
  sections: SectionNode[];
}

export function buildOutline(lines: readonly LineNode[], file?: VFile, locate?: Positioner): Outline {
  const walk: OutlineWalk = { preamble: [], roots: [], stack: [], lastNumber: new Map(), beforeBox: null };
  for (const line of lines) {
    if (line.role === 'paragraph') addParagraph(walk, line);
    else if (line.role === 'heading' && line.heading) addHeading(walk, line, line.heading, file, locate);
  }
  return { preamble: walk.preamble, sections: wrapRestarts(walk.roots) };
}

// buildOutline works in named steps, each a function of its own: a step that meets a rare
// branch (a 专栏 box, a numbering gap) deoptimises only itself, and V8 compiles small
// functions far faster than one large one.

/** What the walk over the lines holds between one line and the next. */
interface OutlineWalk {
  preamble: LineNode[];
  roots: SectionNode[];
  /** The open sections, outermost first. */
  stack: SectionNode[];
  /** Last number seen per style anywhere: numbering may continue across parents (1.–10.). */
  lastNumber: Map<StyleKey, number>;
  /** The open sections when a 专栏 box interrupted them: 3. after a box that followed 2. goes on under 2.'s parent. */
  beforeBox: SectionNode[] | null;
}

/** A paragraph belongs to the innermost open section, or to the preamble before any. */
function addParagraph(walk: OutlineWalk, line: LineNode): void {
  const top = walk.stack.at(-1);
  if (top) {
    top.paragraphs.push(line);
    extend(walk.stack, line.end);
  } else walk.preamble.push(line);
}

/** A heading opens a section where its style belongs, noting a gap in its numbering. */
function addHeading(walk: OutlineWalk, line: LineNode, h: Heading, file?: VFile, locate?: Positioner): void {
  const { stack } = walk;
  if (h.style === 'box') walk.beforeBox ??= [...stack];
  else if (walk.beforeBox && !TRANSIENT.has(h.style)) resumeAfterBox(walk, h);
  placeHeading(stack, h.style);
  const parent = stack.at(-1);
  const siblings = parent ? parent.children : walk.roots;
  if (file && locate) warnGap(siblings, line, walk.lastNumber, file, locate);
  const section: SectionNode = {
    type: 'section',
    kind: kindUnder(parent, h.kind),
    style: h.style,
    marker: h.marker,
    number: h.number,
    title: h.title,
    implicit: false,
    heading: line,
    paragraphs: [],
    children: [],
    start: line.start,
    end: line.end,
  };
  siblings.push(section);
  stack.push(section);
  extend(stack, line.end);
  if (h.number !== null) walk.lastNumber.set(h.style, h.number);
}

/** After a box, a heading that numbers on from a section the box interrupted reopens that section's stack. */
function resumeAfterBox(walk: OutlineWalk, h: Heading): void {
  const beforeBox = walk.beforeBox as SectionNode[];
  const interrupted = findLast(beforeBox, (s) => s.style === h.style);
  if (interrupted && h.number !== null && interrupted.number !== null && h.number === interrupted.number + 1) walk.stack.splice(0, walk.stack.length, ...beforeBox);
  walk.beforeBox = null;
}

/** Warns where a heading's number does not follow its siblings'. */
function warnGap(siblings: readonly SectionNode[], line: LineNode, lastNumber: Map<StyleKey, number>, file: VFile, locate: Positioner): void {
  const gap = numberingGap(siblings, line, lastNumber);
  if (gap) warn(file, { locate }, gap, 'numbering-gap', line.start, line.end);
}

/** Pops `stack` to where a heading of `style` belongs. */
function placeHeading(stack: SectionNode[], style: StyleKey): void {
  const same = findLastIndex(stack, (s) => s.style === style);
  if (style === 'attachment') {
    // An attachment closes the body and any attachment before it.
    stack.length = 0;
    return;
  }
  if (style === 'box') {
    // A 专栏 box sits inside the part that contains it, beside that part's items.
    const part = findLastIndex(stack, (s) => s.style === 'cn-comma' || s.style === 'bufen' || s.style === 'attachment' || isLegal(s.style));
    stack.length = part + 1;
    return;
  }
  if (isLegal(style)) {
    // 编 > 章 > 节 > 条 is fixed: a new article closes everything below the chapter.
    while (stack.length) {
      const top = stack.at(-1) as SectionNode;
      if (isLegal(top.style) && rankOf(top.style) < rankOf(style)) break;
      stack.pop();
    }
    return;
  }
  if (same >= 0) {
    stack.length = same;
    return;
  }
  if (TRANSIENT.has(style)) return;
  while (stack.length && TRANSIENT.has((stack.at(-1) as SectionNode).style as StyleKey)) stack.pop();
  // A conventionally higher marker closes deeper ones (一、 after 1. items).
  while (stack.length) {
    const top = stack.at(-1) as SectionNode;
    if (isLegal(top.style) || rankOf(top.style) < rankOf(style)) break;
    stack.pop();
  }
}

/**
 * Inside a law's article the enumerations are 项 and 目, not sections: （一） under 第X条
 * is an item (a section is a 节), and 1. under such an item a subitem.
 */
function kindUnder(parent: SectionNode | undefined, kind: SectionKind): SectionKind {
  // 一、 or （一） in an article is a 项 (Taiwan's 款), and （一） under it a 目.
  if (parent?.kind === 'article' && (kind === 'section' || kind === 'part')) return 'item';
  if (parent?.kind === 'item' && parent.style === 'cn-comma' && (kind === 'section' || kind === 'item')) return 'subitem';
  if (parent?.kind === 'item' && parent.style === 'cn-paren' && kind === 'item') return 'subitem';
  return kind;
}

function extend(stack: readonly SectionNode[], end: number): void {
  for (const s of stack) if (end > s.end) s.end = end;
}

/** Why a heading's number does not follow its siblings' (a message), or null when it does. */
function numberingGap(siblings: readonly SectionNode[], line: LineNode, lastNumber: Map<StyleKey, number>): string | null {
  const h = line.heading;
  // 第一百二十条之一 is inserted after 第一百二十条 by an amendment: not a gap, not a repeat.
  if (!h || h.number === null || isInsertedMarker(h.marker)) return null;
  const prev = findLast(siblings, (s) => s.style === h.style);
  // Restarting at 1 is a restart, handled by implicit parents; continuing the count of
  // the previous parent (1.–4. under （一）, 5. under （二）; 第五条 in 第二章) is fine.
  const expected = prev?.number != null ? prev.number + 1 : (lastNumber.get(h.style) ?? 0) + 1;
  if (h.number === expected || h.number === 1) return null;
  // The first of its siblings: a plan's count starts at 1 or carries on (（一） or （五））;
  // a law's articles always carry on.
  const named =
    prev || expected === 1 || isLegal(h.style) ? formatMarker(h.style, expected) : `${formatMarker(h.style, 1)} or ${formatMarker(h.style, expected)}`;
  return `Unexpected numbering gap, expected ${named} before ${h.marker}`;
}

/**
 * Where numbering restarts among siblings with no parent heading between the runs
 * (（一）（二） then （一）…（九）), the parent headings were lost: wrap each run in an
 * implicit section of the conventional parent style. Applied at every level.
 */
function wrapRestarts(sections: SectionNode[]): SectionNode[] {
  for (const s of sections) s.children = wrapRestarts(s.children);
  // A restart needs a sibling before it: a section alone (most of a law's 项) or none has none.
  if (sections.length < 2) return sections;
  const runStarts: number[] = [];
  const seen = new Map<StyleKey, number>();
  let restartStyle: StyleKey | null = null;
  sections.forEach((s, i) => {
    // An inserted 第 1-1 条 after 第 1 条 repeats its number without restarting the count.
    if (!s.style || s.number === null || TRANSIENT.has(s.style) || (s.marker !== null && isInsertedMarker(s.marker))) return;
    const prev = seen.get(s.style);
    if (prev !== undefined && s.number === 1 && prev >= 1 && (restartStyle === null || restartStyle === s.style)) {
      restartStyle = s.style;
      runStarts.push(i);
    }
    seen.set(s.style, s.number);
  });
  if (restartStyle === null) return sections;
  const style: StyleKey = restartStyle;
  const first = sections.findIndex((s) => s.style === style);
  const bounds = [first, ...runStarts, sections.length];
  const wrapped: SectionNode[] = sections.slice(0, first);
  for (let r = 0; r + 1 < bounds.length; r++) {
    const children = sections.slice(bounds[r], bounds[r + 1]);
    wrapped.push(implicitSection(PARENT_STYLE[style] ?? null, children));
  }
  return wrapped;
}

function implicitSection(style: StyleKey | null, children: SectionNode[]): SectionNode {
  const kind: SectionKind = (style && STYLE.get(style)?.kind) || 'part';
  return {
    type: 'section',
    kind,
    style,
    marker: null,
    number: null,
    title: null,
    implicit: true,
    heading: null,
    paragraphs: [],
    children,
    start: children[0]?.start ?? 0,
    end: Math.max(...children.map((c) => c.end)),
  };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  const i = findLastIndex(items, test);
  return i < 0 ? undefined : items[i];
}

function capHeadings(lines: readonly LineNode[], file: VFile, locate: Positioner): void {
  let headings = 0;
  for (const line of lines) {
    if (line.role !== 'heading' || ++headings <= MAX_SECTIONS) continue;
    if (headings === MAX_SECTIONS + 1) {
      warn(file, { locate }, `More than ${MAX_SECTIONS.toLocaleString('en')} sections: this heading and those after it are read as body text`, 'limit-sections', line.start, line.end);
    }
    line.role = 'paragraph';
    line.heading = undefined;
  }
}

export function policyOutline() {
  return (tree: PolicyRoot, file: VFile): void => {
    capHeadings(tree.children, file, tree.data.locate);
    const { preamble, sections } = buildOutline(tree.children, file, tree.data.locate);
    tree.data.preamble = preamble;
    tree.data.sections = sections;
  };
}
