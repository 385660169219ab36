// One document as rows of the run-wide tables (tasks.csv, targets.csv, sections.csv) and as
// its entry in index.json. Built in the job (main thread or worker), so only small
// arrays of strings travel back to the main thread, which writes them in input order.
import type { PolicyDocument, Section } from '../../src/schema/policy-document.js';
import { countSections, rootSections } from '../../src/util/sections.js';

export const TABLES = ['documents', 'tasks', 'targets', 'sections'] as const;
export type Table = (typeof TABLES)[number];

/** Document columns first in every table, then the item's own. */
const DOCUMENT_COLUMNS = ['source_path', 'doc_title', 'doc_number', 'issuer', 'date'];

export const TABLE_HEADERS: Record<Table, string[]> = {
  // One row per document: its metadata, history as "date event" pairs, and its counts.
  documents: [
    ...DOCUMENT_COLUMNS,
    'attached_title',
    'doc_type',
    'issued_date',
    'published_date',
    'period_from',
    'period_to',
    'valid_from',
    'valid_until',
    'history',
    'addressees',
    'sections',
    'tasks',
    'targets',
    'messages',
  ],
  tasks: [...DOCUMENT_COLUMNS, 'task_id', 'section_id', 'section_path', 'task', 'lead', 'support', 'responsible', 'lead_canonical', 'support_canonical', 'responsible_canonical', 'line'],
  targets: [...DOCUMENT_COLUMNS, 'target_id', 'section_id', 'section_path', 'indicator', 'comparator', 'value', 'value_high', 'unit', 'year', 'aspirational', 'kind', 'rule', 'text', 'line'],
  sections: [...DOCUMENT_COLUMNS, 'section_id', 'section_path', 'kind', 'marker', 'title', 'depth', 'line', 'text'],
};

export type TableRows = Record<Table, string[][]>;

/** Facts about one document for index.json. */
export interface ManifestEntry {
  path: string;
  output: string;
  sha256: string;
  title: string | null;
  docNumber: string | null;
  sections: number;
  tasks: number;
  targets: number;
  messages: number;
}

export function tableRows(doc: PolicyDocument): TableRows {
  const { meta } = doc;
  const docCells = [doc.source.path, meta.title ?? '', meta.docNumber ?? '', meta.issuer ?? '', meta.issuedDate ?? meta.publishedDate ?? ''];
  const paths = new Map<string, string>();
  const sections: string[][] = [];
  const visit = (list: readonly Section[], parent: string, depth: number) => {
    for (const s of list) {
      const label = `${s.marker ?? ''}${s.title ?? ''}` || `(${s.kind})`;
      const path = parent ? `${parent} > ${label}` : label;
      paths.set(s.id, path);
      sections.push([...docCells, s.id, path, s.kind, s.marker ?? '', s.title ?? '', String(depth), String(s.position.start.line), s.text]);
      visit(s.children, path, depth + 1);
    }
  };
  visit(rootSections(doc), '', 1);
  const units = (list: readonly string[]) => list.join('、');
  const canonical = new Map(doc.departments.map((d) => [d.name, d.canonical]));
  const canonicalUnits = (list: readonly string[]) => list.map((u) => canonical.get(u) ?? u).join('、');
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    documents: [
      [
        ...docCells,
        text(meta.attachedTitle),
        text(meta.docType),
        text(meta.issuedDate),
        text(meta.publishedDate),
        text(meta.period?.from),
        text(meta.period?.to),
        text(meta.validity?.from),
        text(meta.validity?.until),
        meta.history.map((h) => `${h.date} ${h.event}`).join('; '),
        meta.addressees.join('、'),
        String(countSections(rootSections(doc))),
        String(doc.tasks.length),
        String(doc.targets.length),
        String(doc.messages.length),
      ],
    ],
    sections,
    tasks: doc.tasks.map((t) => [
      ...docCells,
      t.id,
      t.sectionId,
      paths.get(t.sectionId) ?? '',
      t.title,
      units(t.lead),
      units(t.support),
      units(t.responsible),
      canonicalUnits(t.lead),
      canonicalUnits(t.support),
      canonicalUnits(t.responsible),
      String(t.position.start.line),
    ]),
    targets: doc.targets.map((g) => [
      ...docCells,
      g.id,
      g.sectionId ?? '',
      g.sectionId ? (paths.get(g.sectionId) ?? '') : '',
      g.indicator,
      g.comparator,
      String(g.value),
      g.valueHigh === null ? '' : String(g.valueHigh),
      g.unit ?? '',
      g.year === null ? '' : String(g.year),
      String(g.aspirational),
      g.kind,
      g.rule,
      g.text,
      String(g.position.start.line),
    ]),
  };
}

export function manifestEntry(doc: PolicyDocument, output: string): ManifestEntry {
  // Copies: a title read from the text is a slice that would keep the whole document alive
  // for as long as the run keeps its index entry.
  return {
    path: own(doc.source.path),
    output: own(output),
    sha256: own(doc.source.sha256),
    title: doc.meta.title === null ? null : own(doc.meta.title),
    docNumber: doc.meta.docNumber === null ? null : own(doc.meta.docNumber),
    sections: countSections(rootSections(doc)),
    tasks: doc.tasks.length,
    targets: doc.targets.length,
    messages: doc.messages.length,
  };
}

/** A string of its own: a copy that shares no memory with the string it came from. */
export function own(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
