// Marker styles of Chinese official documents, as a data table.
// Each style: how its marker is written, the section kind it makes, and its rank in the
// conventional hierarchy (lower = higher level). 一、 > （一） > 1. > （1） > ① is the
// GB/T 9704 convention for plans; 编 > 章 > 节 > 条 is the legislative one.
import { CIRCLED_NUMERALS as CIRCLED, CN_SMALL_NUMERAL_CHARS, circledValue, readNumeral, toChineseNumeral } from '../lexicon/numerals.js';
import type { SectionKind } from '../schema/policy-document.js';

export type StyleKey =
  /** 附件1 / 附表2: an attachment after the body (marked by markAttachments, never by a pattern). */
  | 'attachment'
  /** 第一部分 / 第一篇: a plan's parts above 一、. */
  | 'bufen'
  | 'bian'
  | 'zhang'
  | 'jie'
  | 'tiao'
  | 'cn-comma'
  | 'cn-paren'
  | 'arabic'
  | 'arabic-paren'
  | 'circled'
  | 'box'
  | 'bullet'
  | 'enumeration'
  /** A row of a task table (see task-table.ts); it has no printed marker pattern. */
  | 'table-row';

export interface NumberingStyle {
  key: StyleKey;
  kind: SectionKind;
  /** Conventional level; styles of one family compare by it. */
  rank: number;
  /** Legislative styles form a fixed hierarchy above every plan-style marker. */
  legal: boolean;
  /** Matches at the start of a trimmed line; group 1 is the numeral (absent for ——). */
  pattern: RegExp;
  /** Every character a match of `pattern` can start with (its first character class, spelled out). */
  starts: string;
  /**
   * For a 第 marker: the characters it ends in after its numeral (章 of 第三章). Between 第
   * and that character its pattern allows only numerals, digits, white space and -.
   */
  keyword?: string;
}

const CN = `[${CN_SMALL_NUMERAL_CHARS}]`;

export const NUMBERING_STYLES: readonly NumberingStyle[] = [
  { key: 'attachment', kind: 'attachment', rank: -1, legal: false, pattern: /(?!)/, starts: '' },
  { key: 'bufen', kind: 'part', rank: 9, legal: false, pattern: new RegExp(`^第(${CN}+|\\d+)(?:部分|篇)(?=[\\s：:、]|[\\u4e00-\\u9fff“]|$)`), starts: '第', keyword: '部篇' },
  // Taiwan's statutes space their markers (第 一 章, 第 7 条) and insert articles as 第 7-1 条
  // (article 7, suffix 1, like 第七条之一).
  // An amendment inserts 第三章之一 after 第三章, as it inserts 第七条之一 after 第七条.
  { key: 'bian', kind: 'part', rank: 0, legal: true, pattern: new RegExp(`^第\\s*(${CN}+|\\d+)\\s*编(?:之${CN}+)?(?![a-z])`), starts: '第', keyword: '编' },
  { key: 'zhang', kind: 'chapter', rank: 1, legal: true, pattern: new RegExp(`^第\\s*(${CN}+|\\d+)\\s*章(?:之${CN}+)?`), starts: '第', keyword: '章' },
  { key: 'jie', kind: 'section', rank: 2, legal: true, pattern: new RegExp(`^第\\s*(${CN}+|\\d+)\\s*节(?:之${CN}+)?`), starts: '第', keyword: '节' },
  {
    key: 'tiao',
    kind: 'article',
    rank: 3,
    legal: true,
    pattern: new RegExp(`^第\\s*(${CN}+|\\d+)(?:-\\d{1,3})?\\s*条(?:之${CN}+)?(?![的款项第、，,和或及至到中所之])(?!规定)`),
    starts: '第',
    keyword: '条',
  },
  { key: 'cn-comma', kind: 'part', rank: 10, legal: false, pattern: new RegExp(`^(${CN}{1,4})\\s*(?:、(?![一二三四五六七八九十]{1,2}(?:[、，级类等和或至到及是])|[、，])|[．.](?![\\d一二三四五六七八九十]))`), starts: CN_SMALL_NUMERAL_CHARS },
  { key: 'cn-paren', kind: 'section', rank: 11, legal: false, pattern: new RegExp(`^[（(]\\s*(${CN}{1,4})\\s*[）)]`), starts: '（(' },
  { key: 'arabic', kind: 'item', rank: 12, legal: false, pattern: /^(\d{1,3})\s*(?:[、．﹒\uE000-\uF8FF]|\.(?!\d))/, starts: '0123456789' },
  { key: 'arabic-paren', kind: 'subitem', rank: 13, legal: false, pattern: /^[（(]\s*(\d{1,3})\s*[）)]/, starts: '（(' },
  { key: 'circled', kind: 'subitem', rank: 14, legal: false, pattern: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/, starts: CIRCLED },
  { key: 'box', kind: 'box', rank: 5, legal: false, pattern: new RegExp(`^(?:任务|重点|工程|项目)?专栏\\s*(\\d{1,3}|${CN}{1,3})?(?=[\\s：:]|[\\u4e00-\\u9fff“])`), starts: '任重工项专' },
  { key: 'bullet', kind: 'bullet', rank: 20, legal: false, pattern: /^(?:——|--|－－)(?![—－-])/, starts: '—-－' },
  { key: 'enumeration', kind: 'enumeration', rank: 21, legal: false, pattern: new RegExp(`^(${CN}{1,3})是(?=[\\u4e00-\\u9fff“])`), starts: CN_SMALL_NUMERAL_CHARS },
];

/** The article's (条) rank: the legal styles above it divide a law. */
const ARTICLE_RANK = (NUMBERING_STYLES.find((s) => s.key === 'tiao') as NumberingStyle).rank;

/** The legislative divisions above the article (编, 章, 节). */
export const DIVISION_STYLES: ReadonlySet<StyleKey> = new Set(NUMBERING_STYLES.filter((s) => s.legal && s.rank < ARTICLE_RANK).map((s) => s.key));

/** A marker an amendment inserted after its number's own: 第七条之一, 第 7-1 条, 第三章之一. */
const INSERTED = new RegExp(`之${CN}+$|\\d-\\d`);

export function isInsertedMarker(marker: string): boolean {
  return INSERTED.test(marker);
}

/** Value of a marker numeral: 十二 → 12, 一百零三 → 103, 12 → 12, ③ → 3; null if not a numeral. */
export function numeralValue(numeral: string): number | null {
  return circledValue(numeral) ?? readNumeral(numeral);
}

export interface MarkerMatch {
  style: NumberingStyle;
  marker: string;
  number: number | null;
}

/**
 * The styles a line's first character may start, in table order, by character code: a pattern
 * that cannot match at that character is never run, and a line that starts no marker (most
 * lines) runs none.
 */
const STYLES_STARTING = new Map<number, NumberingStyle[]>();
/** The 第 styles by the character they end in (章 → zhang), in table order. */
const STYLES_ENDING = new Map<number, NumberingStyle[]>();
for (const style of NUMBERING_STYLES) {
  for (const c of style.starts) {
    const styles = STYLES_STARTING.get(c.charCodeAt(0)) ?? [];
    styles.push(style);
    STYLES_STARTING.set(c.charCodeAt(0), styles);
  }
  for (const c of style.keyword ?? '') {
    const styles = STYLES_ENDING.get(c.charCodeAt(0)) ?? [];
    styles.push(style);
    STYLES_ENDING.set(c.charCodeAt(0), styles);
  }
}
const ORDINAL = '第'.charCodeAt(0);
const NUMERAL_CODES = new Set([...CN_SMALL_NUMERAL_CHARS].map((c) => c.charCodeAt(0)));

/**
 * The 第 styles worth trying on a line that starts with 第: those ending in the first character
 * after 第 that is no numeral and below U+4E00 (digits, white space and - are) or U+FEFF. Each
 * 第 pattern allows only such characters between 第 and its keyword, and no keyword is one, so
 * a pattern whose keyword is not that character cannot match.
 */
function ordinalStyles(line: string): NumberingStyle[] | undefined {
  let i = 1;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (!(code < 0x4e00 || code === 0xfeff || NUMERAL_CODES.has(code))) break;
  }
  return STYLES_ENDING.get(line.charCodeAt(i));
}

/** The numbering marker a trimmed line starts with, if any. */
export function matchMarker(line: string): MarkerMatch | null {
  const first = line.charCodeAt(0);
  const styles = first === ORDINAL ? ordinalStyles(line) : STYLES_STARTING.get(first);
  if (!styles) return null;
  for (const style of styles) {
    const m = style.pattern.exec(line);
    if (!m) continue;
    const numeral = m[1];
    const number = numeral === undefined ? null : numeralValue(numeral);
    if (numeral !== undefined && number === null) continue;
    return { style, marker: m[0].trim(), number };
  }
  return null;
}

/** How a marker of `style` with value `n` is printed, for messages (（三）, 3., 第三条). */
export function formatMarker(style: StyleKey, n: number): string {
  const cn = toChineseNumeral(n);
  switch (style) {
    case 'bufen':
      return `第${cn}部分`;
    case 'bian':
      return `第${cn}编`;
    case 'zhang':
      return `第${cn}章`;
    case 'jie':
      return `第${cn}节`;
    case 'tiao':
      return `第${cn}条`;
    case 'cn-comma':
      return `${cn}、`;
    case 'cn-paren':
      return `（${cn}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return CIRCLED[n - 1] ?? `(${n})`;
    case 'enumeration':
      return `${cn}是`;
    default:
      return `${n}`;
  }
}
