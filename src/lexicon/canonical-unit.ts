// The canonical name of a government unit as printed: one full name for every way documents
// print the same organ, and the organ that took over one merged or renamed.
//  - national organs from the curated table (national-organs.ts): 工信部, 中华人民共和国工业和
//    信息化部 → 工业和信息化部; 质检总局 → successor 国家市场监督管理总局 since 2018-03;
//  - their offices in a place: 山东证监局, 中国证监会山东监管局 → 中国证券监督管理委员会山东监管局;
//  - local organs: the place (printed, or the document's place for a bare 省/市/区 prefix) and the
//    organ's full name from its printed short name: 市发改委 in 上海 → 上海市发展和改革委员会,
//    区规划资源局 in 上海市黄浦区 → 上海市黄浦区规划和自然资源局;
//  - local organs renamed by the reforms that followed the national ones (2018 in provinces,
//    2019 in cities and counties): 市工商局 → 市市场监督管理局.
// Names that are not one organ (各区政府, 有关部门) keep their printed form.
import { ISSUING_ORGAN_SUFFIX } from './organs.js';
import { BRANCH_ENDING, BRANCH_FORMS, NATIONAL_ORGANS, type NationalOrgan } from './national-organs.js';
import { LISTED_CITIES, PROVINCES, type Province, leadingProvince, provinceOf, provinceOfCity } from './places.js';

export interface CanonicalUnit {
  /** The canonical full name. */
  name: string;
  /** For an organ that was merged or renamed: the organ that took over (the first, if several). */
  successor?: string;
  /** Every organ that took over, when there were several (铁道部 → 国家铁路局, 中国铁路总公司). */
  successors?: string[];
  /** When the successor took over: YYYY-MM, or YYYY where the month differs from place to place. */
  since?: string;
}

/** A user's department aliases: a unit's name as printed → its canonical name (a config file's departmentAliases). */
export type DepartmentAliases = Readonly<Record<string, string>>;

export interface UnitContext {
  /** The place whose organs a bare 省/市/区 prefix names: 上海, 上海市黄浦区, 济南, 山东; 国家 or none for national. */
  place?: string | null;
  /** The document's date (YYYY-MM-DD or YYYY-MM): picks between organs that shared a short name over time. */
  date?: string | null;
  /** The document's issuer: a bare 监督司 in a ministry's document is one of its departments. */
  issuer?: string | null;
}

// ───────────────────────────── national organs ─────────────────────────────

const byName = new Map<string, NationalOrgan>();
const byAlias = new Map<string, NationalOrgan[]>();
for (const organ of NATIONAL_ORGANS) {
  byName.set(organ.name, organ);
  for (const alias of [organ.name, ...organ.aliases]) byAlias.set(alias, [...(byAlias.get(alias) ?? []), organ]);
}
/** When each organ came into being: its predecessor's `since`. */
const founded = new Map<string, string>();
for (const organ of NATIONAL_ORGANS) {
  for (const s of organ.successors) if (organ.since) founded.set(s, organ.since);
}

function nationalOrgan(printed: string, date: string | null | undefined): NationalOrgan | undefined {
  const name = printed.replace(/^中华人民共和国/, '');
  const organs = byAlias.get(name);
  if (!organs?.length) return undefined;
  if (organs.length === 1 || !date) return organs[0];
  // 国家计委 named 国家计划委员会 until 1998 and 国家发展计划委员会 after.
  return organs.find((o) => (founded.get(o.name) ?? '') <= date && (o.since === null || date < o.since)) ?? organs[0];
}

function nationalResult(organ: NationalOrgan, suffix = '', since: string | null = organ.since): CanonicalUnit {
  const result: CanonicalUnit = { name: organ.name + suffix };
  const successors = organ.successors.map((s) => s + suffix);
  if (successors[0]) result.successor = successors[0];
  if (successors.length > 1) result.successors = successors;
  if (successors.length && since) result.since = since;
  return result;
}

// ───────────────────────────── local organs ─────────────────────────────

/**
 * Short forms of organ names → the full form (longest first within each group). A family that
 * places name two ways (住房和城乡建设委员会, Shanghai's 住房和城乡建设管理委员会) has one form
 * here and the place's own name in PLACE_NAMES.
 */
const FULL_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:发展和改革|发展改革|发改)委(?:员会)?/, '发展和改革委员会'],
  [/^(?:发展和改革|发展改革|发改)局/, '发展和改革局'],
  [/^(?:住房和城乡建设|住房城乡建设|住建)(?:管理)?委(?:员会)?/, '住房和城乡建设委员会'],
  [/^(?:住房城乡建设|住建)(?=局|厅|部)/, '住房和城乡建设'],
  [/^(?:人力资源社会保障|人社)(?=局|厅|部)/, '人力资源和社会保障'],
  [/^工信(?=局|厅|部)/, '工业和信息化'],
  [/^(?:经济和信息化|经济信息化|经信)委(?:员会)?/, '经济和信息化委员会'],
  [/^(?:经济信息化|经信)(?=局|厅)/, '经济和信息化'],
  [/^规划(?:和自然|自然)?资源局/, '规划和自然资源局'],
  [/^(?:规划和国土资源管理|规划国土资源|规土)局/, '规划和国土资源管理局'],
  [/^(?:文化旅游|文旅)(?=局|厅|部)/, '文化和旅游'],
  [/^(?:卫生健康|卫健)委(?:员会)?/, '卫生健康委员会'],
  [/^(?:卫生和计划生育|卫生计生|卫计)委(?:员会)?/, '卫生和计划生育委员会'],
  [/^市场监管(?=局|厅)/, '市场监督管理'],
  [/^(?:地方金融监管|金融监管)(?=局)/, '地方金融监督管理'],
  [/^科技(?=局|厅)/, '科学技术'],
  [/^科委/, '科学技术委员会'],
  [/^教委/, '教育委员会'],
  [/^经委/, '经济委员会'],
  [/^农委/, '农业委员会'],
  [/^国资委/, '国有资产监督管理委员会'],
  [/^(?:建设和管理|建设管理|建管)委(?:员会)?/, '建设和管理委员会'],
  [/^(?:建设和交通|建设交通|建交)委(?:员会)?/, '建设和交通委员会'],
  [/^人大常委会/, '人民代表大会常务委员会'],
  [/^人大(?!常)/, '人民代表大会'],
  [/^高新区/, '高新技术产业开发区'],
  [/^经开区/, '经济技术开发区'],
  [/^投促办/, '投资促进办公室'],
  [/^投促局/, '投资促进局'],
  [/^(?:住房保障和房屋管理|住房保障房屋管理|房屋管理|房管)局/, '住房保障和房屋管理局'],
  [/^城管执法局/, '城市管理行政执法局'],
  [/^城管委(?:员会)?/, '城市管理委员会'],
  [/^城管(?:理)?局/, '城市管理局'],
  [/^(?:绿化和市容管理|绿化市容)局/, '绿化和市容管理局'],
  [/^环保(?=局|厅)/, '环境保护'],
  [/^工商局/, '工商行政管理局'],
  [/^质监局/, '质量技术监督局'],
  [/^(?:食品药品监管|食药监)局/, '食品药品监督管理局'],
  [/^安监局/, '安全生产监督管理局'],
  [/^应急(?=局|厅)/, '应急管理'],
  [/^药监(?=局)/, '药品监督管理'],
  [/^广电(?=局|厅)/, '广播电视'],
  [/^医保局/, '医疗保障局'],
  [/^民宗委/, '民族宗教事务委员会'],
  [/^民宗局/, '民族宗教事务局'],
  [/^退役军人局/, '退役军人事务局'],
  [/^(?:委)?网信办/, '委网络安全和信息化委员会办公室'],
  [/^(?:委)?编办/, '委机构编制委员会办公室'],
  [/^外办/, '外事办公室'],
  [/^金融办/, '金融工作办公室'],
  [/^台办/, '台湾事务办公室'],
  [/^侨办/, '侨务办公室'],
  [/^国动办/, '国防动员办公室'],
  [/^人防办/, '人民防空办公室'],
  [/^(?:机关事务|机管)局/, '机关事务管理局'],
  [/^行政审批局/, '行政审批服务局'],
  [/^粮食和储备局/, '粮食和物资储备局'],
  [/^高院/, '高级人民法院'],
  [/^中院/, '中级人民法院'],
  [/^(?:人民)?检察院/, '人民检察院'],
  [/^(?:人民)?法院/, '人民法院'],
  [/^(?:人民)?政府/, '人民政府'],
  [/^妇联/, '妇女联合会'],
  [/^科协/, '科学技术协会'],
  [/^残联/, '残疾人联合会'],
];

/** Endings whose short form is a syllable: 管委(会) → 管理委员会, 商务委 → 商务委员会. */
function fullEnding(body: string): string {
  if (/管委会?$/.test(body)) return body.replace(/管委会?$/, '管理委员会');
  // 党委, 工委 (a working committee), 纪委 stay as printed.
  if (/委$/.test(body) && !/(?:党|工|纪|团)委$/.test(body)) return `${body}员会`;
  return body;
}

function fullBody(body: string): string {
  for (const [re, full] of FULL_FORMS) {
    if (re.test(body)) return fullEnding(body.replace(re, full));
  }
  return fullEnding(body);
}

/** A place's own name for an organ family, where it differs from the usual one. */
const PLACE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  上海市: { 住房和城乡建设委员会: '住房和城乡建设管理委员会' },
};

type Level = 'province' | 'city' | 'county';

/**
 * Organs renamed by the local reforms that followed a national one. `to` is the new name by
 * level; the date is 2018 for provinces and the four municipalities, 2019 below them.
 */
const LOCAL_RENAMES: ReadonlyArray<{ from: RegExp; to: Record<Level, string>; notInMunicipalities?: boolean }> = [
  { from: /^经济和信息化委员会$/, to: { province: '工业和信息化厅', city: '工业和信息化局', county: '工业和信息化局' }, notInMunicipalities: true },
  { from: /^(?:工商行政管理|质量技术监督|食品药品监督管理)局$/, to: { province: '市场监督管理局', city: '市场监督管理局', county: '市场监督管理局' } },
  { from: /^环境保护(?:厅|局)$/, to: { province: '生态环境厅', city: '生态环境局', county: '生态环境局' } },
  { from: /^国土资源(?:厅|局)$/, to: { province: '自然资源厅', city: '自然资源局', county: '自然资源局' } },
  { from: /^卫生和计划生育委员会$/, to: { province: '卫生健康委员会', city: '卫生健康委员会', county: '卫生健康委员会' } },
  { from: /^安全生产监督管理(?:厅|局)$/, to: { province: '应急管理厅', city: '应急管理局', county: '应急管理局' } },
  { from: /^农业(?:厅|局)$/, to: { province: '农业农村厅', city: '农业农村局', county: '农业农村局' } },
  { from: /^农业委员会$/, to: { province: '农业农村委员会', city: '农业农村局', county: '农业农村局' } },
  { from: /^(?:文化|旅游)(?:厅|局)$|^旅游发展委员会$/, to: { province: '文化和旅游厅', city: '文化和旅游局', county: '文化和旅游局' } },
];

interface Place {
  province?: Province;
  /** 济南市; for a municipality its own name. */
  city?: string;
  /** 黄浦区, 崂山区. */
  county?: string;
}

const PLACE_TAIL = /^([\u4e00-\u9fff]{1,4}?(?:自治州|自治县|市|区|县|州|盟|旗))/;
const LEVEL_PREFIX = /^(省|市|区|县|州|盟|旗)(?!场|区|级|直|属|委员会)/;

function cityPlace(name: string): Place {
  const city = name.endsWith('市') ? name : `${name}市`;
  const province = provinceOfCity(city);
  return province ? { province, city } : { city };
}

/** The document's place: 上海, 上海市黄浦区, 济南, 山东省. */
function contextPlace(place: string | null | undefined): Place | null {
  if (!place || place === '国家' || place === '全国' || place === '中央') return null;
  const lead = leadingPlace(place);
  if (lead) return lead.place;
  if (provinceOfCity(place)) return cityPlace(place);
  const tail = PLACE_TAIL.exec(place)?.[1];
  if (tail && /[区县旗]$/.test(tail)) return { county: tail };
  return cityPlace(place);
}

/**
 * A place printed at the start of a text: a province (full or short), then a city of it and a
 * county, each only where the words after it are not more of a word (市场, 区域, 县级, 市直).
 * The one reader of printed places: the document's place, a name's own, a title's.
 */
function leadingPlace(text: string): { place: Place; level: Level; length: number } | null {
  const lead = leadingProvince(text);
  if (!lead) return null;
  const { province } = lead;
  const place: Place = province.municipality ? { province, city: province.name } : { province };
  let level: Level = province.municipality ? 'city' : 'province';
  let at = lead.printed.length;
  for (;;) {
    const rest = text.slice(at);
    const tail = PLACE_TAIL.exec(rest)?.[1];
    if (!tail || /^(?:市场|区域|县域)/.test(rest) || /^(?:场|级|直|域)/.test(rest.slice(tail.length))) break;
    if (tail.endsWith('市')) {
      if (province.municipality || place.city || place.county) break;
      place.city = tail;
      level = 'city';
    } else {
      if (place.county) break;
      place.county = tail;
      level = 'county';
    }
    at += tail.length;
  }
  return { place, level, length: at };
}

function placeName(place: Place, level: Level): string | null {
  if (level === 'province') return place.province?.name ?? null;
  const city = place.city ?? null;
  if (level === 'city') return city;
  if (!place.county) return null;
  return (city ?? '') + place.county;
}

/** The place a name prints before its organ: 上海市黄浦区, 黄浦区 (in 上海), 济南市, 山东 (an office). */
function printedPlace(name: string, context: Place | null): { place: Place; level: Level; rest: string } | null {
  const lead = leadingPlace(name);
  if (lead) return { place: lead.place, level: lead.level, rest: name.slice(lead.length) };
  // The document's own city or county, printed short or full: 济南新旧动能转换起步区管委会, 黄浦区X.
  for (const [part, level] of [
    [context?.county, 'county'],
    [context?.city, 'city'],
  ] as const) {
    if (!part) continue;
    const short = part.replace(/[市区县]$/, '');
    const printed = name.startsWith(part) ? part : short;
    // 青岛海洋科技中心 is named after its city, not one of the city's organs.
    if (printed === short && INSTITUTION.test(name)) continue;
    if (short.length >= 2 && name.startsWith(printed) && name.length > printed.length) {
      return { place: context as Place, level, rest: name.slice(printed.length) };
    }
  }
  // A city printed with 市 before an organ: 济宁市政府, 烟台市发展改革委.
  const city = /^([^省市区县各全有相属关国城都][\u4e00-\u9fff]{1,2})市(?!场)/.exec(name)?.[1];
  if (city && (provinceOfCity(city) || ISSUING_ORGAN_SUFFIX.test(name.slice(city.length + 1)))) {
    return { place: cityPlace(city), level: 'city', rest: name.slice(city.length + 1) };
  }
  // Another county or district of the document's city: 崂山区政府 in 青岛.
  const county = /^([^省市区县各全有相属][\u4e00-\u9fff]{1,3}?(?:区|县))(?=[\u4e00-\u9fff]{2})/.exec(name)?.[1];
  if (county) return { place: { ...(context ?? {}), county }, level: 'county', rest: name.slice(county.length) };
  return null;
}

/** Organs managed from the centre whose local offices print as local organs: 省税务局 → 国家税务总局山东省税务局. */
const VERTICAL: ReadonlyArray<readonly [string, string]> = [['税务局', '国家税务总局']];

function localResult(placePrefix: string, level: Level, body: string, place: Place): CanonicalUnit {
  // 市委宣传部, 中共济南市委宣传部: the Party committee's organs carry 中共 before the place.
  if (body === '委' && placePrefix) return { name: `中共${placePrefix}委员会` };
  if (body.startsWith('委') && placePrefix) return { name: `中共${placePrefix}${fullBody(body)}` };
  const full = fullBody(body);
  const vertical = VERTICAL.find(([ending]) => full === ending);
  if (vertical && /[省市区县]$/.test(placePrefix)) return { name: vertical[1] + placePrefix + full };
  const own = (name: string) => PLACE_NAMES[place.province?.name ?? '']?.[name] ?? name;
  const result: CanonicalUnit = { name: placePrefix + own(full) };
  const municipality = place.province?.municipality === true;
  for (const rename of LOCAL_RENAMES) {
    if (!rename.from.test(full) || (rename.notInMunicipalities && municipality)) continue;
    const effectiveLevel: Level = municipality && level === 'city' ? 'province' : level;
    result.successor = placePrefix + own(rename.to[effectiveLevel]);
    result.since = effectiveLevel === 'province' ? '2018' : '2019';
    break;
  }
  return result;
}

/** A listed city at the start of a name, printed short or full: 济南分行, 青岛市税务局. */
function leadingCity(text: string): { printed: string; short: string } | null {
  for (let n = 2; n <= 4; n++) {
    const city = text.slice(0, n);
    if (!provinceOfCity(city)) continue;
    return { printed: text[n] === '市' ? `${city}市` : city, short: city };
  }
  return null;
}

/** A national organ's office in a place: 中国人民银行山东省分行, 金融监管总局山东监管局, 山东证监局. */
function branch(name: string): CanonicalUnit | null {
  for (const form of BRANCH_FORMS) {
    if (!name.endsWith(form.short)) continue;
    const printed = name.slice(0, -form.short.length);
    // A province's office (山东证监局), or a listed city's (青岛证监局, 深圳证监局).
    const place = provinceOf(printed)?.short ?? (provinceOfCity(printed) ? printed.replace(/市$/, '') : undefined);
    const organ = byName.get(form.organ);
    if (place && organ) return nationalResult(organ, place + form.ending, form.officesSince ?? organ.since);
  }
  for (let i = 2; i < name.length - 2; i++) {
    const organ = byAlias.get(name.slice(0, i).replace(/^中华人民共和国/, ''))?.[0];
    if (!organ) continue;
    const rest = name.slice(i);
    const province = leadingProvince(rest);
    const lead = province ? { printed: province.printed, short: province.province.short } : leadingCity(rest);
    if (!lead) continue;
    const ending = rest.slice(lead.printed.length);
    if (!BRANCH_ENDING.test(ending)) continue;
    const printedPlace = ending === '监管局' ? lead.short : lead.printed;
    const since = BRANCH_FORMS.find((f) => f.organ === organ.name)?.officesSince ?? organ.since;
    return nationalResult(organ, printedPlace + ending, since);
  }
  return null;
}

/** Bodies that are not a government's organs: 中心, 集团, 大学. */
const INSTITUTION = /(?:中心|集团|公司|大学|学院|学校|实验室|银行|医院|研究院|研究所|协会|基金会)$/;

/** Kinds of area that are not one district: 开发区, 高新区, 示范区. */
const AREA_WORD = /^(?:经济)?(?:开发|高新|新|园|景|城|街|社|片|市|郊|功能|保护|示范|试验|自贸|核心|重点|先行|起步|合作)区$/;

/** A collective or a kind of body, not one organ: 各区政府, 有关部门, 全市各级. */
const NOT_ONE_ORGAN = /^(?:各|有关|相关|其他|属地|所在|全市|全省|全区|全县|全国)|(?:部门|单位|机构|等)$/;

/**
 * The canonical name of a unit as printed, resolved in `place` (the document's place). Never
 * throws: a name it cannot read comes back as printed.
 */
export function canonicalUnit(printed: string, context: UnitContext = {}): CanonicalUnit {
  const name = printed.replace(/\s+/g, '').replace(/[。，；、：,.;:]+$/, '');
  if (name.length < 2) return { name: printed };
  const national = nationalOrgan(name, context.date);
  if (national) return nationalResult(national);
  if (NOT_ONE_ORGAN.test(name)) return { name: printed };
  // A ministry's own department (司) in its own document: 监督司 in 质检总局's → 国家质量监督检验检疫总局监督司.
  const issuer = context.issuer ? nationalOrgan(context.issuer.split(/[、，,\s]/)[0] ?? '', context.date) : undefined;
  if (issuer && /^[\u4e00-\u9fff]{1,10}司$/.test(name)) return { name: issuer.name + name };
  const office = branch(name);
  if (office) return office;
  const here = contextPlace(context.place);
  // 团省委, 团市委: the Communist Youth League's committee of the place.
  const league = /^团(省|市|区|县)委$/.exec(name)?.[1];
  if (league) {
    const at = placeName(here ?? {}, league === '省' ? 'province' : league === '市' ? 'city' : 'county');
    return { name: `共青团${at ?? league}委员会` };
  }
  // A district or county named alone stands for its government: 徐汇区 → 上海市徐汇区人民政府.
  if (here && /^[^省市区县各全有相属][\u4e00-\u9fff]{1,4}(?:区|县)$/.test(name) && !AREA_WORD.test(name)) {
    return { name: `${here.city ?? ''}${name}人民政府` };
  }
  const explicit = printedPlace(name.replace(/^中共(?=.+委)/, ''), here);
  if (explicit && (explicit.rest.length >= 2 || explicit.rest === '委')) {
    const placePrefix = placeName(explicit.place, explicit.level) ?? '';
    return localResult(placePrefix, explicit.level, explicit.rest, explicit.place);
  }
  const level = LEVEL_PREFIX.exec(name)?.[1];
  if (level && (name.length > 2 || name === `${level}委`)) {
    const lvl: Level = level === '省' ? 'province' : level === '市' || level === '州' || level === '盟' ? 'city' : 'county';
    const place: Place = here ?? {};
    const resolved = placeName(place, lvl === 'city' && place.province?.municipality && !place.city ? 'province' : lvl);
    return localResult(resolved ?? level, lvl, name.slice(1), place);
  }
  return { name: fullBody(name) };
}

/**
 * The place whose organs a document's bare 省/市/区 prefixes name, read from its issuer, else its
 * title, else its number's province code: 上海市黄浦区人民政府 → 上海市黄浦区, 济南市人民政府办公厅
 * → 济南市, 鲁政办发〔2020〕1号 → 山东省; 国务院 and the ministries → null (national).
 */
export function documentPlace(meta: { issuer?: string | null; title?: string | null; docNumber?: string | null }, text = ''): string | null {
  for (const text of [meta.issuer, meta.title]) {
    if (!text) continue;
    const name = text.replace(/^中共/, '');
    const lead = leadingPlace(name);
    if (lead) return placeName(lead.place, lead.level);
    const city = /^([\u4e00-\u9fff]{2,3})市(?!场)/.exec(name)?.[1];
    if (city) return `${city}市`;
    const county = /^([^省市区县各全有相属关国][\u4e00-\u9fff]{1,3}?(?:区|县))(?=[\u4e00-\u9fff]{2})/.exec(name)?.[1];
    if (county) return county;
  }
  const code = /^(.)(?:政|府|办)/.exec(meta.docNumber ?? '')?.[1];
  const province = code ? PROVINCES.find((p) => p.code === code) : undefined;
  return province?.name ?? placeOfText(text);
}

/**
 * The place a text without a header names most. A city's text speaks of 我市, 全市 or 本市: its
 * place is the city it names most (at least twice: 济宁市人民政府, or a listed city such as 济南);
 * otherwise the province it names at least twice.
 */
function placeOfText(text: string): string | null {
  const cities = new Map<string, number>();
  if (/我市|全市|本市/.test(text)) {
    for (const m of text.matchAll(/([\u4e00-\u9fff]{2})市(?=人民政府|政府|委|人大)/g)) {
      const city = m[1] as string;
      if (/^(?:城|都|超|本|全|我|各|该|上|省|县|区|地)./.test(city) || /[省市区县]/.test(city)) continue;
      cities.set(city, (cities.get(city) ?? 0) + 1);
    }
    for (const city of LISTED_CITIES) {
      const n = occurrences(text, city);
      if (n) cities.set(city, (cities.get(city) ?? 0) + n);
    }
  }
  const provinces = new Map<string, number>();
  for (const p of PROVINCES) {
    const n = occurrences(text, p.short);
    if (n) provinces.set(p.name, n);
  }
  const top = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const city = top(cities);
  if (city && city[1] >= 2) return `${city[0]}市`;
  const province = top(provinces);
  return province && province[1] >= 2 ? province[0] : null;
}

/** How often `word` occurs in `text`, without splitting the text into pieces. */
function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}
