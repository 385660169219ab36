// The Diff section of the output contract as zod schemas: what `policy-parse diff` and
// `diff()` return. Like policy-document.ts, this is the only source of the types and of
// schemas/plan-diff.schema.json.
import { z } from 'zod';
import { Comparator, SectionKind } from './policy-document.js';

export const SCHEMA_VERSION_DIFF = 1 as const;

export const Change = z.enum(['added', 'removed', 'changed', 'moved', 'unchanged']);

/** One run of a character diff; long `equal` runs are shortened to their ends around "…". */
export const TextEdit = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});

export const DiffSide = z.object({
  path: z.string(),
  sha256: z.string(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  /** The date of the version in hand (meta.issuedDate). */
  issuedDate: z.string().nullable(),
});

export const SectionRef = z.object({
  id: z.string(),
  kind: SectionKind,
  marker: z.string().nullable(),
  title: z.string().nullable(),
});

export const SectionChange = z.object({
  change: Change,
  old: SectionRef.nullable(),
  new: SectionRef.nullable(),
  /** Similarity of the pair's own title and text, 0–1 (1 = identical); null when unpaired. */
  similarity: z.number().min(0).max(1).nullable(),
  /** True when the pair's parent or its order among siblings changed (also for `changed`). */
  moved: z.boolean(),
  /** What changed in the section's own title and text; empty unless `changed`. */
  textDiff: z.array(TextEdit),
});

export const TaskRef = z.object({
  id: z.string(),
  sectionId: z.string(),
  title: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  responsible: z.array(z.string()),
});

export const UnitChange = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

export const TaskChange = z.object({
  change: Change,
  old: TaskRef.nullable(),
  new: TaskRef.nullable(),
  /** Units that joined or left each role; every list is empty unless the units changed. */
  units: z.object({ lead: UnitChange, support: UnitChange, responsible: UnitChange }),
});

export const TargetRef = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  indicator: z.string(),
  comparator: Comparator,
  value: z.number(),
  valueHigh: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  text: z.string(),
});

export const TargetChange = z.object({
  change: Change,
  old: TargetRef.nullable(),
  new: TargetRef.nullable(),
  /** Names of the fields whose values differ: value, unit, comparator, year, indicator. */
  fields: z.array(z.enum(['indicator', 'comparator', 'value', 'unit', 'year'])),
});

export const HistoryRef = z.object({
  date: z.string(),
  event: z.string(),
  by: z.string().nullable(),
});

/**
 * Two versions of one law told apart by their lifecycle events (present when both sides
 * have a history): the events they share, those only the new or only the old one has,
 * and how the new side stands to the old — `later` (it adds amendments), `earlier`
 * (the sides look swapped), `same`, or `unrelated` (no event in common: two different texts).
 */
export const HistoryChange = z.object({
  relation: z.enum(['later', 'earlier', 'same', 'unrelated']),
  shared: z.array(HistoryRef),
  added: z.array(HistoryRef),
  removed: z.array(HistoryRef),
});

const Counts = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  moved: z.number().int(),
  unchanged: z.number().int(),
});

export const PlanDiff = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION_DIFF),
  old: DiffSide,
  new: DiffSide,
  summary: z.object({ sections: Counts, tasks: Counts, targets: Counts }),
  history: HistoryChange.nullable(),
  sections: z.array(SectionChange),
  tasks: z.array(TaskChange),
  targets: z.array(TargetChange),
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
