// extractTargets(paragraph): quantitative targets (指标/目标值) found in ONE normalised paragraph.
// Contract: input is a single paragraph of normalised Simplified Chinese (full-width ，；：。（）“”、,
// ASCII digits and %). Output is pure and deterministic, in document order; `start`/`end` are
// offsets of the trimmed clause (between ，；：。！？ outside brackets/quotes) that holds the number,
// so `paragraph.slice(start, end) === text`. Several targets may share one clause.
// `year` is only an explicit 4-digit deadline (到2025年, 2025年底前…) found in this paragraph;
// the caller applies the section's governing year when it is null.
//
// Units: 万/亿/万亿 after a number are ALWAYS kept in the unit and never multiplied
// (1.5万家 → 1.5 万家, 50亿元 → 50 亿元, 2300万以内 → 2300 万, 三千万元 → 3000 万元), so the
// value stays as written and two targets in the same unit can be compared directly.
// Comparator choices: 增长/下降 win over 左右/以上 (增长6.5%左右 → increase), because the value
// is a rate of change; otherwise 左右/约 → approx, 以上/以下 → gte/lte, 余/多 → gt, then the
// verb (稳定在/保持在 X → gte), and a creation verb alone → eq.
// Precision first: a number becomes a target only when a comparator word, a 以上/左右 suffix,
// a creation verb or an ongoing list governs it; counts inside quotes, after 等, with a
// non-unit (10类, 50强, 7省区), followed by 的, or in subsidy/past clauses are skipped.

export type Comparator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx' | 'increase' | 'decrease';

export interface TargetMatch {
  start: number;
  end: number;
  text: string;
  indicator: string;
  comparator: Comparator;
  value: number;
  unit: string | null;
  year: number | null;
  aspirational: boolean;
}

// ───────────────────────────── word tables (extend here) ─────────────────────────────

/** Words directly before the number that fix the comparator (longest match wins). */
export const COMPARATOR_WORDS: Readonly<Record<Exclude<Comparator, 'eq'>, readonly string[]>> = {
  gt: ['超过', '高于', '大于', '多于', '突破', '超'],
  gte: [
    '不低于', '不少于', '至少', '最少', '达到', '达', '实现',
    // A prohibition reverses the word: 不得少于30日 means at least 30.
    '不得低于', '不得少于', '不得小于', '不应低于', '不应少于', '不能低于', '不能少于',
    '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '增至',
    '扩大到', '扩大至', '上升到', '上升至',
    '稳定在', '保持在', '维持在', '稳定', '保持',
  ],
  lt: ['低于', '少于', '小于'],
  lte: [
    '不超过', '不高于', '不多于', '不大于', '最多',
    '不得超过', '不得高于', '不得多于', '不得大于', '不应超过', '不应高于', '不能超过', '不能高于',
    '控制在', '控制到', '控制至', '下降到', '下降至', '降低到', '降低至', '降到', '降至',
    '减少到', '减少至', '压减到', '压减至', '压缩到', '压缩至', '缩短到', '缩短至', '缩减到', '缩减至',
  ],
  approx: ['约', '大约', '接近', '将近'],
  increase: ['增长', '提高', '提升', '增加', '上升', '扩大'],
  decrease: ['下降', '降低', '减少', '压减', '削减', '压降', '减排', '缩减', '压缩'],
};

/** Words right after the number+unit. */
export const SUFFIX_WORDS: Readonly<Record<'gte' | 'lte' | 'approx', readonly string[]>> = {
  gte: ['及以上', '或以上', '以上'],
  lte: ['及以下', '或以下', '以下', '以内', '之内'],
  approx: ['左右'],
};

/** Between number and unit: 100余家 / 100多家 → more than (gt). */
export const MORE_MARKERS: readonly string[] = ['余', '多'];

/**
 * Creation/achievement verbs that make a plain count a target (eq).
 * Strong verbs may sit anywhere before the counted noun; weak ones also occur inside nouns
 * (保护区, 发展中心), so they only count directly before the number or at the clause start.
 */
export const CREATION_VERBS: Readonly<{ strong: readonly string[]; weak: readonly string[] }> = {
  strong: [
    '新增保护', '新增', '新培育', '培育形成', '培育', '新建', '建成', '布局建设', '创建', '打造',
    '新认定', '认定', '新核准', '核准', '新引进', '引进', '招引', '制修订', '制定', '修订',
    '新开工', '新登记', '新注册', '命名', '遴选', '评选', '选树',
  ],
  weak: [
    '建设', '保护', '发展', '形成', '实施', '完成', '推广', '改造', '支持', '带动', '建立', '设立',
    '组建', '举办', '培训', '发布', '开通', '认证', '吸引', '提供', '新改建',
  ],
};

/** A weak verb right before a number governs it only after one of these (重点建设5个, 加快发展10家). */
export const WEAK_VERB_LEADERS: readonly string[] = [
  '加快', '重点', '积极', '大力', '着力', '集中', '新', '再', '累计', '共', '全省', '全市', '全区', '全县',
  '全年', '年内', '每年', '推动', '计划', '拟', '将', '要', '布局', '谋划', '规划', '支持', '引导', '鼓励',
];

/** Indicator names that contain a verb-like word which must not be read as a verb or stripped. */
export const PROTECTED_TERMS: readonly string[] = [
  '城镇新增就业', '新增就业人数', '新增建设用地', '新建建筑', '建成区', '建设用地', '发展水平', '保护区', '认定机构',
];

/** Counted nouns that describe a document's own structure (五个方面, 17项任务), never targets. */
export const STRUCTURAL_NOUNS: readonly string[] = [
  '方面', '领域', '环节', '层面', '阶段', '步骤', '任务', '措施', '要求', '原则', '举措', '重点', '意见', '条款',
];

/** Aspiration markers; 努力 at a clause end (经过五年努力，) is a lead-in, not an aspiration. */
export const ASPIRATION_WORDS: readonly string[] = ['力争', '争取', '努力', '力求'];

/** Adverbs allowed between the indicator and the comparator (年均增长, 均高于, 分别达到). */
export const ADVERBS: readonly string[] = [
  '年均', '平均', '累计', '共', '合计', '总计', '整体', '总体', '基本', '稳步', '持续', '逐步',
  '进一步', '再', '要', '将', '可', '能够', '同比', '全年', '每年',
];
/** 均/都 share one value among several indicators; 分别 pairs indicators with values in order. */
export const EACH_WORDS: readonly string[] = ['均', '都'];
export const RESPECTIVELY_WORDS: readonly string[] = ['分别'];

/** Past-tense markers: a number after 提高了 / 已建成 describes an achievement, not a target. */
export const PAST_MARKERS: readonly string[] = ['了', '已经', '已'];

/** A clause opening with one of these describes the status quo: no targets in the rest of its sentence. */
export const STATUS_QUO_MARKERS: readonly string[] = ['截至目前', '目前', '现阶段', '现有'];

/** Directly before a number, these mean it is not a target (rank, list size, subsidy amount…). */
export const GUARD_PREFIXES: readonly string[] = [
  '等', '第', '前', '每', '若干', '给予', '奖励', '补助', '补贴', '资助', '最高',
];
/** Extra guards for Chinese numerals only: 数十家, 几百个, 之一. */
export const CN_GUARD_PREFIXES: readonly string[] = ['数', '几', '之', '唯', '统'];
/** A clause containing one of these is about funding, not targets. */
export const FUNDING_WORDS: readonly string[] = ['给予', '奖励', '补助', '补贴', '资助'];
/** Penalty clauses (处1万元以上5万元以下罚款) state sanctions, not commitments. */
export const PENALTY_WORDS: readonly string[] = ['罚款', '罚金', '处以', '没收', '拘留', '有期徒刑'];

/** Measure words / units, without the 万/亿 multiplier (added in front when present). */
export const UNITS: readonly string[] = [
  '个百分点', '百分点', '%', '％', '‰',
  '个工作日', '工作日', '个月', '人次', '架次', '标准箱', '标箱', '吨标准煤', '千瓦时',
  '平方公里', '平方千米', '平方米', '立方米', '微克/立方米', '公里', '千米', '千克', '公斤', '公顷',
  '千瓦', '兆瓦', '美元', '元', '个', '家', '项', '件', '所', '座', '处', '条', '张', '台', '套',
  '辆', '部', '种', '款', '只', '头', '支', '场', '次', '篇', '册', '栋', '幢', '户', '名', '位',
  '人', '岁', '年', '天', '小时', '分钟', '倍', '分', '亩', '吨', '米', '克', '斤', '床', '起',
];
export const PERCENT_UNITS: readonly string[] = ['%', '％', '‰', '个百分点', '百分点'];
/** Durations: never a created count (实施三年行动 is not "3 年 created"). */
export const TIME_UNITS: readonly string[] = ['年', '个月', '个工作日', '工作日', '天', '小时', '分钟'];
export const MULTIPLIERS: readonly string[] = ['万亿', '亿', '万'];

/** A unit is rejected when the following text shows it is the start of another word. */
export const UNIT_NOT_FOLLOWED_BY: Readonly<Record<string, RegExp>> = {
  年: /^(月|底|末|前|内|后|起|度|初|中|来|间|期|级|份|代|龄|以来|以后|以前)/,
  分: /^(?!以|左)[\u4e00-\u9fff]/,
  部: /^门/,
  种: /^(类|子|植)/,
  场: /^(所|馆|景|地)/,
  支: /^(持|撑|付|出)/,
  户: /^(籍|外)/,
  位: /^(于|置|居|一体)/,
  克: /^(服|隆)/,
  人: /^民/,
  所: /^(有|在|属)/,
  处: /^(理|于|置)/,
  条: /^(件|例)/,
  家: /^(庭|居|电|乡|园)/,
  项: /^目/,
  名: /^(牌|单|称|录|义)/,
  米: /^(粮|面)/,
  起: /^(步|草|来|点|始|源|到|码)/,
};

/** Bare numbers (no unit) are targets only when the indicator is an index/score. */
export const INDEX_WORDS: readonly string[] = ['指数', '得分', '评分', '分值', '系数', '满意度', '指标值', '评价值'];

/** Endings that mark a measurable noun; used to decide whether "A和B均…" names two indicators. */
export const METRIC_SUFFIXES: readonly string[] = [
  '率', '量', '数', '度', '比重', '比例', '占比', '指数', '水平', '面积', '规模', '值', '额',
  '强度', '浓度', '密度', '寿命', '得分', '人数', '数量', '总量', '收入',
];

/** Scaffolding stripped from the start of an indicator (repeatedly). */
export const LEADING_SCAFFOLD: readonly string[] = [
  '力争', '争取', '努力', '力求', '确保', '全年', '年内', '当年', '每年', '其中', '同时', '此外',
  '并且', '并', '以及', '累计', '预计', '计划', '基本实现', '基本建成', '基本形成', '推动', '推进',
  '促进', '带动', '引导', '进一步', '全面', '持续', '保持', '新增保护', '新增', '新培育', '新认定',
  '新核准', '认定', '培育形成', '培育', '创建', '打造', '布局建设',
];
/** Scaffolding that may sit mid-phrase ("通过…，使合格率…"): keep only what follows the last one. */
const MID_SCAFFOLD_RE = /(使(?!用|命)|确保|力争|争取|努力|力求|实现(?!率|值))/g;
const LEADING_SCAFFOLD_RE = new RegExp(
  '^(?:' +
    [
      '(?:到|至|截至|截止到|截止)?(?:\\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)?(?:前|以前|之前)?',
      '“十[一二三四五六七八九]五”(?:期间|末|时期)?',
      '实现(?!率|值)',
      '使(?!用|命)',
      '稳定(?!性|率)',
      ...[...LEADING_SCAFFOLD].sort((a, b) => b.length - a.length),
    ].join('|') +
    ')',
);

/** Words that end the counted noun after a number (建成10个示范区并投入使用). */
const POST_NOUN_STOP_RE = /并且|并|同时|以便|用于/;
/** A list link right before the next number: 5个A[和]10个B. */
const LIST_LINK_END_RE = /\s*(?:、|以及|和|及|与)\s*$/;
const LIST_LINK_START_RE = /^\s*(?:、|以及|和|及|与)/;

const CLAUSE_BREAKS = new Set(['，', '；', '：', '。', '！', '？']);
const SENTENCE_BREAKS = new Set(['；', '。', '！', '？']);
const OPENERS = new Set(['（', '(', '“', '《', '【', '[']);
const CLOSERS = new Set(['）', ')', '”', '》', '】', ']']);

// ───────────────────────────── Chinese numbers ─────────────────────────────

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Parse 一千 / 二十五 / 两百五 / 1.5 / 3,000 / 1.5万 / 二〇二五. Returns null when not a number. */
export function parseChineseNumber(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  const ascii = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万亿|亿|万|千|百)?$/.exec(t);
  if (ascii) {
    const base = Number((ascii[1] ?? '').replace(/,/g, '') + (ascii[2] ?? ''));
    const mult = ascii[3] ? { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 }[ascii[3]] ?? 1 : 1;
    return base * mult;
  }
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(t)) return null;
  return parseCnBig(t);
}

// Split on the big units first (亿 then 万) so 一亿二千万 = 1×10⁸ + 2000×10⁴.
function parseCnBig(t: string): number | null {
  for (const [ch, mult] of [['亿', 1e8], ['万', 1e4]] as const) {
    const i = t.indexOf(ch);
    if (i < 0) continue;
    const head = t.slice(0, i);
    const tail = t.slice(i + 1);
    const h = head === '' ? null : parseCnBig(head);
    if (h === null) return null;
    if (tail === '') return h * mult;
    // 一万五 = 15000 (colloquial: trailing digit counts the next lower place)
    const colloquial = tail.length === 1 && CN_DIGITS[tail] !== undefined && CN_DIGITS[tail] !== 0;
    const r = colloquial ? (CN_DIGITS[tail] ?? 0) * (mult / 10) : parseCnBig(tail.replace(/^[零〇]/, ''));
    if (r === null) return null;
    return h * mult + r;
  }
  return parseCnSmall(t);
}

function parseCnSmall(t: string): number | null {
  if (t === '') return null;
  const chars = [...t];
  // No place units at all: positional digits (二〇二五), accepted only when unambiguous.
  if (chars.every((c) => CN_DIGITS[c] !== undefined)) {
    if (chars.length === 1) return CN_DIGITS[chars[0] ?? ''] ?? null;
    if (chars.length < 3 && !chars.some((c) => c === '〇' || c === '零')) return null; // 三五 = "3 or 5"
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    if (d !== undefined) {
      if (digit !== null) return null; // two digits in a row: 十四五 is a name, not a number
      if (d === 0) {
        afterZero = true;
        continue;
      }
      digit = d;
      continue;
    }
    const u = CN_SMALL_UNITS[c];
    if (u === undefined || u >= lastUnit) return null;
    total += (digit ?? (total === 0 ? 1 : NaN)) * u;
    if (Number.isNaN(total)) return null;
    lastUnit = u;
    digit = null;
    afterZero = false;
  }
  if (digit !== null) {
    // 两百五 = 250, 一千零五 = 1005
    total += !afterZero && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit;
  }
  return total;
}

// ───────────────────────────── clause splitting ─────────────────────────────

interface Clause {
  start: number; // absolute, trimmed
  end: number;
  text: string;
  sentence: number;
}

/** Per UTF-16 unit, which of the sets above it is in (bit flags): one lookup per character. */
const OPENER = 1;
const CLOSER = 2;
const CLAUSE_BREAK = 4;
const SENTENCE_BREAK = 8;
const CHAR_KIND = new Uint8Array(0x10000);
for (const [set, flag] of [
  [OPENERS, OPENER],
  [CLOSERS, CLOSER],
  [CLAUSE_BREAKS, CLAUSE_BREAK],
  [SENTENCE_BREAKS, SENTENCE_BREAK],
] as const) {
  for (const c of set) CHAR_KIND[c.charCodeAt(0)] = (CHAR_KIND[c.charCodeAt(0)] as number) | flag;
}

function splitClauses(p: string): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let sentence = 0;
  let from = 0;
  const push = (a: number, b: number, s: number): void => {
    let x = a;
    let y = b;
    while (x < y && /\s/.test(p[x] ?? '')) x++;
    while (y > x && /\s/.test(p[y - 1] ?? '')) y--;
    if (y > x) out.push({ start: x, end: y, text: p.slice(x, y), sentence: s });
  };
  for (let i = 0; i < p.length; i++) {
    const kind = CHAR_KIND[p.charCodeAt(i)] as number;
    if (kind === 0) continue;
    if (kind & OPENER) depth++;
    else if (kind & CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0 && kind & CLAUSE_BREAK) {
      push(from, i, sentence);
      from = i + 1;
      if (kind & SENTENCE_BREAK) sentence++;
    }
  }
  push(from, p.length, sentence);
  return out;
}

// ───────────────────────────── deadline years ─────────────────────────────

interface YearMark {
  pos: number;
  year: number;
}

// 比2015年 / 2016—2020年 are deliberately not matched: only deadline phrasing counts.
const Y = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const DEADLINE_RES: readonly RegExp[] = [
  new RegExp(`(?:到|至|截至|截止到|截止)${Y}年`, 'g'),
  new RegExp(`${Y}年(?:底|末|年底)?(?:前|以前|之前)`, 'g'),
  new RegExp(`(?:^|[，；：。])\\s*${Y}年(?:底|末)?\\s*(?=[，；：。]|$)`, 'g'),
];

function findDeadlines(p: string): YearMark[] {
  const marks = new Map<number, number>();
  for (const re of DEADLINE_RES) {
    for (const m of p.matchAll(re)) {
      const y = parseChineseNumber(m[1] ?? '') ?? 0;
      if (y < 1949 || y > 2100) continue;
      const pos = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
      marks.set(pos, y);
    }
  }
  return [...marks.entries()].map(([pos, year]) => ({ pos, year })).sort((a, b) => a.pos - b.pos);
}

function yearFor(marks: readonly YearMark[], clause: Clause, absPos: number): number | null {
  let best: number | null = null;
  for (const m of marks) if (m.pos < absPos) best = m.year;
  if (best !== null) return best;
  const inClause = marks.find((m) => m.pos >= clause.start && m.pos < clause.end);
  return inClause ? inClause.year : null;
}

// ───────────────────────────── number tokens ─────────────────────────────

interface NumToken {
  start: number; // clause-relative
  end: number; // after number, unit and suffix
  value: number;
  unit: string | null;
  suffix: 'gte' | 'lte' | 'approx' | null;
  more: boolean;
  indefiniteOne: boolean; // Chinese 一 alone: 一个/一家 is an article, not a count
  chinese: boolean;
}

const NUMBER_RE =
  /百分之([零〇一二两三四五六七八九十百千]+|\d+(?:\.\d+)?)|(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z0-9])|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*/g;

const byLengthDesc = (xs: readonly string[]): string[] => [...xs].sort((a, b) => b.length - a.length);
const UNITS_SORTED = byLengthDesc(UNITS);
const MULTIPLIERS_SORTED = byLengthDesc(MULTIPLIERS);
const SUFFIXES_SORTED: Array<[string, 'gte' | 'lte' | 'approx']> = (
  Object.entries(SUFFIX_WORDS) as Array<['gte' | 'lte' | 'approx', readonly string[]]>
)
  .flatMap(([k, ws]) => ws.map((w): [string, 'gte' | 'lte' | 'approx'] => [w, k]))
  .sort((a, b) => b[0].length - a[0].length);

function matchUnit(rest: string): string | null {
  for (const u of UNITS_SORTED) {
    if (!rest.startsWith(u)) continue;
    const guard = UNIT_NOT_FOLLOWED_BY[u];
    if (guard && guard.test(rest.slice(u.length))) continue;
    return u;
  }
  return null;
}

function quoteDepthAt(text: string, pos: number): number {
  let d = 0;
  for (let i = 0; i < pos; i++) {
    if (text[i] === '“') d++;
    else if (text[i] === '”') d = Math.max(0, d - 1);
  }
  return d;
}

/** A range dash (— – - ～ ~) right before `at`, spaces allowed: the end of 3—5个. */
function dashBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return i >= 0 && '—–-～~'.includes(text[i] as string);
}

function scanNumbers(text: string): NumToken[] {
  const out: NumToken[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    let pos = start + m[0].length;
    const chinese = m[1] === undefined && m[2] === undefined;
    let raw = m[1] ?? m[2] ?? m[0];
    let multiplier = '';
    if (chinese) {
      // Trailing 万/亿 move into the unit, as for ASCII numbers (三千万元 → 3000 万元).
      const tail = /(万亿|亿|万)$/.exec(raw);
      if (tail && raw.length > tail[0].length) {
        multiplier = tail[0];
        raw = raw.slice(0, -multiplier.length);
      }
    } else if (m[2] !== undefined) {
      multiplier = MULTIPLIERS_SORTED.find((x) => text.startsWith(x, pos)) ?? '';
      pos += multiplier.length;
    }
    const value = parseChineseNumber(raw);
    if (value === null) continue;
    const rangeAfter = /^(?:—|–|-|～|~|至|到)\s*[\d一二两三四五六七八九十]/.test(text.slice(pos));
    const rangeBefore = dashBefore(text, start);
    if (rangeAfter || rangeBefore) continue; // ranges (3—5个, 2016—2020年) are not targets

    let unit: string | null = m[1] !== undefined ? '%' : null; // 百分之九十
    const more = unit === null ? MORE_MARKERS.find((x) => text.startsWith(x, pos)) : undefined;
    if (unit === null) {
      const unitPos = pos + (more?.length ?? 0);
      const base = matchUnit(text.slice(unitPos));
      if (base !== null) {
        if (multiplier && PERCENT_UNITS.includes(base)) continue;
        unit = multiplier + base;
        pos = unitPos + base.length;
      } else if (multiplier) {
        // A bare 万/亿 is a unit only when nothing word-like follows (2300万以内 yes, 千亿级 no).
        const after = text.slice(unitPos);
        const suffixNext = SUFFIXES_SORTED.some(([w]) => after.startsWith(w));
        if (!suffixNext && /^[\u4e00-\u9fff]/.test(after)) continue;
        unit = multiplier;
        pos = unitPos;
      } else if (more) continue;
    }
    if (unit === null && chinese) continue; // 一批, 十四五, 五大: Chinese numerals need a unit
    if (/^\d{4}$/.test(raw) && /^[年月]/.test(text.slice(start + raw.length))) continue; // a year
    if (unit === '年' && value >= 100) continue; // 二〇二五年
    const suffix = SUFFIXES_SORTED.find(([w]) => text.startsWith(w, pos));
    out.push({
      start,
      end: pos + (suffix?.[0].length ?? 0),
      value,
      unit,
      suffix: suffix?.[1] ?? null,
      more: more !== undefined,
      indefiniteOne: chinese && raw === '一' && multiplier === '',
      chinese,
    });
  }
  return out;
}

// ───────────────────────────── tail peeling ─────────────────────────────

type TailKind = 'cmp' | 'create' | 'adverb' | 'each' | 'respectively' | 'aspire' | 'past';
interface TailWord {
  word: string;
  kind: TailKind;
  comparator?: Comparator;
}

const TAIL_WORDS: TailWord[] = [
  ...(Object.entries(COMPARATOR_WORDS) as Array<[Comparator, readonly string[]]>).flatMap(([c, ws]) =>
    ws.map((word): TailWord => ({ word, kind: 'cmp', comparator: c })),
  ),
  ...[...CREATION_VERBS.strong, ...CREATION_VERBS.weak].map((word): TailWord => ({ word, kind: 'create' })),
  ...ADVERBS.map((word): TailWord => ({ word, kind: 'adverb' })),
  ...EACH_WORDS.map((word): TailWord => ({ word, kind: 'each' })),
  ...RESPECTIVELY_WORDS.map((word): TailWord => ({ word, kind: 'respectively' })),
  ...ASPIRATION_WORDS.map((word): TailWord => ({ word, kind: 'aspire' })),
  ...PAST_MARKERS.map((word): TailWord => ({ word, kind: 'past' })),
].sort((a, b) => b.word.length - a.word.length);

const BASELINE_RE = /(?:比|较)(?:\d{4}年(?:底|末)?|上年|去年|上一年度?|基期|基准年|“十[一二三四五六七八九]五”末)$/;

interface Peel {
  comparator: Comparator | null; // closest comparator word; approx tracked separately
  approx: boolean;
  create: boolean;
  past: boolean;
  split: 'each' | 'respectively' | null;
  cut: number; // pre.slice(0, cut) is the indicator candidate
}

function peelTail(pre: string): Peel {
  const r: Peel = { comparator: null, approx: false, create: false, past: false, split: null, cut: pre.length };
  let i = pre.length;
  for (;;) {
    while (i > 0 && /\s/.test(pre[i - 1] ?? '')) i--;
    const head = pre.slice(0, i);
    const base = BASELINE_RE.exec(head);
    if (base) {
      i -= base[0].length;
      continue;
    }
    const w = TAIL_WORDS.find((t) => {
      if (!head.endsWith(t.word)) return false;
      if (t.kind === 'cmp' && t.comparator !== 'approx') return r.comparator === null && !r.create;
      if (t.kind === 'cmp') return !r.approx && r.comparator === null && !r.create;
      if (t.kind === 'create') return !r.create && (!WEAK_SORTED.includes(t.word) || weakVerbGoverns(head.slice(0, -t.word.length)));
      return true;
    });
    if (!w) break;
    if (w.kind === 'cmp' && w.comparator === 'approx') r.approx = true;
    else if (w.kind === 'cmp') r.comparator = w.comparator ?? null;
    else if (w.kind === 'create') r.create = true;
    else if (w.kind === 'past') r.past = true;
    else if (w.kind === 'each' || w.kind === 'respectively') r.split = w.kind;
    i -= w.word.length;
  }
  r.cut = i;
  return r;
}

/** 建设5个… governs the number only at a clause start or after a leader; 质量基础建设五个方面 does not. */
function weakVerbGoverns(before: string): boolean {
  const b = before.trimEnd();
  if (b === '' || /(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)?(?:前|以前|之前)?$/.test(b)) return true;
  return [...WEAK_VERB_LEADERS, ...ASPIRATION_WORDS, ...CREATION_VERBS.strong, ...CREATION_VERBS.weak].some((x) => b.endsWith(x));
}

// ───────────────────────────── indicator cleaning ─────────────────────────────

function stripOuterQuotes(s: string): string {
  if (s.startsWith('“') && s.endsWith('”') && !s.slice(1, -1).includes('“') && !s.slice(1, -1).includes('”')) {
    return s.slice(1, -1);
  }
  return s;
}

function cleanIndicator(raw: string): string {
  let s = raw.replace(/[（(]以下简称[^）)]*[）)]/g, '').trim();
  let lastMid = -1;
  for (const m of s.matchAll(MID_SCAFFOLD_RE)) lastMid = (m.index ?? 0) + m[0].length;
  if (lastMid > 0) s = s.slice(lastMid);
  for (;;) {
    const before = s;
    s = s.replace(/^[\s、，]+/, '');
    if (PROTECTED_TERMS.some((t) => s.startsWith(t))) break;
    s = s.replace(LEADING_SCAFFOLD_RE, '');
    if (s === before) break;
  }
  s = peelTrailing(s);
  s = s.replace(/[\s、，]+$/, '');
  return stripOuterQuotes(s.trim());
}

// Single-character adverbs (可, 将, 均…) are left alone here: they too often end real nouns (人均, 认可).
const TRAILING_WORDS = byLengthDesc([...ADVERBS, ...RESPECTIVELY_WORDS, ...ASPIRATION_WORDS].filter((w) => w.length > 1));

function peelTrailing(s: string): string {
  let out = s;
  for (;;) {
    const base = BASELINE_RE.exec(out);
    if (base) {
      out = out.slice(0, out.length - base[0].length);
      continue;
    }
    const w = TRAILING_WORDS.find((x) => out.endsWith(x) && out.length > x.length);
    if (!w) return out;
    out = out.slice(0, out.length - w.length);
  }
}

/** Split "A和B" when every part ends like a measurable noun (合格率和…合格率均高于98%). */
function splitIndicators(s: string): string[] {
  const parts = s.split(/、|以及|和|与|及/).map((x) => x.trim());
  if (parts.length < 2 || parts.some((x) => x.length < 2)) return [s];
  return parts.every((x) => METRIC_SUFFIXES.some((suf) => x.endsWith(suf))) ? parts : [s];
}

/**
 * The counted noun after the number: 布局建设5家[计量测试领域国家级中心]（基地…）.
 * It stops before the next number only when a list link (、和及) separates them
 * (建设5个A和10个B); otherwise the rest of the clause is the noun (10家年产值超过100亿元的企业).
 */
function postNoun(text: string, from: number, nextStart: number): { noun: string; end: number } {
  const upToNext = text.slice(from, nextStart);
  const link = LIST_LINK_END_RE.exec(upToNext);
  let seg = link ? upToNext.slice(0, link.index) : text.slice(from);
  const stop = POST_NOUN_STOP_RE.exec(seg);
  if (stop) seg = seg.slice(0, stop.index);
  const end = link ? nextStart : from + seg.length;
  seg = seg.replace(/^的/, '').replace(/[（(][^）)]*[）)]$/, '').replace(/等$/, '');
  return { noun: stripOuterQuotes(seg.trim()), end };
}

// ───────────────────────────── creation verb search (plain counts) ─────────────────────────────

const STRONG_SORTED = byLengthDesc(CREATION_VERBS.strong);
const ADVERBS_SORTED = byLengthDesc(ADVERBS);
const WEAK_SORTED = byLengthDesc(CREATION_VERBS.weak);

/** Where a creation verb governs `pre` ("新培育“甘肃名牌产品”"): returns the index after it. */
function findCreationVerb(pre: string): number | 'past' | null {
  const at = locateCreationVerb(pre);
  if (at === null) return null;
  // 已建成…300个 / 已累计培育…80家 are achievements already reached, not targets.
  let before = pre.slice(0, at.start).trimEnd();
  for (let a = ADVERBS_SORTED.find((x) => before.endsWith(x)); a; a = ADVERBS_SORTED.find((x) => before.endsWith(x))) {
    before = before.slice(0, -a.length);
  }
  if (PAST_MARKERS.some((m) => before.endsWith(m))) return 'past';
  return at.end;
}

function locateCreationVerb(text: string): { start: number; end: number } | null {
  // Mask protected names (城镇新增就业) so the verbs inside them are not found.
  let pre = text;
  for (const t of PROTECTED_TERMS) pre = pre.split(t).join('□'.repeat(t.length));
  let lead = pre;
  for (;;) {
    const before = lead;
    lead = lead
      .replace(/^[\s、，]+/, '')
      .replace(/^(?:在[^，；。]{1,12}?(?:领域|方面|行业|中))/, '')
      .replace(/^(?:全省|全市|全区|全县|全州|全国)/, '')
      .replace(LEADING_SCAFFOLD_RE, (m) => (STRONG_SORTED.includes(m) || WEAK_SORTED.includes(m) ? m : ''));
    if (lead === before) break;
  }
  const offset = pre.length - lead.length;
  for (const v of [...STRONG_SORTED, ...WEAK_SORTED]) {
    if (lead.startsWith(v)) return { start: offset, end: offset + v.length };
  }
  // Otherwise the last strong verb anywhere (weak verbs occur inside nouns: 地理标志保护示范区).
  let best: { start: number; end: number } | null = null;
  for (let i = 0; i < pre.length; i++) {
    const v = STRONG_SORTED.find((x) => pre.startsWith(x, i));
    if (v) {
      best = { start: i, end: i + v.length };
      i += v.length - 1;
    }
  }
  return best;
}

// ───────────────────────────── main ─────────────────────────────

interface ChainState {
  comparator: Comparator;
  percent: boolean;
  post: boolean; // the previous target's noun came after the number
  queue: string[]; // remaining 分别 indicators
}

const isPercent = (u: string | null): boolean => u !== null && PERCENT_UNITS.includes(u);

function aspirationIn(s: string): boolean {
  for (const w of ASPIRATION_WORDS) {
    let i = s.indexOf(w);
    while (i >= 0) {
      const after = s.slice(i + w.length);
      if (!(w === '努力' && /^\s*$/.test(after))) return true;
      i = s.indexOf(w, i + 1);
    }
  }
  return false;
}

export function extractTargets(paragraph: string): TargetMatch[] {
  const results: TargetMatch[] = [];
  const deadlines = findDeadlines(paragraph);
  let sentence = -1;
  let chain: ChainState | null = null;
  let carryAspiration = false;
  let statusQuo = false;

  for (const clause of splitClauses(paragraph)) {
    if (clause.sentence !== sentence) {
      sentence = clause.sentence;
      chain = null;
      carryAspiration = false;
      statusQuo = false;
    }
    if (STATUS_QUO_MARKERS.some((w) => clause.text.startsWith(w))) statusQuo = true;
    const text = clause.text;
    const before = results.length;
    const funding = [...FUNDING_WORDS, ...PENALTY_WORDS].some((w) => text.includes(w));
    const tokens = funding || statusQuo ? [] : scanNumbers(text);
    let region = 0; // start of the text that can still name an indicator

    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (!tok || tok.start < region) continue;
      const nextStart = tokens[k + 1]?.start ?? text.length;
      // After a previous target, a leading 和/及/、 is a list link, not part of the next name.
      const pre = region > 0 ? text.slice(region, tok.start).replace(LIST_LINK_START_RE, '') : text.slice(0, tok.start);
      const preTrim = pre.replace(/\s+$/, '');
      if (GUARD_PREFIXES.some((g) => preTrim.endsWith(g))) continue;
      if (tok.chinese && CN_GUARD_PREFIXES.some((g) => preTrim.endsWith(g))) continue;
      if (quoteDepthAt(text, tok.start) > 0) continue; // “新智造100”, “四个全面”: names
      const peel = peelTail(pre);
      if (peel.past) continue;
      const followedByDe = text[tok.end] === '的';
      const atListEnd = /^\s*(?:$|、|和|及|以及|[）)])/.test(text.slice(tok.end));

      let comparator: Comparator | null = null;
      let indicators: string[] = [];
      let post = false;
      let consumedTo = tok.end;
      const percent = isPercent(tok.unit);
      const governed = peel.create || peel.comparator !== null || peel.approx;

      // Comparator precedence: 增长/下降 > 左右/约 > 以上/以下 > 余/多 > explicit word > creation verb.
      if (peel.comparator === 'increase' || peel.comparator === 'decrease') comparator = peel.comparator;
      else if (tok.suffix === 'approx' || peel.approx) comparator = 'approx';
      else if (tok.suffix) comparator = tok.suffix;
      else if (tok.more) comparator = 'gt';
      else if (peel.comparator) comparator = peel.comparator;
      else if (peel.create) comparator = 'eq';

      const preNoun = cleanIndicator(pre.slice(0, peel.cut));
      if (governed) {
        if (followedByDe && !peel.create) continue; // 产值超过1000万元的企业: a qualifier
        const pn = peel.create ? postNoun(text, tok.end, nextStart) : null;
        if (pn && pn.noun !== '') {
          // 布局建设5家[计量测试领域国家级中心]: the counted noun follows the number
          indicators = [cleanIndicator(pn.noun)];
          post = true;
          consumedTo = pn.end;
        } else if (preNoun !== '') indicators = [preNoun];
      } else {
        if (followedByDe || tok.unit === null) continue;
        // Plain count governed by a creation verb earlier in the clause: 新培育“甘肃名牌产品”70个.
        const v = percent ? null : findCreationVerb(pre);
        if (v === 'past') continue;
        const gap = v === null ? '' : cleanIndicator(pre.slice(v));
        if (gap !== '') {
          comparator ??= 'eq';
          indicators = [gap];
        } else if (comparator !== null) {
          // Only a suffix or 余/多 (合格率95%以上): the noun must come before.
          if (preNoun !== '') indicators = [preNoun];
        } else if (chain && chain.percent === percent) {
          // Continuing a list: …600家，国家地理标志保护示范区5家 / 建设5个A和10个B / 分别达到90%和95%.
          comparator = chain.comparator;
          if (chain.post && !percent) {
            const pn = postNoun(text, tok.end, nextStart);
            if (pn.noun !== '') {
              indicators = [cleanIndicator(pn.noun)];
              post = true;
              consumedTo = pn.end;
            }
          } else if (atListEnd && preNoun !== '') indicators = [preNoun];
          else if (atListEnd && chain.queue.length > 0) indicators = [];
          else continue;
        } else continue;
      }
      if (comparator === null) continue;
      // Unless its noun follows (布局建设5家…中心), a value must end its list item:
      // 支持营业收入5亿元以上企业… uses the number as a qualifier.
      if (!post && !atListEnd && /^\s*[\u4e00-\u9fff]/.test(text.slice(tok.end))) continue;
      if (indicators.some((x) => STRUCTURAL_NOUNS.some((n) => x.endsWith(n)))) continue;

      if (indicators.length === 0 && chain && chain.queue.length > 0 && isPercent(tok.unit) === chain.percent) {
        indicators = [chain.queue.shift() ?? ''];
      }
      indicators = indicators.filter((x) => x !== '');
      if (indicators.length === 0) continue;
      if (tok.unit === null && !INDEX_WORDS.some((w) => indicators[0]?.endsWith(w))) continue;
      if (tok.unit === null && peel.create) continue;
      if (tok.unit !== null && TIME_UNITS.includes(tok.unit) && comparator === 'eq') continue;
      if (tok.indefiniteOne && comparator === 'eq') continue;

      let queue: string[] = [];
      if (peel.split && indicators.length === 1) {
        const parts = splitIndicators(indicators[0] ?? '');
        if (peel.split === 'each') indicators = parts;
        else if (parts.length > 1) {
          indicators = parts.slice(0, 1);
          queue = parts.slice(1);
        }
      }

      const year = yearFor(deadlines, clause, clause.start + tok.start);
      const aspirational = carryAspiration || aspirationIn(text.slice(0, tok.start));
      for (const indicator of indicators) {
        results.push({
          start: clause.start,
          end: clause.end,
          text,
          indicator,
          comparator,
          value: tok.value,
          unit: tok.unit,
          year,
          aspirational,
        });
      }
      const previousQueue: string[] = (chain as ChainState | null)?.queue ?? [];
      chain = { comparator, percent: isPercent(tok.unit), post, queue: queue.length > 0 ? queue : previousQueue };
      region = consumedTo;
    }
    // A clause like 力争到2025年 with no target of its own governs the rest of the sentence.
    if (results.length === before && aspirationIn(text)) carryAspiration = true;
  }
  return results;
}
