// The output contract (../shared/spec/output-contract.md) as zod schemas.
// These are the ONLY source of the TypeScript types and of schemas/*.schema.json;
// `npm run schema` regenerates the JSON Schema and a test fails when it drifts.
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const Point = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
});

/** A unist position into the ORIGINAL input (line/column from 1, offset from 0). */
export const Position = z.object({ start: Point, end: Point });

export const SectionKind = z.enum([
  'part',
  'chapter',
  'section',
  'article',
  'item',
  'subitem',
  'box',
  /** An attachment after the body (附件1, 附表2); only in `attachments`. */
  'attachment',
  'bullet',
  'enumeration',
]);

export const Section = z.object({
  id: z.string().min(1),
  kind: SectionKind,
  marker: z.string().nullable(),
  number: z.number().int().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  implicit: z.boolean(),
  position: Position,
  get children(): z.ZodArray<typeof Section> {
    return z.array(Section);
  },
});

export const Task = z.object({
  id: z.string(),
  sectionId: z.string(),
  title: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  responsible: z.array(z.string()),
  position: Position,
});

export const Comparator = z.enum(['eq', 'gt', 'gte', 'lt', 'lte', 'approx', 'increase', 'decrease', 'range']);

export const Target = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  text: z.string(),
  indicator: z.string(),
  comparator: Comparator,
  value: z.number(),
  /** The high end of a range (3—5个: value 3, valueHigh 5), else null. */
  valueHigh: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  aspirational: z.boolean(),
  /** goal: what a plan commits to; requirement: a norm every case must meet (a regulation's limit). */
  kind: z.enum(['goal', 'requirement']),
  /** The rule that made it a target (see `policy-parse show --explain`). */
  rule: z.string(),
  position: Position,
});

/** Why one quantity was or was not taken as a target; written only when asked for (`explain`). */
export const Explanation = z.object({
  sectionId: z.string().nullable(),
  text: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  accepted: z.boolean(),
  rule: z.string(),
  position: Position,
});

export const Reference = z.object({
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  position: Position,
});

export const Message = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'error']),
  message: z.string(),
  position: Position.nullable(),
});

/** Where a page of a PDF starts in the text read from it. */
export const PageStart = z.object({
  page: z.number().int().min(1),
  offset: z.number().int().min(0),
});

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
  /** docx and pdf: positions count characters of the text read from the file. */
  format: z.enum(['text', 'html', 'markdown', 'docx', 'pdf']),
  script: z.enum(['simplified', 'traditional', 'mixed']),
  pages: z
    .array(PageStart)
    .optional()
    .describe(
      'PDF only: where each page starts in the text read from the file (the text every position counts in), in page order. ' +
        'A position at offset o is on the last page whose offset is at most o, at o minus that offset into it.',
    ),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One lifecycle event (Akoma Ntoso's lifecycle): a dated header line or clause of the document. */
export const HistoryEvent = z.object({
  date: isoDate,
  event: z.enum(['adopted', 'approved', 'promulgated', 'amended', 'revised', 'effective', 'repealed']),
  /** The body that acted: 北京市第十二届人民代表大会常务委员会第二十一次会议, 国务院; or null. */
  by: z.string().nullable(),
  /** The clause as printed (normalised). */
  text: z.string(),
  position: Position,
});

export const Meta = z.object({
  title: z.string().nullable(),
  /** The title of the document a notice issues (关于印发《X》的通知 → the plan's own title line), or null. */
  attachedTitle: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: isoDate.nullable(),
  publishedDate: isoDate.nullable(),
  docType: z.string().nullable(),
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  addressees: z.array(z.string()),
  /** Lifecycle events in document order: adopted, approved, promulgated, amended, revised, effective, repealed. */
  history: z.array(HistoryEvent),
  /** When a 规范性文件 is in force: 自…起施行 (from), 有效期至… / 有效期N年 (until); null if it says neither. */
  validity: z.object({ from: isoDate.nullable(), until: isoDate.nullable() }).nullable(),
});

export const PolicyDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  meta: Meta,
  preamble: z.string(),
  sections: z.array(Section),
  /** Attachments after the body (附件1, 附表2): sections of kind `attachment`, ids a1, a2 … */
  attachments: z.array(Section).default([]),
  tasks: z.array(Task),
  targets: z.array(Target),
  references: z.array(Reference),
  messages: z.array(Message),
  /** Present only with the `explain` option: every quantity and the rule that decided it. */
  explain: z.array(Explanation).optional(),
});

export type Point = z.infer<typeof Point>;
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export type Position = z.infer<typeof Position>;
export type SectionKind = z.infer<typeof SectionKind>;
export type Section = z.infer<typeof Section>;
export type Task = z.infer<typeof Task>;
export type Comparator = z.infer<typeof Comparator>;
export type Target = z.infer<typeof Target>;
export type Explanation = z.infer<typeof Explanation>;
export type Reference = z.infer<typeof Reference>;
export type Message = z.infer<typeof Message>;
export type Source = z.infer<typeof Source>;
export type PageStart = z.infer<typeof PageStart>;
export type Meta = z.infer<typeof Meta>;
export type PolicyDocument = z.infer<typeof PolicyDocument>;
