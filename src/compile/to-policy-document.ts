// Compiler: PolicyRoot → PolicyDocument, the public output.
// Input: a tree every transformer has run over. Output: a plain object in the contract's
// shape and key order, positions mapped into the original source, ids assigned in
// document order (sections "2.1.3", tasks "t1", targets "g1"). Typed by the zod schema's
// types; validation against the schema itself is the tests' (every fixture and every output
// of every corpus), not repeated for each document at run time.
import type { VFile } from 'vfile';
import { type DepartmentAliases, canonicalUnit, documentPlace } from '../lexicon/canonical-unit.js';
import type { Department, Message, PolicyDocument as PolicyDocumentType, Section, Source } from '../schema/policy-document.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import { type LineNode, type PolicyRoot, type SectionNode, sectionText } from '../tree.js';
import type { Positioner } from '../util/position.js';

/** Facts about the input that only the caller knows (bytes, path, encoding). */
export interface SourceInfo {
  path: string;
  sha256: string;
  encoding: string;
  format: Source['format'];
  /** PDF only: where each page starts in the text. */
  pages?: Source['pages'];
}

export function toPolicyDocument(tree: PolicyRoot, file: VFile): PolicyDocumentType {
  const { data } = tree;
  const locate = data.locate;
  const info = (file.data as { source?: SourceInfo }).source;

  // Attachments (附件1 …) are kept apart from the body, as Akoma Ntoso keeps <attachments>.
  const body = data.sections.filter((s) => s.kind !== 'attachment');
  const sections = body.map((s, i) => toSection(s, String(i + 1), locate));
  const attachments = data.sections.filter((s) => s.kind === 'attachment').map((s, i) => toSection(s, `a${i + 1}`, locate));

  const doc: PolicyDocumentType = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: info?.path ?? (file.path ? file.path.replaceAll('\\', '/') : '-'),
      sha256: info?.sha256 ?? '0'.repeat(64),
      encoding: info?.encoding ?? 'utf-8',
      format: info?.format ?? 'text',
      script: data.normalised.script,
      ...(info?.pages ? { pages: info.pages } : {}),
    },
    meta: {
      ...data.meta,
      // Every draft has these keys in this order (history.ts, meta.ts): built whole, not by rest and spread.
      history: data.meta.history.map((h) => ({ date: h.date, event: h.event, by: h.by, text: h.text, position: locate(h.start, h.end) })),
    },
    preamble: joinValues(data.preamble),
    sections,
    attachments,
    tasks: data.tasks.map((t, i) => ({
      id: `t${i + 1}`,
      sectionId: t.section.id ?? '',
      title: t.title,
      lead: t.lead,
      support: t.support,
      responsible: t.responsible,
      position: locate(t.section.start, t.section.end),
    })),
    departments: departmentsOf(data.tasks, data.meta, data.normalised.text, (file.data as { aliases?: DepartmentAliases }).aliases),
    targets: targetsOf(data.targets, locate),
    references: data.references.map((r) => ({ title: r.title, docNumber: r.docNumber, position: locate(r.start, r.end) })),
    messages: file.messages.map(toMessage),
  };
  if ((file.data as { explain?: boolean }).explain) {
    doc.explain = data.decisions.map((d) => ({
      sectionId: d.section?.id ?? null,
      text: d.raw,
      value: d.value,
      unit: d.unit,
      accepted: d.accepted,
      rule: d.rule,
      position: locate(d.start, d.end),
    }));
  }
  return doc;
}

// The document's parts that hold many entries are built by functions of their own: a kind of
// entry first met late in a run deoptimises only the step that builds it.

/** A section and its children as the output prints them, with ids in document order (2.1.3); sets each node's id. */
function toSection(s: SectionNode, id: string, locate: Positioner): Section {
  s.id = id;
  return {
    id,
    kind: s.kind,
    marker: s.marker,
    number: s.number,
    title: s.title,
    text: sectionText(s),
    implicit: s.implicit,
    position: locate(s.start, s.end),
    children: s.children.map((c, i) => toSection(c, `${id}.${i + 1}`, locate)),
  };
}

/** The targets as the output prints them, with ids g1, g2 …. */
function targetsOf(targets: PolicyRoot['data']['targets'], locate: Positioner): PolicyDocumentType['targets'] {
  return targets.map((t, i) => ({
    id: `g${i + 1}`,
    sectionId: t.section?.id ?? null,
    text: t.text,
    indicator: t.indicator,
    comparator: t.comparator,
    value: t.value,
    valueHigh: t.valueHigh,
    unit: t.unit,
    year: t.year,
    aspirational: t.aspirational,
    kind: t.kind,
    rule: t.rule,
    position: locate(t.start, t.end),
  }));
}

/** Lines' values, one a line (a function of its own: an empty preamble's array has another map). */
function joinValues(lines: readonly LineNode[]): string {
  return lines.map((l) => l.value).join('\n');
}

function toMessage(m: VFile['messages'][number]): Message {
  const place = m.place;
  const position =
    place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined
      ? {
          start: { line: place.start.line, column: place.start.column, offset: place.start.offset },
          end: { line: place.end.line, column: place.end.column, offset: place.end.offset },
        }
      : null;
  return { code: m.ruleId ?? 'unknown', severity: m.fatal ? 'error' : 'warning', message: m.reason, position };
}

export function policyCompile(this: import('unified').Processor) {
  this.compiler = (tree, file) => toPolicyDocument(tree as PolicyRoot, file);
}

declare module 'unified' {
  interface CompileResultMap {
    PolicyDocument: PolicyDocumentType;
  }
}

/** Every unit the tasks name, once, in order of first appearance, with its canonical name. */
function departmentsOf(tasks: ReadonlyArray<{ lead: string[]; support: string[]; responsible: string[] }>, meta: { issuer: string | null; title: string | null; docNumber: string | null; issuedDate: string | null }, text: string, aliases: DepartmentAliases = {}): Department[] {
  // The text is read for a place only when the tasks name a unit at all.
  if (!tasks.some((t) => t.lead.length + t.support.length + t.responsible.length > 0)) return [];
  const context = { place: documentPlace(meta, text), date: meta.issuedDate, issuer: meta.issuer };
  const seen = new Set<string>();
  const out: Department[] = [];
  for (const t of tasks) {
    for (const name of [...t.lead, ...t.support, ...t.responsible]) {
      if (seen.has(name)) continue;
      seen.add(name);
      // The user's alias (a config file's departmentAliases) is the canonical name.
      const alias = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
      const c = alias === undefined ? canonicalUnit(name, context) : { ...canonicalUnit(alias, context), name: alias };
      out.push({ name, canonical: c.name, successor: c.successor ?? null, since: c.since ?? null });
    }
  }
  return out;
}
