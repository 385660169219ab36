// Page furniture: navigation, share buttons, counters, footers scraped with the text.
// Input: classified lines. Output: furniture lines get role `furniture` (kept in the tree
// for positions and metadata look-ups, never in any text field). Three rules:
//  1. a line that matches a furniture pattern, anywhere;
//  2. in the page header (before the body starts), short lines with no sentence
//     punctuation that are not headings ("文章", "搜索", "详细内容");
//  3. the page footer: from the first furniture line after the last heading, to the end.
import { NUMBERING_STYLES } from '../parse/numbering.js';
import type { LineNode, PolicyRoot } from '../tree.js';
import type { VFile } from 'vfile';
import { docTypeOf } from '../lexicon/doc-types.js';
import { isDateLine } from '../lexicon/dates.js';
import { DOC_NUMBER, ORDER_NUMBER_LINE } from '../lexicon/doc-numbers.js';
import { warn } from '../util/report.js';
import { PrefixSet, startCondition, topAlternatives } from '../util/regex-start.js';
import { builtFurnitureGroups } from './furniture-built.js';

/** One pattern per kind of furniture; extend here when a site adds a new one (one site's own: the `furniture` option). */
export const FURNITURE_PATTERNS: readonly RegExp[] = [
  /扫一扫|扫描二维码|请扫码|二维码|微信公众号|关注公众号|分享到|分享好友|朋友圈/,
  /放大字体|缩小字体|字体[：:]?\s*[【[]?[大中小]|字号[：:]?\s*[大中小]/,
  /浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|访问次数/,
  /打印本文|打印本页|【打印】|关闭窗口|【关闭】|加入收藏|告诉好友|返回顶部|^我要纠错/,
  /Copyright|版权所有|All rights reserved|©|ICP备|网站标识码|公网安备|技术支持[：:]|网站地图/i,
  // A site's sponsor line (主办单位：XX市人民政府办公厅 承办单位：XX信息中心), not a task's （承办单位：市商务局）.
  /^(?:主办|承办|协办)(?:单位)?[：:].{0,40}(?:网|中心|办公厅|办公室|版权|ICP|电话|技术支持|维护)/i,
  /Processed in [\d.]+ second|^seo(\s+seo)*$/i,
  /当前位置|您的位置|您现在的位置|首页\s*(>|》|»|＞|→|\/)/,
  /^(上一篇|下一篇|相关阅读|相关文章|相关新闻|推荐阅读|推荐法规|点击排行|热门文章|热点排行|更多)/,
  /^(法规中心|关于我们|联系我们|广告业务|广告服务|信息服务|网站声明|隐私政策)/,
  /^(邮政编码|邮编|地址|电话|电询|传真|QQ|邮箱|E-?mail|网址)\s*[：:]/i,
  /^[[【]\s*\S+\s*[\]】]\s*[[【]/,
  /^(声明|免责声明)[：:]?$|^核心提示[：:]|^(责任编辑|编辑|来源|作者|稿源)[：:]/,
  /^(地区|标签|关键词|关键字|分类|主题分类)[：:]/,
  /^基本(介绍|信息)$|^(文章|搜索|详细内容|正文)$/,
  // A source-and-timestamp line: 中国甘肃网 2017-07-12 17:17
  /^\S{0,20}\s*\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?$/,
  /^[•·*]\s*\S{1,6}$/,
];

// Body sentences may mention 二维码 or 分享: a long line with a full stop is prose.
/** Prose, never furniture: a 。 with 20 characters after it, or one 60 characters in. */
const isProse = (value: string): boolean => {
  const first = value.indexOf('。');
  return first >= 0 && (value.length - first > 20 || value.lastIndexOf('。') >= 60);
};
/**
 * One test of the furniture patterns: its expressions (one per set of flags), tried only on a
 * line that holds one of `starts` (at its start when `anchored`), or failing those, `contains`.
 */
interface FurnitureTest {
  res: RegExp[];
  starts: PrefixSet | null;
  anchored: boolean;
  contains: string | null;
}

/**
 * A group of the patterns' alternatives, as plain data: the expressions' sources by flags, and
 * what a line must hold for them to match (`prefixes` at its start when `anchored`, or
 * anywhere; failing those, `contains`; failing both, nothing).
 */
export interface FurnitureGroup {
  anchored: boolean;
  prefixes: string[] | null;
  contains: string | null;
  sources: Array<[flags: string, alternatives: string[]]>;
}

/**
 * The patterns' alternatives joined into a few alternations, by what a line must hold for them
 * to match (read from the patterns themselves, regex-start.ts) and by flags: those that start
 * with ^ and known characters are tried on a line starting with one of them, the others with
 * known starts on a line holding one, those with a character they require on a line holding
 * it, and the rest on every line. Most lines are prose and hold none, so most lines run no
 * pattern at all. Together they match where one of the patterns does (a test holds
 * FURNITURE_PATTERNS' groups to that).
 */
export function furnitureGroups(patterns: readonly RegExp[]): FurnitureGroup[] {
  const groups = new Map<string, FurnitureGroup>();
  for (const re of patterns) {
    for (const source of topAlternatives(re.source)) {
      const { anchored, prefixes, contains } = startCondition(source, re.flags);
      const key = prefixes !== null ? (anchored ? 'start' : 'anywhere') : contains !== null ? `contains ${contains}` : 'always';
      const group = groups.get(key) ?? { anchored: prefixes !== null && anchored, prefixes: prefixes && ([] as string[]), contains: prefixes === null ? contains : null, sources: [] };
      const sources = group.sources.find(([flags]) => flags === re.flags);
      if (sources) sources[1].push(`(?:${source})`);
      else group.sources.push([re.flags, [`(?:${source})`]]);
      if (prefixes && group.prefixes) group.prefixes.push(...prefixes);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/**
 * FURNITURE_PATTERNS' groups, as tests. The CLI's build works the groups out once, with
 * furnitureGroups(), and writes them into its bundle (builtFurnitureGroups(): reading the
 * patterns' sources took 2.5 ms of every start-up); elsewhere they are worked out here.
 */
const FURNITURE_TESTS: readonly FurnitureTest[] = (builtFurnitureGroups() ?? furnitureGroups(FURNITURE_PATTERNS)).map(({ anchored, prefixes, contains, sources }) => ({
  res: sources.map(([flags, alternatives]) => new RegExp(alternatives.join('|'), flags)),
  starts: prefixes && new PrefixSet(prefixes),
  anchored,
  contains,
}));

/** Whether a line matches one of FURNITURE_PATTERNS. */
export function matchesFurniturePattern(value: string): boolean {
  for (const { res, starts, anchored, contains } of FURNITURE_TESTS) {
    if (starts !== null ? !(anchored ? starts.at(value, 0) : starts.in(value)) : contains !== null && !value.includes(contains)) continue;
    for (const re of res) if (re.test(value)) return true;
  }
  return false;
}
const isFurnitureLine = (value: string): boolean => !isProse(value) && matchesFurniturePattern(value);

/**
 * A site's own furniture, given by the user (the `furniture` parse option, a config file's
 * `furniture`): a string is a regular expression matched against the whole line (trimmed,
 * as normalised: Simplified characters, full-width punctuation beside Chinese); a RegExp is
 * used as it is. Throws a TypeError naming the pattern's index when a string is no regular
 * expression.
 */
export function furniturePatterns(patterns: ReadonlyArray<string | RegExp>): RegExp[] {
  return patterns.map((p, i) => {
    // test() on a global or sticky RegExp would remember where it stopped.
    if (p instanceof RegExp) return p.global || p.sticky ? new RegExp(p.source, p.flags.replace(/[gy]/g, '')) : p;
    try {
      return new RegExp(`^(?:${p})$`);
    } catch (error) {
      throw new TypeError(`furniture[${i}]: invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : error}`);
    }
  });
}

// A line opening with 第…编/章/节/条 is the law's own text, even when it mentions 二维码 or
// 承办单位： ("第十四条 …按照下列规定确定承办单位：").
const LEGAL_STYLES = new Set(NUMBERING_STYLES.filter((s) => s.legal).map((s) => s.key));
const isLegalHeading = (line: LineNode): boolean => line.heading !== undefined && LEGAL_STYLES.has(line.heading.style);

// Header lines: no sentence punctuation and at most this many characters.
const SHORT_HEADER_LINE = 10;
const SENTENCE_PUNCTUATION = /[，。；：！？]/;

/** Short header lines that are the document's own: a title piece, a date, a document number. */
const isHeaderFact = (value: string): boolean =>
  docTypeOf(value) !== null || value.includes('关于') || isDateLine(value) || DOC_NUMBER.test(value) || ORDER_NUMBER_LINE.test(value);

/**
 * Marks furniture; `dropped` hears of every numbered heading line it removes (a reader
 * would look for it), so the stage can say so in `messages`.
 */
export function markFurniture(lines: readonly LineNode[], dropped?: (line: LineNode) => void, extra: readonly RegExp[] = []): void {
  // (An array: a line is in it once, and a Set would hash every heading of a law.)
  const headingsBefore = dropped ? lines.filter((l) => l.role === 'heading' && l.heading?.style !== 'table-row') : [];
  markFurnitureLines(lines, extra);
  const bodyStart = lines.findIndex(startsBody);
  markHeaderLines(lines, bodyStart < 0 ? lines.length : bodyStart);
  const footer = footerStart(lines, bodyStart);
  if (footer >= 0) markFooter(lines, footer);
  if (dropped) for (const line of headingsBefore) if (line.role === 'furniture') dropped(line);
}

// markFurniture works in named steps, each a function of its own: a step that meets a rare
// branch (a footer, the user's patterns) deoptimises only itself, and V8 compiles small
// functions far faster than one large one.

/** Marks the lines that are furniture wherever they stand: page furniture, and the user's patterns. */
function markFurnitureLines(lines: readonly LineNode[], extra: readonly RegExp[]): void {
  for (const line of lines) {
    if (line.role !== 'blank' && !isLegalHeading(line) && isFurnitureLine(line.value)) line.role = 'furniture';
    // The user's patterns name whole lines: they apply to prose and to 第…条 lines too.
    // (Most runs have none: then no test, nor a function made for it, per line.)
    else if (extra.length > 0 && line.role !== 'blank' && extra.some((re) => re.test(line.value))) line.role = 'furniture';
  }
}

/** Marks the short paragraphs before the body (up to `end`) that state no header fact. */
function markHeaderLines(lines: readonly LineNode[], end: number): void {
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    const short = line && line.value.length <= SHORT_HEADER_LINE && !SENTENCE_PUNCTUATION.test(line.value);
    if (short && line.role === 'paragraph' && !isHeaderFact(line.value)) {
      line.role = 'furniture';
    }
  }
}

/**
 * Where the footer starts: the first furniture line after the body's start after which no
 * heading continues the document's own numbering (a site disclaimer may number its clauses
 * ① ②: a style new to the page); -1 when there is none.
 */
function footerStart(lines: readonly LineNode[], bodyStart: number): number {
  const stylesBefore = new Set<string>();
  const lastUse = lastUseOfStyles(lines);
  for (let i = Math.max(bodyStart, 0) + 1; i < lines.length; i++) {
    const line = lines[i] as LineNode;
    if (line.heading) stylesBefore.add(line.heading.style);
    // Furniture before the first heading (an infobox title) is not the footer.
    if (line.role !== 'furniture' || (lastUse.size > 0 && stylesBefore.size === 0)) continue;
    // A task table's rows are the document's own too (its header row is furniture).
    const continues = [...stylesBefore, 'table-row'].some((style) => (lastUse.get(style) ?? -1) > i);
    if (!continues) return i;
  }
  return -1;
}

/** The index of each heading style's last line. */
function lastUseOfStyles(lines: readonly LineNode[]): Map<string, number> {
  const lastUse = new Map<string, number>();
  // From the end, each style once: its last use is where it is first met.
  for (let i = lines.length - 1; i >= 0; i--) {
    const style = (lines[i] as LineNode).heading?.style;
    if (style !== undefined && !lastUse.has(style)) lastUse.set(style, i);
  }
  return lastUse;
}

/** Marks every line from the footer's start on as furniture. */
function markFooter(lines: readonly LineNode[], from: number): void {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line && line.role !== 'blank') line.role = 'furniture';
  }
}

/** The first line of the document body: a heading, or a paragraph with a full sentence. */
export function startsBody(line: LineNode): boolean {
  return line.role === 'heading' || (line.role === 'paragraph' && /[。；]/.test(line.value));
}

export function policyFurniture() {
  return (tree: PolicyRoot, file: VFile): void =>
    markFurniture(
      tree.children,
      (line) => warn(file, tree.data, `Dropped a numbered line as page furniture: “${line.value.slice(0, 40)}”`, 'furniture-numbered-line', line.start, line.end),
      (file.data as { furniture?: readonly RegExp[] }).furniture,
    );
}
