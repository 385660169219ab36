// Names of government organs as documents print them: 市发展改革委, 区绿化市容局, 各区政府,
// 属地街镇. How a list of them is split: on 、 ， ；, on 和/及 between two names (but not
// inside 工业和信息化厅), keeping a collective with an inner 、 (各区、县级市) whole.
import { indexOutside } from './brackets.js';

/** Endings of an organ that issues or receives documents (an issuer, an addressee): narrower than a task's units. */
export const ISSUING_ORGAN_SUFFIX =
  /(人民政府|政府|办公厅|办公室|委员会|管委会|总局|局|厅|委|部|院|署|会|中心|小组|集团|公司|协会|银行|法院|检察院|大学|党组|党委|司|处|办)$/;

/** Endings of an organ's name: 委 局 厅 部 办 … 政府 集团 街道 专班. */
export const ORG_SUFFIX =
  /(?:委员会|管委会|委|局|厅|部|办|署|院|会|中心|政府|集团|公司|银行|街道|街镇|镇|乡|专班|小组|分局|支队|总队|大队|所|站|处|室|队|协会|联合会|团省委|团市委|团区委|党校|学校|大学|法院|检察院|海关|工委|妇联|科协|残联|新区|开发区|管理处|单位|部门|机构|成员单位|企业|组织)$/;
/** Organ names that hold a verb (区建设管理委, 发展改革委, 住房城乡建设局): masked before verbs are looked for. */
export const ORGAN_WITH_VERB = /(?:住房(?:和)?城乡)?建设(?:和)?(?:管理|交通)?(?:委员会|委|局|厅|部|办)|发展(?:和)?改革(?:委员会|委|局)|改革委|规划(?:和)?(?:自然)?资源局|生态环境局/g;

/** Names that are only a kind of body: 单位, 部门, 有关部门 (a list ending 有关部门和单位 is one collective). */
const GENERIC = /^(?:各|有关|相关|其他|其他有关)?(?:部门|单位|机构|组织)$/;
export const isGenericUnit = (u: string): boolean => GENERIC.test(u);

/** A collective: 各区政府, 有关部门, 属地街镇, 各街镇. */
export const COLLECTIVE = /^(?:各|有关|相关|属地|所在地?|全市各|全区各|全省各|市有关|区有关|省有关|市相关|区相关|省相关)/;
/** Level words that, after a collective and 、, belong to it: 各区、县级市; 各市、县（市、区）. */
const LEVEL_WORD = /^(?:县级市|县（市、区）|县\(市、区\)|县市区|县区|市|区|县|乡镇|街道|镇|乡|自治州|自治县|盟|旗)(?:人民政府|政府|党委和政府)?$/;

/** Whether a name looks like a unit (an organ or a collective), not a phrase of prose. */
export function isUnitName(u: string): boolean {
  return u.length >= 2 && u.length <= 40 && !/[，。；：]/.test(u) && (ORG_SUFFIX.test(u) || COLLECTIVE.test(u));
}

/** Splits a list of units, keeping collectives with an inner 、 and names with 和 inside (工业和信息化厅). */
export function splitUnits(list: string): string[] {
  const raw = splitOutside(list, '、，,；;')
    .flatMap(splitOnSpace)
    .flatMap(splitOnAnd)
    .map((u) => u.replace(/^(?:和|及|以及|与)/, '').replace(/(?:等)$/, '').trim())
    .filter((u) => u.length > 0);
  const out: string[] = [];
  for (const u of raw) {
    const previous = out.at(-1);
    if (previous !== undefined && COLLECTIVE.test(previous) && LEVEL_WORD.test(u)) out[out.length - 1] = `${previous}、${u}`;
    else out.push(u);
  }
  return out;
}

/**
 * Units on separate lines or between spaces (a table cell, an HTML <br>): one unit each,
 * except where a name was only wrapped (申通地铁 / 集团 → 申通地铁集团).
 */
function splitOnSpace(u: string): string[] {
  const parts = u.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return [parts[0] ?? ''];
  const out: string[] = [];
  for (const part of parts) {
    const previous = out.at(-1);
    if (previous !== undefined && !isUnitName(previous) && isUnitName(previous + part)) out[out.length - 1] = previous + part;
    else if (previous !== undefined && !isUnitName(part) && !isUnitName(previous)) out[out.length - 1] = previous + part;
    else out.push(part);
  }
  return out;
}

/** 区城管执法局和属地街镇 → two units; 省工业和信息化厅 stays one (its left half names no organ). */
function splitOnAnd(u: string): string[] {
  for (const m of u.matchAll(/以及|和|及|与/g)) {
    const left = u.slice(0, m.index).replace(/等$/, '');
    const right = u.slice((m.index ?? 0) + m[0].length);
    if (left.length < 2 || right.length < 2) continue;
    // Both halves whole names: 各市工业和信息化局 and 有关部门和单位 stay one.
    const whole = (x: string) => ORG_SUFFIX.test(x) && !GENERIC.test(x);
    const collective = (x: string) => COLLECTIVE.test(x) && /(?:部门|单位|政府|机构|街镇|乡镇|街道|地区|地方|区|市|县)$/.test(x);
    if (ORG_SUFFIX.test(left) && (whole(right) || collective(right))) {
      return [left, ...splitOnAnd(right)];
    }
  }
  return [u];
}

/** Splits at any of `chars` outside brackets: 崂山区政府（牵头）、市财政局. */
export function splitOutside(text: string, chars: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = indexOutside(text, chars, from);
    if (at < 0) break;
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}
