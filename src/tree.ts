// The syntax tree that flows through the unified pipeline.
// The parser makes a root of `line` nodes; transformers classify lines (furniture,
// metadata), nest headings into `section` nodes and fill `root.data` with what they
// extract. Offsets are into the NORMALISED text; the compiler maps them to the source.
import type { Node } from 'unist';
import type { Normalised } from './normalise/index.js';
import type { Meta, Reference, SectionKind, Target, Task } from './schema/policy-document.js';
import type { Decision } from './targets/extract.js';
import type { Table } from './parse/tables.js';
import type { StyleKey } from './parse/numbering.js';
import type { Positioner } from './util/position.js';
import type { HistoryDraft } from './transform/history.js';

/** `cell`: a table's header or data cell (tables.ts), kept out of body text. */
export type LineRole = 'blank' | 'heading' | 'paragraph' | 'toc' | 'furniture' | 'meta' | 'cell';

export interface Heading {
  style: StyleKey;
  kind: SectionKind;
  marker: string;
  number: number | null;
  title: string | null;
  /** Body printed on the heading's own line after the title, or ''. */
  body: string;
  /** Normalised offset where `body` starts. */
  bodyStart: number;
  /** Units read from a task table's columns. */
  attribution?: { lead: string[]; support: string[]; responsible: string[] };
  /** A task-table row's content cell, when it wraps over several lines (read for targets). */
  cellLines?: LineNode[];
}

export interface LineNode extends Node {
  type: 'line';
  role: LineRole;
  /** 1-based line number in the normalised text (= the source line). */
  line: number;
  /** The line's content, trimmed. */
  value: string;
  start: number;
  end: number;
  /** Set on every line (undefined when none), never deleted: all lines keep one shape. */
  heading?: Heading;
  /** A Markdown heading's level (`# ` → 1), when the line was one; undefined on every other line. */
  markdown?: number;
}

export interface SectionNode extends Node {
  type: 'section';
  kind: SectionKind;
  style: StyleKey | null;
  marker: string | null;
  number: number | null;
  title: string | null;
  implicit: boolean;
  heading: LineNode | null;
  /** Body paragraphs of this section itself (the heading line's body comes first). */
  paragraphs: LineNode[];
  children: SectionNode[];
  start: number;
  end: number;
  /** Filled by the compiler: the stable path id ("2.1.3"). */
  id?: string;
}

export interface TaskDraft extends Omit<Task, 'id' | 'sectionId' | 'position'> {
  section: SectionNode;
}

export interface TargetDraft extends Omit<Target, 'id' | 'sectionId' | 'position'> {
  section: SectionNode | null;
  start: number;
  end: number;
}

export interface DecisionDraft extends Decision {
  section: SectionNode | null;
}

export interface ReferenceDraft extends Omit<Reference, 'position'> {
  start: number;
  end: number;
}

/** Meta as the stages build it: history entries carry normalised offsets until compiled. */
export type MetaDraft = Omit<Meta, 'history'> & { history: HistoryDraft[] };

export interface PolicyData {
  normalised: Normalised;
  /** Position in the ORIGINAL source of a normalised [start, end) range. */
  locate: Positioner;
  meta: MetaDraft;
  /** Paragraphs before the first section. */
  preamble: LineNode[];
  sections: SectionNode[];
  tasks: TaskDraft[];
  targets: TargetDraft[];
  /** Task and indicator tables (parse/tables.ts), their lines marked `cell`. */
  tables: Table[];
  /** Why every quantity was or was not taken as a target (offsets normalised). */
  decisions: DecisionDraft[];
  references: ReferenceDraft[];
}

export interface PolicyRoot extends Node {
  type: 'root';
  children: LineNode[];
  data: PolicyData;
}

/** Every section in document order (pre-order). */
export function* walkSections(sections: readonly SectionNode[]): Generator<SectionNode> {
  // A stack of (list, next index) instead of one nested generator per level, which would
  // hand every section up through each level above it.
  const lists: Array<readonly SectionNode[]> = [sections];
  const next: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top] as readonly SectionNode[];
    const i = next[top] as number;
    if (i >= list.length) {
      lists.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const s = list[i] as SectionNode;
    yield s;
    lists.push(s.children);
    next.push(0);
  }
}

/** A section's own text: the heading line's body and its paragraphs, one per line. */
export function sectionText(section: SectionNode): string {
  const body = section.heading?.heading?.body;
  // One part (an article printed on its heading line, a lone paragraph) is the text as it is.
  if (body && section.paragraphs.length === 0) return body;
  if (!body && section.paragraphs.length === 1) return (section.paragraphs[0] as LineNode).value;
  const parts: string[] = [];
  if (body) parts.push(body);
  for (const p of section.paragraphs) parts.push(p.value);
  return parts.join('\n');
}
