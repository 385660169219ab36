// Document metadata: title, attachedTitle, docNumber, issuer, dates, docType, period,
// addressees, history, validity.
// Input: classified lines with furniture marked (and the normalised text, for front matter).
// Output: `tree.data.meta`; lines consumed as metadata (front matter, infobox rows, the
// title lines, the doc-number line, addressees, signature and date, dated history lines)
// get role `meta` so they stay out of the preamble and section text.
// Sources, most specific first: front matter, labelled rows (中文名: / 发文字号: / 发布日期:),
// the header lines before the body, the signature block (issuer line + 2017年7月7日), the
// history lines under a law's title, the title itself (X关于…).
import { parse as parseYaml } from 'yaml';
import type { LineNode, MetaDraft, PolicyRoot } from '../tree.js';
import type { Normalised } from '../normalise/index.js';
import { docTypeOf } from '../lexicon/doc-types.js';
import { findPlanPeriods } from '../lexicon/deadlines.js';
import { isDateLine, readDate } from '../lexicon/dates.js';
import { DOC_NUMBER, ORDER_NUMBER, ORDER_NUMBER_LINE, canonicalDocNumber, issuerOfDocNumber, orderCode } from '../lexicon/doc-numbers.js';
import { ISSUING_ORGAN_SUFFIX as ORG_SUFFIX } from '../lexicon/organs.js';
import { CN_SMALL_NUMERAL_CHARS } from '../lexicon/numerals.js';
import { startsBody } from './furniture.js';
import { type PreCheck, holdsOneOf } from '../util/regex-start.js';
import { type HistoryDraft, bodyDates, headerHistory, validityOf } from './history.js';

export { DOC_TYPES, docTypeOf } from '../lexicon/doc-types.js';
export { DOC_NUMBER, canonicalDocNumber } from '../lexicon/doc-numbers.js';

type Key = 'title' | 'issuer' | 'docNumber' | 'issuedDate' | 'publishedDate';

const LABEL_WORDS: ReadonlyArray<readonly [Key, readonly string[]]> = [
  ['title', ['中文名', '标题', '名称', '文件名称', '文件标题', '文章标题', '法规名称', '法律名称', '法规标题']],
  ['issuer', ['发文机构', '发文机关', '发文单位', '发布机构', '发布单位', '制发机关', '发布机关', '颁布机关', '颁布单位']],
  ['docNumber', ['发文字号', '文号', '发文号', '文件编号']],
  ['issuedDate', ['成文日期', '签发日期', '成文时间']],
  ['publishedDate', ['发布日期', '发布时间', '公布日期', '发文日期', '印发日期', '公开日期']],
];
/** A labelled row, by the field it fills: the label, a colon, the value (发文字号：国发〔2016〕1号). */
const LABELS: ReadonlyArray<readonly [Key, RegExp]> = LABEL_WORDS.map(([key, words]) => [key, new RegExp(`^(?:${words.join('|')})\\s*[：:]\\s*(.+)$`)]);
/**
 * Every label. A row matches a label's pattern only if the text before its first colon is the
 * label and white space (no label holds a colon), so the patterns run only on such a row.
 */
const ANY_LABEL = new Set(LABEL_WORDS.flatMap(([, words]) => words));
// A date label inside a longer line (发布日期:2017-07-13浏览量:1463次); the date read by readDate.
const INLINE_DATE_LABEL = /(发布日期|发布时间|公布日期|成文日期)\s*[：:]\s*(.{6,24})/;
/** Every label INLINE_DATE_LABEL finds holds one of these (日期, 时间): a line without either is not searched. */
const INLINE_DATE_MARKS = '期间';

// Front-matter keys (a YAML block at the top of a scraped file), by the field they fill.
const FRONT_MATTER_KEYS: ReadonlyArray<readonly [Key, RegExp]> = [
  ['title', /^(?:title|name|标题|名称|文件名称)$/i],
  ['docNumber', /^(?:doc_?number|document_?number|文号|发文字号)$/i],
  ['issuer', /^(?:issuer|agency|organ|发文机关|发文机构|发文单位|发布机构|发布机关|发布单位)$/i],
  ['issuedDate', /^(?:issued_?date|issued|date|成文日期|签发日期)$/i],
  ['publishedDate', /^(?:published_?date|published|publish_?date|pubdate|发布日期|发布时间)$/i],
];

function stripBullet(value: string): string {
  return value.replace(/^[-•·*]\s*/, '');
}

/** A title as a reader sees it: letter-spaced characters (国 家 粮 食) closed up. */
export function closeUpTitle(title: string): string {
  return title.replace(/(?<=[\u4e00-\u9fff“”《》（）、])[\s\u3000]+(?=[\u4e00-\u9fff“”《》（）、])/g, '');
}

function emptyMeta(): MetaDraft {
  return {
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
  };
}

/** The normalised text, and names in it converted by script only (Normalised.asName). */
export type MetaText = Pick<Normalised, 'text' | 'asName'>;

export function extractMeta(lines: readonly LineNode[], normalised: MetaText): MetaDraft {
  const { text } = normalised;
  // A title as printed on a line (or part of one), its wording never rephrased.
  const nameOf = (line: LineNode, part = line.value): string => {
    const at = line.value.indexOf(part);
    return at < 0 ? part : normalised.asName(line.start + at, line.start + at + part.length);
  };
  const meta = emptyMeta();

  // 0. Front matter: a YAML block between --- lines at the top.
  for (const [key, value] of frontMatter(lines, text)) setField(meta, key, value);

  // 1. Labelled rows (infoboxes, page metadata), anywhere; dates also inside furniture.
  labelledRows(meta, lines, nameOf);

  // 2. History: dated lines under the title, labelled dates (修正日期：20150617).
  const firstHeading = lines.findIndex((l) => l.role === 'heading');
  const bodyStart = lines.findIndex(startsBody);
  const headerEnd = bodyStart < 0 ? lines.length : bodyStart;
  meta.history = headerHistory(lines.slice(0, firstHeading < 0 ? headerEnd : firstHeading), text);

  // 3. The header: lines before the body starts. An order (国务院令 / 第707号) first.
  const order = orderHeader(lines, headerEnd);
  headerTitle(meta, lines, headerEnd, order, nameOf);
  const title = meta.title;
  // A title repeated, or split over several lines, in the header; an order's statute title line.
  if (title) markTitleLines(lines, title, order ? lines.length : headerEnd, headerEnd);

  // 4. A line that is only a document number, before the first heading.
  const beforeHeadings = lines.slice(0, firstHeading < 0 ? lines.length : firstHeading);
  docNumberLine(meta, beforeHeadings);
  // 5. Addressees (主送机关): 各市、自治州人民政府，兰州新区管委会，省政府各部门：
  addresseeLine(meta, beforeHeadings);
  // 6. Signature block, imprint, delivery line; lines that only describe the record.
  signatureBlock(meta, lines);
  imprintLine(meta, lines);
  deliveryLine(meta, lines);
  recordLines(lines, beforeHeadings);

  // 7. History: this document's effective clause adds to the dated lines under the title.
  historyFacts(meta, lines);

  // 8. What the title tells: issuer (X关于…), docType, period, the attached document's title.
  if (title) titleFacts(meta, title, lines, nameOf);
  // Last, the issuer a 文号's code names (国办发 → 国务院办公厅), where no text said it.
  if (meta.issuer === null && meta.docNumber) meta.issuer = issuerOfDocNumber(meta.docNumber);
  if (meta.attachedTitle === null) meta.attachedTitle = issuedInBody(beforeHeadings, nameOf);
  return meta;
}

// Each step below is a function of its own: a step that meets a new kind of line
// deoptimises only itself, and V8 compiles small functions far faster than one large one.

type NameOf = (line: LineNode, part?: string) => string;

/** Sets a field no earlier (more specific) source has set. */
function setOnce<K extends keyof MetaDraft>(meta: MetaDraft, key: K, value: MetaDraft[K] | null): void {
  if (meta[key] === null && value !== null) meta[key] = value;
}

function setField(meta: MetaDraft, key: Key, value: string): void {
  if (key === 'title') setOnce(meta, 'title', closeUpTitle(value));
  else if (key === 'issuer') setOnce(meta, 'issuer', value);
  else if (key === 'docNumber') setOnce(meta, 'docNumber', canonicalDocNumber(value));
  else setOnce(meta, key, readDate(value));
}

/** Labelled rows (中文名: / 发文字号: / 发布日期:), anywhere; dates also inside furniture. */
function labelledRows(meta: MetaDraft, lines: readonly LineNode[], nameOf: NameOf): void {
  for (const line of lines) {
    if (line.role === 'blank' || line.role === 'meta' || line.value.length > 200) continue;
    // Every label ends in a colon: most lines are skipped on that.
    if (!line.value.includes('：') && !line.value.includes(':')) continue;
    const row = stripBullet(line.value);
    // The row holds a colon (stripBullet drops none). (trimEnd drops exactly what \s matches.)
    if (ANY_LABEL.has(row.slice(0, row.search(/[：:]/)).trimEnd())) labelledRow(meta, line, row, nameOf);
    const inline = holdsOneOf(line.value, INLINE_DATE_MARKS) ? INLINE_DATE_LABEL.exec(line.value) : null;
    if (inline?.[2]) setOnce(meta, inline[1] === '成文日期' ? 'issuedDate' : 'publishedDate', readDate(inline[2]));
  }
}

/** Fills the field a labelled row's label names. */
function labelledRow(meta: MetaDraft, line: LineNode, row: string, nameOf: NameOf): void {
  for (const [key, re] of LABELS) {
    const m = re.exec(row);
    if (!m?.[1]) continue;
    setField(meta, key, key === 'title' ? nameOf(line, m[1].trim()) : m[1].trim());
    if (line.role === 'paragraph' || line.role === 'heading') line.role = 'meta';
  }
}

/** The title from the header: an order's statute, a Markdown title, or the title block. */
function headerTitle(meta: MetaDraft, lines: readonly LineNode[], headerEnd: number, order: ReturnType<typeof orderHeader>, nameOf: NameOf): void {
  if (order) {
    setOnce(meta, 'docNumber', order.docNumber);
    setOnce(meta, 'issuer', order.issuer);
    const promulgated = promulgatedTitle(lines, order.after);
    if (promulgated) setOnce(meta, 'title', nameOf(promulgated.line, promulgated.title));
  }
  // A Markdown title (`# 旅行社条例`) is the title, whatever its length.
  const markdownTitle = lines.slice(0, headerEnd).find((l) => l.markdown === 1 && l.role === 'paragraph');
  if (meta.title === null && markdownTitle) {
    meta.title = closeUpTitle(nameOf(markdownTitle));
    markdownTitle.role = 'meta';
  }
  if (meta.title === null) {
    const title = titleBlock(lines, headerEnd, nameOf);
    if (title) {
      meta.title = title.title;
      for (const line of title.lines) line.role = 'meta';
    }
  }
}

/** A title repeated, or split over several lines, among lines [0, end); past the header only a line that is the whole title. */
function markTitleLines(lines: readonly LineNode[], title: string, end: number, headerEnd: number): void {
  const flat = title.replace(/\s/g, '');
  for (let i = 0; i < end; i++) {
    const line = lines[i] as LineNode;
    if (i >= headerEnd && !sameBarSpaces(line.value, flat)) continue;
    if (line.role === 'paragraph' && line.value.length >= 4 && flat.includes(closeUpTitle(line.value).replace(/\s/g, ''))) {
      line.role = 'meta';
    }
  }
}

/** A line that is only a document number, before the first heading. */
function docNumberLine(meta: MetaDraft, beforeHeadings: readonly LineNode[]): void {
  for (const line of beforeHeadings) {
    // Both forms end in 号: a line without one is no number (most lines).
    if ((line.role !== 'paragraph' && line.role !== 'furniture') || !line.value.includes(NUMBER_MARK)) continue;
    // A number may be printed in brackets of its own: （教师函〔2021〕13号）.
    const value = line.value.replace(/^[（(](.+)[）)]$/, '$1');
    const m = DOC_NUMBER.exec(value) ?? ORDER_NUMBER.exec(value);
    if (m && m.index === 0 && m[0].length >= value.length - 1) {
      setOnce(meta, 'docNumber', canonicalDocNumber(value));
      line.role = 'meta';
    }
  }
}

/** Addressees (主送机关): 各市、自治州人民政府，兰州新区管委会，省政府各部门： */
function addresseeLine(meta: MetaDraft, beforeHeadings: readonly LineNode[]): void {
  for (const line of beforeHeadings) {
    if (line.role !== 'paragraph') continue;
    const units = addresseesOf(line.value);
    if (units) {
      meta.addressees = units;
      line.role = 'meta';
      break;
    }
  }
}

/** Signature block: an issuer line (co-signers spaced apart) followed by a date line. */
function signatureBlock(meta: MetaDraft, lines: readonly LineNode[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.role !== 'paragraph' || !isDateLine(line.value)) continue;
    // The signers stand above the date, one organ a line when several sign.
    const signers: string[] = [];
    for (let j = i - 1; j >= 0 && signers.length < 30; j--) {
      const above = lines[j] as LineNode;
      if (above.role === 'blank') continue;
      const names = above.role === 'paragraph' ? signersOf(above.value) : null;
      if (!names) break;
      signers.unshift(names);
      above.role = 'meta';
    }
    if (signers.length > 0) setOnce(meta, 'issuer', joinSigners(signers));
    setOnce(meta, 'issuedDate', readDate(line.value));
    line.role = 'meta';
    break;
  }
}

/**
 * The imprint (版记) at the foot: 国家标准化管理委员会 2020年8月4日印发. Its date is the issue
 * date where no signature gave one; its organ the issuer unless it is only the printing office.
 */
function imprintLine(meta: MetaDraft, lines: readonly LineNode[]): void {
  for (const line of lines) {
    if ((line.role !== 'paragraph' && line.role !== 'furniture') || line.value.length > 60 || !line.value.endsWith('印发')) continue;
    const m = /^(.{2,30}?)[\s\u3000]+(.{8,20}日)\s*印发$/.exec(line.value);
    const date = m?.[2] ? readDate(m[2]) : null;
    if (!m?.[1] || !date) continue;
    const organ = m[1].replace(/[\s\u3000]+/g, '');
    setOnce(meta, 'issuedDate', date);
    if (ORG_SUFFIX.test(organ) && !/办公[厅室]$/.test(organ)) setOnce(meta, 'issuer', organ);
    line.role = 'meta';
  }
}

/**
 * A report's delivery line: ——2023年3月5日在第十四届全国人民代表大会第一次会议上.
 * (Its dash may have made it a —— bullet heading.)
 */
function deliveryLine(meta: MetaDraft, lines: readonly LineNode[]): void {
  for (const line of lines.slice(0, 16)) {
    // The line ends in 上: others are not matched.
    const delivered = line.value.endsWith('上') ? /^[—－-]{0,2}\s*(.{8,16}?日)\s*在.{2,60}(?:会议|大会)上$/.exec(line.value) : null;
    const date = delivered?.[1] ? readDate(delivered[1]) : null;
    if ((line.role === 'paragraph' || line.role === 'heading') && date) {
      setOnce(meta, 'issuedDate', date);
      line.role = 'meta';
      line.heading = undefined;
      break;
    }
  }
}

/** Lines about the record, not the text: (此件公开发布), an order's signing official, header rows (法规类别：…). */
function recordLines(lines: readonly LineNode[], beforeHeadings: readonly LineNode[]): void {
  for (const line of lines) {
    if (line.role !== 'paragraph' || line.value.length > 16) continue;
    if (/^[（(]此件(公开发布|不公开|主动公开|依申请公开)[）)]$/.test(line.value) || SIGNING_OFFICIAL.test(line.value)) line.role = 'meta';
  }
  // Header rows that describe the record, not the text (法规类别：…, 法规网址：…).
  for (const line of beforeHeadings) if (line.role === 'paragraph' && RECORD_ROW.test(line.value)) line.role = 'meta';
}

/** The effective clause joins the history; the version in hand, its issuer and order number; validity. */
function historyFacts(meta: MetaDraft, lines: readonly LineNode[]): void {
  const body = bodyDates(lines);
  const effective = body.effective;
  if (effective?.date && !meta.history.some((h) => h.event === 'effective' && h.date === effective.date)) {
    meta.history.push({ date: effective.date, event: 'effective', by: null, text: effective.text, start: effective.start, end: effective.end });
  }
  const enacted = meta.history.filter((h) => h.event !== 'effective');
  if (enacted.length > 0) {
    // The version in hand: the latest non-effective event.
    meta.issuedDate = enacted.map((h) => h.date).reduce((a, b) => (b > a ? b : a));
    setOnce(meta, 'issuer', issuerOfHistory(enacted));
    const promulgation = enacted.find((h) => h.event === 'promulgated' && ORDER_NUMBER.test(h.text));
    if (promulgation) setOnce(meta, 'docNumber', canonicalDocNumber(promulgation.text));
  }
  const from = effective ? (effective.date ?? meta.issuedDate) : null;
  meta.validity = validityOf(from, body);
}

/** What the title tells: issuer (X关于…), docType, period, the attached document's title. */
function titleFacts(meta: MetaDraft, title: string, lines: readonly LineNode[], nameOf: NameOf): void {
  // X关于…, or a reply X对…的答复 / 的复函.
  const about = title.indexOf('关于');
  const reply = /^([^对“《]{2,30})对/.exec(title)?.[1] ?? '';
  const prefix = about > 0 ? title.slice(0, about).replace(/[、，]$/, '') : reply;
  // The title names the issuer in full where a label gave only its short form (区政府).
  if (prefix && ORG_SUFFIX.test(prefix) && (meta.issuer === null || RELATIVE_ORGAN.test(meta.issuer))) meta.issuer = prefix;
  meta.docType = docTypeOf(title);
  meta.period = periodOf(title);
  meta.attachedTitle = attachedTitleOf(title, lines, nameOf);
}

const SPACE = /\s/;

/**
 * Whether `value` without its whitespace (\s) is `flat`, a text with none: value.replace(/\s/g, '')
 * === flat, read in step without making the string (most lines differ at their first character).
 */
function sameBarSpaces(value: string, flat: string): boolean {
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    // `flat` holds no whitespace, so a character that matches it is never skipped.
    if (j < flat.length && value.charCodeAt(i) === flat.charCodeAt(j)) j++;
    else if (!SPACE.test(value.charAt(i))) return false;
  }
  return j === flat.length;
}

// An order signed by an official: 总理　李克强 (a person, not the issuing organ).
const SIGNING_OFFICIAL = /^(?:国务院)?(?:代理?)?(?:总理|主席|部长|主任|署长|局长|厅长|省长|市长|区长|县长|行长|院长|检察长)[\s\u3000]+[\u4e00-\u9fff·]{2,5}$/;
// Record rows of a law database's header: 法规类别 / 法规网址 / 废止说明 / 生效状态 / 官方链接.
const RECORD_ROW = /^(?:法规类别|法规网址|法规链接|废止说明|生效状态|时效性|效力级别|效力位阶|来源网址|原文链接|官方链接)\s*[：:]/;

// An organ named relative to the reader (区政府, 市政府办公室): no place name of its own.
const RELATIVE_ORGAN = /^(?:省|市|区|县|镇|乡|州)(?:人民)?政府/;

// A sentence's opening, never a title's: 为贯彻落实…, 根据…, 《X》已经…同意.
const SENTENCE_OPENING = /^(?:为了?|根据|按照|依据|经|现将|现就|《[^》]*》(?:已经|已|经))/;

function isTitleLine(line: LineNode): boolean {
  const v = line.value;
  const unquoted = v.replace(/“[^”]*”|《[^》]*》/g, '');
  return v.length >= 6 && v.length <= 120 && !/[。；，]/.test(unquoted) && !SENTENCE_OPENING.test(v) && (docTypeOf(v) !== null || v.includes('关于'));
}

/** A line that can be one piece of a title split over several lines. */
function isTitlePiece(line: LineNode | undefined): line is LineNode {
  if (!line || line.role !== 'paragraph') return false;
  const v = line.value;
  return (
    v.length >= 2 &&
    v.length <= 60 &&
    !/[。；：:，,！？]/.test(v) &&
    !DOC_NUMBER.test(v) &&
    !ORDER_NUMBER_LINE.test(v) &&
    !isDateLine(v) &&
    !/^\d/.test(v)
  );
}

// A title's pieces: the anchor line (one that names a doc type or holds 关于), the pieces
// before it that its 关于 continues (国务院办公厅、中央军委办公厅 / 关于…), and the pieces after
// it until the title ends with its doc type (…调查和管理工作的 / 通知), with at most one
// blank line between pieces.
function titleBlock(lines: readonly LineNode[], headerEnd: number, nameOf: (line: LineNode) => string): { title: string; lines: LineNode[] } | null {
  const finishesPiece = (l: LineNode, i: number) => {
    let j = i - 1;
    if (lines[j]?.role === 'blank') j--;
    const prev = lines[j];
    return docTypeOf(l.value) !== null && isTitlePiece(l) && isTitlePiece(prev) && isFirstContent(lines, j) && prev.value.length + l.value.length >= 6;
  };
  // A title-like line wedged into prose (a link's text on a line of its own, …在 / 关于宪法草案的报告 / 并进行了…) is no title.
  const inProse = (i: number) => {
    const prev = lines[i - 1];
    return prev !== undefined && prev.role === 'paragraph' && prev.value.length > 20 && !/[。：:！？；]$/.test(prev.value) && !isTitlePiece(prev);
  };
  const anchor = lines.findIndex((l, i) => i < headerEnd && l.role === 'paragraph' && (isTitleLine(l) || finishesPiece(l, i)) && !inProse(i));
  if (anchor < 0) return null;
  const neighbour = (from: number, step: 1 | -1): number => {
    let i = from + step;
    if (lines[i]?.role === 'blank') i += step;
    const line = lines[i];
    const piece = isTitlePiece(line) || (step < 0 ? isOrganLine(line) : isEditionLine(line));
    return i >= 0 && i < headerEnd && piece ? i : -1;
  };
  const pieces = [anchor];
  // Before: the issuer that a 关于 line continues (国务院办公厅 / 关于…), a piece ending
  // mid-phrase (…、 / …对), or, for an anchor with no 关于, the adjacent first line of the
  // document (国务院办公厅对十届全国人大 / 四次会议第7240号建议的答复).
  for (let i = neighbour(anchor, -1); i >= 0; i = neighbour(i, -1)) {
    const first = lines[pieces[0] as number] as LineNode;
    const prev = lines[i] as LineNode;
    if (docTypeOf(prev.value) !== null || prev.value.includes('关于')) break;
    const continues =
      (first.value.startsWith('关于') && (ORG_SUFFIX.test(prev.value.replace(/[、\s\u3000]+/g, '')) || /、$/.test(prev.value))) ||
      (prev.role === 'paragraph' && /[、和及与对的]$/.test(prev.value)) ||
      // …预置 / 和分发管理暂行规定: a piece that opens with a conjunction goes on from the one above.
      (prev.role === 'paragraph' && /^[和及与并的之]/.test(first.value)) ||
      (prev.role === 'paragraph' && !first.value.includes('关于') && isFirstContent(lines, i));
    if (!continues) break;
    pieces.unshift(i);
  }
  // After: until the title ends with a doc type; a trailing (2016—2020年) or （试行） joins too.
  for (let i = neighbour(pieces.at(-1) as number, 1); i >= 0; i = neighbour(i, 1)) {
    const sofar = joinPieces(pieces.map((k) => lines[k] as LineNode));
    const next = (lines[i] as LineNode).value;
    const trailingParen = /^[（(][^（）()]{1,20}[）)]$/.test(next);
    if (docTypeOf(sofar) !== null && !trailingParen) break;
    if (next.length > 40 && !trailingParen) break;
    pieces.push(i);
    if (pieces.length >= 5) break;
  }
  const pieceLines = pieces.map((k) => lines[k] as LineNode);
  const title = closeUpTitle(pieceLines.map((l) => nameOf(l).trim()).join(''));
  // A lone unfinished piece is no title (a heading-less header line that merely holds 关于).
  return { title, lines: pieceLines };
}

// An organ's name alone on a line (国务院办公厅), short enough to have been taken for page furniture.
function isOrganLine(line: LineNode | undefined): line is LineNode {
  return line !== undefined && line.role === 'furniture' && line.value.length <= 30 && ORG_SUFFIX.test(line.value.replace(/[、\s\u3000]+/g, ''));
}

/** An edition or period line under a title, short enough to have been taken for furniture: （2021 版）. */
function isEditionLine(line: LineNode | undefined): line is LineNode {
  return line !== undefined && (line.role === 'furniture' || line.role === 'paragraph') && /^[（(][^（）()]{1,20}[）)]$/.test(line.value) && !DOC_NUMBER.test(line.value);
}

/** Nothing but blank lines, furniture and metadata before line `index`. */
function isFirstContent(lines: readonly LineNode[], index: number): boolean {
  return lines.slice(0, index).every((l) => l.role === 'blank' || l.role === 'furniture' || l.role === 'meta');
}

function joinPieces(lines: readonly LineNode[]): string {
  return closeUpTitle(lines.map((l) => l.value.trim()).join(''));
}

/** A document number, and an order's number, each hold 号. */
const NUMBER_MARK = '号';
/** An order's name on a line of its own, its number on the next: 中华人民共和国国务院令 / 第707号. */
const ORDER_NAME = /^((?:中华人民共和国)?[\u4e00-\u9fff]{1,20}?)令$/;
/** An order's header, on one line or two, names the order (…令). */
const ORDER_MARK = '令';
/** This module's pre-checks (a test holds them to their patterns). */
export const META_PRE_CHECKS: readonly PreCheck[] = [
  { patterns: [DOC_NUMBER, ORDER_NUMBER], marks: NUMBER_MARK },
  { patterns: [ORDER_NUMBER, ORDER_NAME], marks: ORDER_MARK },
  { patterns: [INLINE_DATE_LABEL], marks: INLINE_DATE_MARKS },
];

// An order's header: 中华人民共和国国务院令 / 第707号 (or on one line), before the body.
function orderHeader(lines: readonly LineNode[], headerEnd: number): { docNumber: string; issuer: string; after: number } | null {
  for (let i = 0; i < headerEnd; i++) {
    const line = lines[i] as LineNode;
    // Both forms name the order (…令): a line without 令 is neither.
    if ((line.role !== 'paragraph' && line.role !== 'furniture') || !line.value.includes(ORDER_MARK)) continue;
    const v = line.value.replace(/[\s\u3000]+/g, '');
    const whole = ORDER_NUMBER.exec(v);
    if (whole && whole.index === 0 && whole[0].length === v.length && whole[1] && whole[2]) {
      line.role = 'meta';
      return { docNumber: canonicalDocNumber(v) as string, issuer: orderIssuer(whole[1]), after: i + 1 };
    }
    const name = ORDER_NAME.exec(v);
    let j = i + 1;
    while (lines[j]?.role === 'blank') j++;
    const numberLine = lines[j];
    const number = numberLine ? ORDER_NUMBER_LINE.exec(numberLine.value.replace(/[\s\u3000]+/g, '')) : null;
    if (name?.[1] && ORG_SUFFIX.test(name[1]) && number?.[1] && numberLine) {
      line.role = 'meta';
      numberLine.role = 'meta';
      return { docNumber: `${orderCode(name[1])}令第${number[1]}号`, issuer: orderIssuer(name[1]), after: j + 1 };
    }
  }
  return null;
}

function orderIssuer(organ: string): string {
  return organ.replace(/^中华人民共和国(?=国务院|主席)/, '').replace(/^主席$/, '中华人民共和国主席');
}

// An order promulgates a statute: 现公布《中华人民共和国个人所得税法实施条例》，自…起施行。
function promulgatedTitle(lines: readonly LineNode[], from: number): { line: LineNode; title: string } | null {
  for (const line of lines.slice(from, from + 8)) {
    if (line.role !== 'paragraph') continue;
    const m = /(?:公布|发布|颁布)[^《。]{0,12}《([^《》]{2,80})》/.exec(line.value);
    if (m?.[1]) return { line, title: m[1] };
  }
  return null;
}

// A notice that issues a plan: 关于印发《X》的通知 / 关于印发X的通知; the plan's own title
// line in the text (it may add a period or （试行）), or X itself.
function attachedTitleOf(title: string, lines: readonly LineNode[], nameOf: (line: LineNode) => string): string | null {
  const m = /(?:印发|转发|颁发|发布|公布)《?([^《》]{2,80}?)》?(?:的)?(?:通知|函)$/.exec(title);
  if (!m?.[1]) return null;
  const named = m[1];
  for (const line of lines) {
    if (line.role !== 'paragraph' && line.role !== 'meta') continue;
    const v = closeUpTitle(line.value);
    if (v.length <= named.length + 20 && v.startsWith(named) && v !== title && /^[（(]?[^，。；：]*[）)]?$/.test(v.slice(named.length))) {
      if (line.role === 'paragraph') line.role = 'meta';
      return closeUpTitle(nameOf(line));
    }
  }
  return named;
}

// A notice printed without its own title still says what it issues: 现将《X》印发给你们.
function issuedInBody(lines: readonly LineNode[], nameOf: (line: LineNode, part?: string) => string): string | null {
  for (const line of lines) {
    if (line.role !== 'paragraph') continue;
    const m = /(?:现将|现把|^)《([^《》]{2,80})》(?:已经[^，。]{0,30}(?:同意|通过)[，,])?\s*(?:现)?(?:印发|转发)给你们/.exec(line.value);
    if (m?.[1]) return nameOf(line, m[1]);
  }
  return null;
}

// 国务院 / 国务院办公厅 / 国务院　中央军委 (co-signers spaced apart → 国务院、中央军委);
// a seal note (代章) is not part of the name.
function signersOf(line: string): string | null {
  const value = line.replace(/[（(](?:代章|印|盖章|章)[）)]$/, '').trim();
  if (value.length > 60 || /[，。；：]/.test(value)) return null;
  const names = value.split(/[\s\u3000]+/).filter(Boolean);
  if (names.length === 0 || !names.every((n) => ORG_SUFFIX.test(n))) {
    const whole = value.replace(/[\s\u3000]+/g, '');
    return whole.length <= 40 && ORG_SUFFIX.test(whole) ? whole : null;
  }
  return names.join('、');
}

// Several signer lines: co-signers (国家发展改革委 / 财政部 → 国家发展改革委、财政部), or a
// parent organ over its bureau on the next line (国家自然科学基金委员会 / 国际合作局), one name.
function joinSigners(names: readonly string[]): string {
  const bureau = names[1] as string;
  if (names.length === 2 && /(?:局|司|处|办公室)$/.test(bureau) && bureau.length <= 6 && !/^(?:国家|中国|中央|全国|国务院|中华人民共和国|.{1,3}[省市区县])/.test(bureau)) {
    return `${names[0]}${names[1]}`;
  }
  return names.join('、');
}

// The body that enacted the version in hand: 北京市第十二届人民代表大会常务委员会第二十一次会议
// → 北京市人民代表大会常务委员会; 国务院第228次常务会议 → 国务院; 中华人民共和国国务院令第360号 → 国务院.
function issuerOfHistory(enacted: readonly HistoryDraft[]): string | null {
  const acts = enacted.filter((h) => h.event !== 'approved' && h.by);
  for (const entry of [...acts].reverse()) {
    const organ = organOfActor(entry.by as string);
    if (organ) return organ;
  }
  return null;
}

const ORDINAL_TERM = new RegExp(`第[\\d${CN_SMALL_NUMERAL_CHARS}]+届`, 'g');
const ORDINAL_MEETING = new RegExp(`第[\\d${CN_SMALL_NUMERAL_CHARS}]+次(?:全体|常务)?会议.*$`);

export function organOfActor(actor: string): string | null {
  const organ = actor
    .replace(/令\s*第.*$/, '')
    .replace(/^中华人民共和国(?=国务院|主席)/, '')
    .replace(ORDINAL_TERM, '')
    .replace(ORDINAL_MEETING, '')
    .replace(/(?:审判|检察)委员会$/, '')
    .replace(/(?:常务|全体)?会议$/, '')
    .trim();
  return organ.length >= 2 && organ.length <= 40 && ORG_SUFFIX.test(organ.split('、').at(-1) ?? '') ? organ : null;
}

function frontMatter(lines: readonly LineNode[], text: string): Array<[Key, string]> {
  const first = lines.findIndex((l) => l.role !== 'blank');
  if (first < 0 || lines[first]?.value !== '---') return [];
  const close = lines.findIndex((l, i) => i > first && l.value === '---');
  if (close < 0 || close - first > 80) return [];
  const open = lines[first] as LineNode;
  const end = lines[close] as LineNode;
  // Normalising printed a key's ASCII colon full-width (title：…); YAML needs it back.
  const yamlText = text
    .slice(open.end, end.start)
    .split('\n')
    .map((l) => l.replace(/^(\s*[^\s:：#\-][^:：]*?)：\s*/, '$1: '))
    .join('\n');
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  for (const line of lines.slice(first, close + 1)) {
    line.role = 'meta';
    line.heading = undefined;
  }
  const found: Array<[Key, string]> = [];
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const field = FRONT_MATTER_KEYS.find(([, re]) => re.test(name))?.[0];
    const printed = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
    if (field && printed) found.push([field, printed]);
  }
  return found;
}

function periodOf(title: string): MetaDraft['period'] {
  const range = /(\d{4})\s*[—–\-－~～至到]\s*(\d{4})\s*年?/.exec(title);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const single = /[（(](\d{4})年?[）)]|(\d{4})年度/.exec(title);
  const year = single?.[1] ?? single?.[2];
  if (year) return { from: Number(year), to: Number(year) };
  // A five-year plan named by its period: 崇明区水务“十四五”规划 → 2021–2025.
  const plan = findPlanPeriods(title).at(-1);
  return plan ? { from: plan.from, to: plan.to } : null;
}

// 认监委、标准委 are two units; 各市、自治州人民政府 is one (各市 alone names no body).
function splitListedUnits(text: string): string[] {
  const parts = text.split('、').map((u) => u.trim());
  // 市政府各委、办、局 is one collective: 办 and 局 alone name no organ.
  return parts.length > 1 && parts.every((u) => u.length >= 2 && ORG_SUFFIX.test(u)) ? parts : [text.trim()];
}

function addresseesOf(value: string): string[] | null {
  if (!/[：:]$/.test(value) || /[。；]/.test(value.slice(0, -1)) || value.length > 300) return null;
  const units = value
    .slice(0, -1)
    .split(/[，,]/)
    .flatMap(splitListedUnits)
    .filter(Boolean);
  const orgLike = units.filter((u) => ORG_SUFFIX.test(u) || /^各|^有关|单位$|部门$|机构$/.test(u));
  return units.length > 0 && orgLike.length * 2 >= units.length ? units : null;
}

export function policyMeta() {
  return (tree: PolicyRoot): void => {
    tree.data.meta = extractMeta(tree.children, tree.data.normalised);
  };
}
