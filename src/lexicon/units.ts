// Units of measure and measure words (量词) printed after a number: 个 家 项 …, areas,
// lengths, money, durations, per-units (万吨/天, 平方米/人), percentages, and Latin units
// (MW, km, dB, TFLOPS). 万/亿 before a unit are multipliers that stay in the unit, so a
// value is compared in the unit it was printed in (300万平方米 → 300, 万平方米).

/** Chinese units and measure words, longest first where one is a prefix of another. */
export const UNITS: readonly string[] = [
  '个百分点', '百分点', '%', '‰',
  '个工作日', '工作日', '个自然日', '自然日', '个小时', '个月', '个季度', '人次', '户次', '车次', '架次', '航次', '标准箱', '标箱',
  '吨标准煤', '吨标煤', '吨二氧化碳', '千瓦时', '兆瓦时', '度电',
  '平方公里', '平方千米', '平方米', '平米', '立方米', '立方', '微克/立方米', '毫克/升', '公里', '千米', '厘米', '毫米', '千克', '公斤', '公顷',
  '千瓦', '兆瓦', '吉瓦', '千伏', '分贝', '美元', '欧元', '港元', '元',
  '个', '家', '项', '件', '所', '座', '处', '条段', '条', '张', '台', '套', '辆', '部', '种', '款', '只', '头', '支', '场', '次', '篇', '册',
  '栋', '幢', '户', '名', '位', '人', '岁', '年', '天', '日', '小时', '分钟', '秒', '周', '倍', '分', '亩', '吨', '方', '米', '克',
  '斤', '床', '起', '片', '块', '株', '棵', '根', '口', '盏', '艘', '组', '间', '层', '段', '道', '本', '门', '节', '轮',
  '例', '宗', '笔', '份', '粒', '匹', '度', '科',
].filter((u, i, all) => all.indexOf(u) === i);

/** Units of a share or a change of share. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set(['%', '‰', '个百分点', '百分点']);
/** Units of time: a span (3年) is a duration, not a created count. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['年', '个月', '个季度', '个工作日', '工作日', '个自然日', '自然日', '天', '日', '个小时', '小时', '分钟', '秒', '周']);
/** Money: amounts paid (subsidies, fines) are not targets; sizes of an economy are. */
export const MONEY_UNITS: ReadonlySet<string> = new Set(['元', '美元', '欧元', '港元']);
/** Measure words that count things (10家以上龙头企业), unlike amounts (5亿元以上企业). */
export const COUNT_UNITS = new Set<string>(['个', '家', '项', '件', '所', '座', '处', '条', '张', '台', '套', '辆', '部', '种', '款', '只', '头', '支', '场', '次', '篇', '册', '栋', '幢', '户', '名', '位', '人', '起', '片', '块', '株', '棵', '根', '口', '盏', '艘', '组', '间', '层', '段', '道', '本', '门', '节', '轮', '例', '宗', '笔', '份', '科', '条段', '人次', '户次', '批']);

/** Multipliers kept in the unit: 300万平方米 → 300 万平方米, 1.5亿元 → 1.5 亿元. */
export const MULTIPLIERS: readonly string[] = ['万亿', '千亿', '百亿', '千万', '百万', '亿', '万'];

/** A unit is not one when the text after it shows it begins another word (年底, 条件, 部门…). */
export const UNIT_NOT_FOLLOWED_BY: Readonly<Record<string, RegExp>> = {
  年: /^(?:月|底|末|前|内|后|起|度|初|中|来|间|期|级|份|代|龄|以来|以后|以前|一遇|之)/,
  日: /^(?:起|前|后|以来|止|至)/,
  分: /^(?!以|左|及|或)[\u4e00-\u9fff]/,
  部: /^(?:门|署|分|委)/,
  种: /^(?:类|子|植|养|业)/,
  场: /^(?:所|馆|景|地|景|站|域|合)/,
  支: /^(?:持|撑|付|出|部)/,
  户: /^(?:籍|外|型)/,
  位: /^(?:于|置|居|一体|数)/,
  克: /^(?:服|隆)/,
  人: /^(?:民|员|才|口|工|士|群|均|大|事)/,
  所: /^(?:有|在|属|需|得|谓|以|示|述|列|载|称)/,
  处: /^(?:理|于|置|罚|室|级)/,
  条: /^(?:件|例|款|线|块|文)/,
  家: /^(?:庭|居|电|乡|园|具|政)/,
  项: /^(?:目)/,
  名: /^(?:牌|单|称|录|义|誉|胜|片)/,
  米: /^(?:粮|面)/,
  起: /^(?:步|草|来|点|始|源|到|码|诉|见)/,
  方: /^(?:面|式|案|法|向|针|位|便|式|略|言|志|舱|阵|可|能|米|公里)/,
  度: /^(?:假|过|电)/,
  期: /^(?:间|限|内|末|满|货|刊)/,
  门: /^(?:户|类|槛|店|诊)/,
  道: /^(?:路|德|理)/,
  段: /^(?:位)/,
  片: /^(?:区)/,
  层: /^(?:次|面|级)/,
  节: /^(?:能|约|点|日|水)/,
  本: /^(?:地|市|区|级|土|科|着|身)/,
  轮: /^(?:次)/,
  口: /^(?:岸|径|号)/,
  间: /^(?:隔|接)/,
  组: /^(?:织|建|成|团)/,
  块: /^(?:地)/,
  根: /^(?:据|本|源)/,
  例: /^(?:如)/,
  笔: /^(?:记)/,
  份: /^(?:额)/,
  头: /^(?:部)/,
  床: /^(?:位)/,
  届: /^(?:时|满)/,
  周: /^(?:边|期|转|年)/,
  秒: /^$/,
  元: /^(?:素|旦|宵)/,
  次: /^(?:性|要|序|生|级|数)/,
  科: /^(?:技|学|研|室|普|目|教|创|长|级|类|别|员|幻|协|院|考)/,
};

/** Latin units (SI and trade): a prefix and a base, case as printed. */
const LATIN_BASES = [
  'm', 'm2', 'm3', 'g', 't', 'W', 'Wh', 'V', 'A', 'Hz', 'Pa', 'T', 's', 'h', 'min', 'd', 'dB', 'bps', 'B', 'FLOPS', 'OPS', 'ppm', 'L', 'lm', 'lx', 'mu',
];
const LATIN_PREFIXES = ['', 'k', 'K', 'M', 'G', 'T', 'P', 'E', 'c', 'm', 'μ', 'u', 'n', 'p'];
const LATIN_UNITS = new Set<string>([...LATIN_BASES.flatMap((b) => LATIN_PREFIXES.map((p) => p + b)), 'km2', 'km²', 'm²', 'm³', '℃']);
/** Units whose case writers vary (PFlops, Tflops, Gbps): matched case-blind, kept as printed. */
const LATIN_ANY_CASE = new Set<string>(['FLOPS', 'OPS', 'bps'].flatMap((b) => LATIN_PREFIXES.map((p) => (p + b).toLowerCase())));
const isLatinUnit = (name: string): boolean => LATIN_UNITS.has(name) || LATIN_ANY_CASE.has(name.toLowerCase());
/** Units that would otherwise be read inside model names and codes (5G, G15, 3D, 4K). */
const LATIN_NOT_UNITS = new Set(['G', 'D', 'K', 'P', 'E', 'S', 'N', 'A', 'B', 'C', 'T', 'X']);

// A Latin unit: letters (and a power digit), an optional second word (T OPS), an optional /per.
const LATIN = /^ ?([A-Za-zμ℃][A-Za-z²³]*[23²³]?)(?: ([A-Z]{2,}[a-z]*))?(?:\/([A-Za-z][A-Za-z]*[23²³]?))?(?![A-Za-z0-9])/;

export interface UnitMatch {
  unit: string;
  /** Length of the printed unit, from where the match started. */
  length: number;
}

const CN_UNITS = [...UNITS].sort((a, b) => b.length - a.length);
/** First characters of the Chinese units, for a quick test before matchUnit. */
export const UNIT_FIRST_CHARS: ReadonlySet<string> = new Set(CN_UNITS.map((u) => u[0] as string));
/** Per-units: 万吨/天, 平方米/人, 千米/平方千米, 元/吨. */
const PER = /^\s*[/／]\s*/;
/** A measure-word alternative in brackets: 15条（段）, 3块（条）. */
const ALTERNATIVE = /^[（(]([\u4e00-\u9fff]{1,2})[）)]/;

/** Units by their first UTF-16 unit, longest first: one small list to try for each number. */
const BY_FIRST = new Map<number, string[]>();
for (const u of CN_UNITS) BY_FIRST.set(u.charCodeAt(0), [...(BY_FIRST.get(u.charCodeAt(0)) ?? []), u]);
const NO_UNITS: readonly string[] = [];

/** The Chinese unit at the start of `rest`, or null. */
function chineseUnit(rest: string): string | null {
  // (An empty text has none; its first unit, NaN, would deoptimise the compiled code.)
  if (rest === '') return null;
  for (const u of BY_FIRST.get(rest.charCodeAt(0)) ?? NO_UNITS) {
    if (!rest.startsWith(u)) continue;
    const guard = UNIT_NOT_FOLLOWED_BY[u];
    if (guard?.test(rest.slice(u.length))) continue;
    return u;
  }
  return null;
}

/**
 * The unit printed at the start of `rest` (right after a number and its multiplier), with
 * a per-unit (万吨/天) and a bracketed alternative (条（段）) when printed; Latin units are
 * accepted from a known set only, so 5G and 3D are no units.
 */
export function matchUnit(rest: string): UnitMatch | null {
  let base = chineseUnit(rest);
  let length = base?.length ?? 0;
  if (base === null) {
    const latin = LATIN.exec(rest);
    if (!latin) return null;
    const [whole, first = '', second, per] = latin;
    const name = second ? `${first}${second}` : first;
    if (LATIN_NOT_UNITS.has(name) || (!isLatinUnit(name) && !isLatinUnit(first))) return null;
    if (second && !isLatinUnit(name)) return { unit: first, length: whole.indexOf(first) + first.length };
    if (per && !isLatinUnit(per) && !/^w$/i.test(per)) return { unit: whole.slice(0, whole.indexOf('/')).trim(), length: whole.indexOf('/') };
    return { unit: whole.trim(), length: whole.length };
  }
  // 万吨/天, 平方米/人, 千米/平方千米
  const per = PER.exec(rest.slice(length));
  if (per) {
    const after = rest.slice(length + per[0].length);
    const denominator = chineseUnit(after);
    if (denominator) {
      base = `${base}/${denominator}`;
      length += per[0].length + denominator.length;
    }
  }
  const alternative = ALTERNATIVE.exec(rest.slice(length));
  if (alternative && chineseUnit(alternative[1] ?? '') === alternative[1]) {
    base = `${base}（${alternative[1]}）`;
    length += alternative[0].length;
  }
  return { unit: base, length };
}

/** The unit as analysts compare it: full-width ％ is %, 平米 stays as printed. */
export function canonicalUnit(unit: string): string {
  // (Most units hold neither: they are returned as they are, with no replace run.)
  if (!unit.includes('％') && !unit.includes('／')) return unit;
  return unit.replace(/％/g, '%').replace(/／/g, '/');
}
