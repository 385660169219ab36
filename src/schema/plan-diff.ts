// The Diff section of the output contract as zod schemas: what `policy-parse diff` and
// `diff()` return. Like policy-document.ts, this is the only source of the types and of
// schemas/plan-diff.schema.json.
import { z } from 'zod';
import { Comparator, SectionKind } from './policy-document.js';

export const SCHEMA_VERSION_DIFF = 1 as const;

export const Change = z.enum(['added', 'removed', 'changed', 'moved', 'unchanged']).meta({ description: 'added (only in new), removed (only in old), changed (its own title, text or values differ), moved (another parent or out of its siblings\' order), unchanged.' });

/** One run of a character diff; long `equal` runs are shortened to their ends around "…". */
export const TextEdit = z.object({
  op: z.enum(['equal', 'insert', 'delete']).meta({ description: 'equal (in both), insert (only in new) or delete (only in old).' }),
  text: z.string().meta({ description: 'The run of text; a long equal run is shortened to its ends around …' }),
});

export const DiffSide = z.object({
  path: z.string().meta({ description: "The document's source.path." }),
  sha256: z.string().meta({ description: "The document's source.sha256." }),
  title: z.string().nullable().meta({ description: "The document's meta.title, or null." }),
  docNumber: z.string().nullable().meta({ description: "The document's meta.docNumber, or null." }),
  /** The date of the version in hand (meta.issuedDate). */
  issuedDate: z.string().nullable().meta({ description: 'The date of the version in hand (meta.issuedDate), or null.' }),
});

export const SectionRef = z.object({
  id: z.string().meta({ description: "The section's id in its document." }),
  kind: SectionKind,
  marker: z.string().nullable().meta({ description: 'Its marker as printed, or null.' }),
  title: z.string().nullable().meta({ description: 'Its title, or null.' }),
});

export const SectionChange = z.object({
  change: Change,
  old: SectionRef.nullable().meta({ description: 'The section in the old version; null when added.' }),
  new: SectionRef.nullable().meta({ description: 'The section in the new version; null when removed.' }),
  /** Similarity of the pair's own title and text, 0–1 (1 = identical); null when unpaired. */
  similarity: z.number().min(0).max(1).nullable().meta({ description: "Similarity of the pair's own title and text, 0–1 (1 = identical); null when unpaired." }),
  /** True when the pair's parent or its order among siblings changed (also for `changed`). */
  moved: z.boolean().meta({ description: "True when the pair's parent or its order among siblings changed (also for changed)." }),
  /** What changed in the section's own title and text; empty unless `changed`. */
  textDiff: z.array(TextEdit).meta({ description: "What changed in the section's own title and text, as runs of a word diff; empty unless changed." }),
});

export const TaskRef = z.object({
  id: z.string().meta({ description: "The task's id in its document." }),
  sectionId: z.string().meta({ description: 'The id of its section.' }),
  title: z.string().meta({ description: 'Its title.' }),
  lead: z.array(z.string()).meta({ description: 'Its lead units.' }),
  support: z.array(z.string()).meta({ description: 'Its supporting units.' }),
  responsible: z.array(z.string()).meta({ description: 'Its responsible units (no lead/support split).' }),
});

export const UnitChange = z.object({
  added: z.array(z.string()).meta({ description: 'Units only the new version names in this role.' }),
  removed: z.array(z.string()).meta({ description: 'Units only the old version names in this role.' }),
});

export const TaskChange = z.object({
  change: Change,
  old: TaskRef.nullable().meta({ description: 'The task in the old version; null when added.' }),
  new: TaskRef.nullable().meta({ description: 'The task in the new version; null when removed.' }),
  /** Units that joined or left each role; every list is empty unless the units changed. */
  units: z
    .object({ lead: UnitChange.meta({ description: 'Lead units that joined or left.' }), support: UnitChange.meta({ description: 'Supporting units that joined or left.' }), responsible: UnitChange.meta({ description: 'Responsible units that joined or left.' }) })
    .meta({ description: 'Units that joined or left each role; every list is empty unless the units changed.' }),
});

export const TargetRef = z.object({
  id: z.string().meta({ description: "The target's id in its document." }),
  sectionId: z.string().nullable().meta({ description: 'The id of its section; null in the preamble.' }),
  indicator: z.string().meta({ description: 'What is measured.' }),
  comparator: Comparator,
  value: z.number().meta({ description: 'The number (the low end of a range).' }),
  valueHigh: z.number().nullable().meta({ description: 'The high end of a range, else null.' }),
  unit: z.string().nullable().meta({ description: 'The unit, or null.' }),
  year: z.number().int().nullable().meta({ description: 'The deadline year, or null.' }),
  text: z.string().meta({ description: 'The clause it came from.' }),
});

export const TargetChange = z.object({
  change: Change,
  old: TargetRef.nullable().meta({ description: 'The target in the old version; null when added.' }),
  new: TargetRef.nullable().meta({ description: 'The target in the new version; null when removed.' }),
  /** Names of the fields whose values differ: value, unit, comparator, year, indicator. */
  fields: z.array(z.enum(['indicator', 'comparator', 'value', 'unit', 'year'])).meta({ description: 'Names of the fields whose values differ: indicator, comparator, value, unit, year.' }),
});

export const HistoryRef = z.object({
  date: z.string().meta({ description: 'When, YYYY-MM-DD.' }),
  event: z.string().meta({ description: 'The lifecycle event (adopted, amended, revised …; see meta.history).' }),
  by: z.string().nullable().meta({ description: 'The body that acted, or null.' }),
});

/**
 * Two versions of one law told apart by their lifecycle events (present when both sides
 * have a history): the events they share, those only the new or only the old one has,
 * and how the new side stands to the old — `later` (it adds amendments), `earlier`
 * (the sides look swapped), `same`, or `unrelated` (no event in common: two different texts).
 */
export const HistoryChange = z.object({
  relation: z.enum(['later', 'earlier', 'same', 'unrelated']).meta({ description: 'How the new side stands to the old: later (it adds events), earlier (the sides look swapped), same, or unrelated (no event in common).' }),
  shared: z.array(HistoryRef).meta({ description: 'Events both versions print.' }),
  added: z.array(HistoryRef).meta({ description: 'Events only the new version prints.' }),
  removed: z.array(HistoryRef).meta({ description: 'Events only the old version prints.' }),
});

const Counts = z.object({
  added: z.number().int().meta({ description: 'How many were added.' }),
  removed: z.number().int().meta({ description: 'How many were removed.' }),
  changed: z.number().int().meta({ description: 'How many changed.' }),
  moved: z.number().int().meta({ description: 'How many moved.' }),
  unchanged: z.number().int().meta({ description: 'How many are unchanged.' }),
});

export const PlanDiff = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION_DIFF).meta({ description: 'The version of the diff contract: 1.' }),
  old: DiffSide.meta({ description: 'The old version.' }),
  new: DiffSide.meta({ description: 'The new version.' }),
  summary: z
    .object({ sections: Counts.meta({ description: 'Sections by change.' }), tasks: Counts.meta({ description: 'Tasks by change.' }), targets: Counts.meta({ description: 'Targets by change.' }) })
    .meta({ description: 'How many sections, tasks and targets were added, removed, changed, moved or unchanged.' }),
  history: HistoryChange.nullable().meta({ description: 'The two versions told apart by their lifecycle events; null unless both print a history.' }),
  sections: z.array(SectionChange).meta({ description: 'Every section of either version, paired by meaning, with its change.' }),
  tasks: z.array(TaskChange).meta({ description: 'Every task of either version, paired, with its change and units.' }),
  targets: z.array(TargetChange).meta({ description: 'Every target of either version, paired by indicator, with its change and the fields that differ.' }),
});

export type Change = z.infer<typeof Change>;
export type TextEdit = z.infer<typeof TextEdit>;
export type SectionRef = z.infer<typeof SectionRef>;
export type SectionChange = z.infer<typeof SectionChange>;
export type TaskRef = z.infer<typeof TaskRef>;
export type UnitChange = z.infer<typeof UnitChange>;
export type TaskChange = z.infer<typeof TaskChange>;
export type TargetRef = z.infer<typeof TargetRef>;
export type TargetChange = z.infer<typeof TargetChange>;
export type HistoryChange = z.infer<typeof HistoryChange>;
export type PlanDiff = z.infer<typeof PlanDiff>;
