// The output contract (../shared/spec/output-contract.md) as zod schemas.
// These are the ONLY source of the TypeScript types and of schemas/*.schema.json;
// `npm run schema` regenerates the JSON Schema and a test fails when it drifts.
import { z } from 'zod';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const Point = z.object({
  line: z.number().int().min(1).meta({ description: 'Line in the original input, from 1.' }),
  column: z.number().int().min(1).meta({ description: 'Column in that line, from 1 (UTF-16 code units of the decoded text).' }),
  offset: z.number().int().min(0).meta({ description: 'Offset from the start of the decoded text, from 0 (UTF-16 code units).' }),
});

/** A unist position into the ORIGINAL input (line/column from 1, offset from 0). */
export const Position = z.object({ start: Point.meta({ description: 'Its first character.' }), end: Point.meta({ description: 'Just after its last character (exclusive).' }) }).meta({ description: 'Where it is in the ORIGINAL input file: a unist position (line and column from 1, offset from 0; end exclusive).' });

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
]).meta({ description: 'What a numbered heading is: part (一、, 第一部分, 第一编), chapter (第一章), section (（一）, 第一节), article (第一条), item (1.), subitem (（1）, ①), box (专栏), attachment (附件1, only in attachments), bullet (——), enumeration (一是).' });

export const Section = z.object({
  id: z.string().min(1).meta({ description: 'Stable path in document order (2.1.3; a1, a1.2 in an attachment), unique in the document.' }),
  kind: SectionKind,
  marker: z.string().nullable().meta({ description: 'The marker as printed (一、 （一） 1. （1） ① 第三条 专栏2 —— 一是); null for an implicit section.' }),
  number: z.number().int().nullable().meta({ description: "The marker's value (十二 → 12); null where the marker has none (——, 专栏 without a number)." }),
  title: z.string().nullable().meta({ description: 'The heading without its marker and closing 。：？; null when the section is implicit or its heading has no title.' }),
  text: z.string().meta({ description: "The section's own body text, normalised; its children's text is not included." }),
  implicit: z.boolean().meta({ description: 'True when the heading line is missing and the section is implied (numbering restarts at （一） with no 二、 line).' }),
  position: Position,
  get children(): z.ZodArray<typeof Section> {
    return z.array(Section).meta({ description: 'The sections numbered under this one, in document order.' });
  },
});

export const Task = z.object({
  id: z.string().meta({ description: 'Task id in document order: t1, t2, …' }),
  sectionId: z.string().meta({ description: 'The id of the section (the numbered item, article or table row) the task is.' }),
  title: z.string().meta({ description: "The task's title: the item's heading (a regulation's article: its first clause)." }),
  lead: z.array(z.string()).meta({ description: 'Lead units (牵头部门 / 牵头单位, units marked （牵头）), each named as printed.' }),
  support: z.array(z.string()).meta({ description: 'Supporting units (配合部门 / 配合单位 / 参与单位).' }),
  responsible: z.array(z.string()).meta({ description: 'Responsible units (责任单位 / 责任部门) listed with no lead/support split.' }),
  position: Position,
});

/** A unit named in the document's tasks, as printed, with its canonical name (`canonicalUnit`). */
export const Department = z.object({
  name: z.string().meta({ description: 'As printed: 市发改委.' }),
  canonical: z.string().meta({ description: "The canonical full name, resolved in the document's place: 上海市发展和改革委员会." }),
  successor: z.string().nullable().meta({ description: 'For an organ merged or renamed since: the organ that took over, else null.' }),
  since: z.string().nullable().meta({ description: 'When the successor took over (YYYY-MM, or YYYY where the month differs from place to place), else null.' }),
});

export const Comparator = z.enum(['eq', 'gt', 'gte', 'lt', 'lte', 'approx', 'increase', 'decrease', 'range']).meta({ description: 'How the value is meant: eq (plain counts), gt (超过), gte (以上, 达到), lt (低于), lte (以下, 控制在), approx (左右), increase (提高, 增长), decrease (下降, 减少), range (value to valueHigh: 3—5个).' });

export const Target = z.object({
  id: z.string().meta({ description: 'Target id in document order: g1, g2, …' }),
  sectionId: z.string().nullable().meta({ description: 'The id of the section it was read from; null in the preamble.' }),
  text: z.string().meta({ description: 'The clause it came from.' }),
  indicator: z.string().meta({ description: 'What is measured (消费品质量监督抽查合格率).' }),
  comparator: Comparator,
  value: z.number().meta({ description: 'The number, Chinese numerals converted (一千 → 1000, 三分之一 → 33.33); the low end of a range.' }),
  /** The high end of a range (3—5个: value 3, valueHigh 5), else null. */
  valueHigh: z.number().nullable().meta({ description: 'The high end of a range (3—5个: value 3, valueHigh 5), else null.' }),
  unit: z.string().nullable().meta({ description: 'The unit with any multiplier (% 个 件 万元 亿元 万平方米 …); null for a bare index value.' }),
  year: z.number().int().nullable().meta({ description: 'Deadline year: 到2020年 in the clause or governing its paragraph; null if none.' }),
  aspirational: z.boolean().meta({ description: 'True for 力争 / 争取 / 努力.' }),
  /** goal: what a plan commits to; requirement: a norm every case must meet (a regulation's limit). */
  kind: z.enum(['goal', 'requirement']).meta({ description: "goal: what a plan commits to; requirement: a norm every case must meet (a regulation's limit)." }),
  /** The rule that made it a target (see `policy-parse show --explain`). */
  rule: z.string().meta({ description: 'The rule that made the quantity a target (comparator, symbol, change, bound …; see `policy-parse show --explain`).' }),
  position: Position,
});

/** Why one quantity was or was not taken as a target; written only when asked for (`explain`). */
export const Explanation = z.object({
  sectionId: z.string().nullable().meta({ description: 'The id of the section the quantity is in; null in the preamble.' }),
  text: z.string().meta({ description: 'The clause the quantity is in.' }),
  value: z.number().meta({ description: 'The number read.' }),
  unit: z.string().nullable().meta({ description: 'Its unit, or null.' }),
  accepted: z.boolean().meta({ description: 'True when the quantity became a target.' }),
  rule: z.string().meta({ description: 'The rule that accepted (comparator, bound …) or rejected it (date, code, past-result …).' }),
  position: Position,
}).meta({ description: 'Why one quantity was or was not taken as a target.' });

export const Reference = z.object({
  title: z.string().nullable().meta({ description: "The cited document's title (国务院办公厅关于印发…的通知), or null." }),
  docNumber: z.string().nullable().meta({ description: 'Its document number (国办发〔2016〕68号), or null.' }),
  position: Position,
});

export const Message = z.object({
  code: z.string().meta({ description: 'What kind of message (numbering-gap …).' }),
  severity: z.enum(['warning', 'error']).meta({ description: 'How serious: warning or error.' }),
  message: z.string().meta({ description: 'The message in words.' }),
  position: Position.nullable().meta({ description: 'Where in the original input it applies; null for the whole document.' }),
});

/** Where a page of a PDF starts in the text read from it. */
export const PageStart = z.object({
  page: z.number().int().min(1).meta({ description: 'The page number, from 1.' }),
  offset: z.number().int().min(0).meta({ description: 'Where the page starts in the text read from the file.' }),
});

export const Source = z.object({
  path: z.string().meta({ description: 'The input path as given (forward slashes); - when read from stdin.' }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the input's raw bytes, in hex." }),
  encoding: z.string().meta({ description: 'The encoding the input was read in (utf-8, gb18030, big5, utf-16le …; utf-8 for DOCX and PDF).' }),
  format: z.enum(['text', 'html', 'markdown', 'docx', 'pdf']).meta({ description: 'How the input was read: text, html, markdown, docx or pdf (for docx and pdf, positions count characters of the text read from the file).' }),
  script: z.enum(['simplified', 'traditional', 'mixed']).meta({ description: "The input's script before normalisation: simplified, traditional or mixed." }),
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
  date: isoDate.meta({ description: 'When, YYYY-MM-DD.' }),
  event: z.enum(['adopted', 'approved', 'promulgated', 'amended', 'revised', 'effective', 'repealed']).meta({ description: 'adopted (通过), approved (批准), promulgated (公布 发布 颁布), amended (修正 修改), revised (修订), effective (施行 实施 生效), repealed (废止).' }),
  /** The body that acted: 北京市第十二届人民代表大会常务委员会第二十一次会议, 国务院; or null. */
  by: z.string().nullable().meta({ description: 'The body that acted (北京市第十二届人民代表大会常务委员会第二十一次会议, 国务院), or null.' }),
  /** The clause as printed (normalised). */
  text: z.string().meta({ description: 'The clause as printed (normalised).' }),
  position: Position,
});

export const Meta = z.object({
  title: z.string().nullable().meta({ description: "The document's title, in Simplified characters, or null." }),
  /** The title of the document a notice issues (关于印发《X》的通知 → the plan's own title line), or null. */
  attachedTitle: z.string().nullable().meta({ description: "The title of the document a notice issues (关于印发《X》的通知 → the plan's own title line), or null." }),
  docNumber: z.string().nullable().meta({ description: 'The document number (文号) with canonical 〔YYYY〕 brackets (京政办发〔2016〕60号), or null.' }),
  issuer: z.string().nullable().meta({ description: 'The issuing body (北京市人民政府办公厅), or null.' }),
  issuedDate: isoDate.nullable().meta({ description: 'The date of the version in hand, YYYY-MM-DD: the latest non-effective history event, else the signature date (成文日期); or null.' }),
  publishedDate: isoDate.nullable().meta({ description: 'The publication date (发布日期) from page metadata, YYYY-MM-DD, or null.' }),
  docType: z.string().nullable().meta({ description: 'The document type: 规划 意见 实施意见 行动计划 方案 通知 办法 条例 规定 解读 …, or null.' }),
  period: z.object({ from: z.number().int().meta({ description: 'First year.' }), to: z.number().int().meta({ description: 'Last year.' }) }).nullable().meta({ description: 'The years the document covers (2016—2020年: from 2016, to 2020), or null.' }),
  addressees: z.array(z.string()).meta({ description: 'The addressees (主送机关), in order as printed.' }),
  /** Lifecycle events in document order: adopted, approved, promulgated, amended, revised, effective, repealed. */
  history: z.array(HistoryEvent).meta({ description: "Lifecycle events in document order (after Akoma Ntoso's lifecycle): adopted, approved, promulgated, amended, revised, effective, repealed." }),
  /** When a 规范性文件 is in force: 自…起施行 (from), 有效期至… / 有效期N年 (until); null if it says neither. */
  validity: z.object({ from: isoDate.nullable().meta({ description: 'In force from (自…起施行), YYYY-MM-DD, or null.' }), until: isoDate.nullable().meta({ description: 'In force until (有效期至…, 有效期N年), YYYY-MM-DD, or null.' }) }).nullable().meta({ description: 'When a 规范性文件 is in force; null if it says neither.' }),
});

export const PolicyDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'The version of this contract: 1.' }),
  source: Source.meta({ description: 'The input: path, bytes, encoding, format and script.' }),
  meta: Meta.meta({ description: 'Metadata read from the document.' }),
  preamble: z.string().meta({ description: 'Body text before the first section, page furniture removed.' }),
  sections: z.array(Section).meta({ description: 'The body as a tree of numbered sections (children nested), in document order.' }),
  /** Attachments after the body (附件1, 附表2): sections of kind `attachment`, ids a1, a2 … */
  attachments: z.array(Section).default([]).meta({ description: 'Attachments after the body (附件1, 附表2): sections of kind attachment, ids a1, a2 …' }),
  tasks: z.array(Task).meta({ description: 'Actionable items with their responsible units, in document order.' }),
  departments: z.array(Department).default([]).meta({ description: 'Every unit the tasks name, once, in order of first appearance, with its canonical name.' }),
  targets: z.array(Target).meta({ description: 'Quantitative commitments: indicator, comparison, value, unit and deadline, in document order.' }),
  references: z.array(Reference).meta({ description: 'Documents the text cites.' }),
  messages: z.array(Message).meta({ description: 'Located warnings about what the parser was unsure of or skipped.' }),
  /** Present only with the `explain` option: every quantity and the rule that decided it. */
  explain: z.array(Explanation).optional().meta({ description: 'Present only with the explain option: every quantity found and the rule that decided it.' }),
});

export type Point = z.infer<typeof Point>;
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export type Position = z.infer<typeof Position>;
export type SectionKind = z.infer<typeof SectionKind>;
export type Section = z.infer<typeof Section>;
export type Task = z.infer<typeof Task>;
export type Comparator = z.infer<typeof Comparator>;
export type Department = z.infer<typeof Department>;
export type Target = z.infer<typeof Target>;
export type Explanation = z.infer<typeof Explanation>;
export type Reference = z.infer<typeof Reference>;
export type Message = z.infer<typeof Message>;
export type Source = z.infer<typeof Source>;
export type PageStart = z.infer<typeof PageStart>;
export type Meta = z.infer<typeof Meta>;
export type PolicyDocument = z.infer<typeof PolicyDocument>;
