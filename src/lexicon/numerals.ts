// Chinese numerals: the project's one numeral reader and writer.
// Every stage reads numbers through readNumeral(): markers (十二、), dates (二〇二四年),
// target values (两百五十, 1.5万, 百分之九十五) and amounts agree on what a numeral means.
// Accepted: Arabic digits (full-width too, with , thousands groups and decimals), plain
// Chinese numerals with 十 百 千 万 亿 (两 = 2, 零/〇 fill gaps, 一十一 = 十一; ○ is 〇 as printed
// in dates, 二○○四), the
// financial forms 壹贰叁…拾佰仟, decimals with 点 (一点五), 百分之N (reads as N; the
// unit is %), and years written digit by digit (二〇二五, 一九八六).

/** Digits, including the financial (大写) forms and 两. */
const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** Place units below 万. */
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Section units: a group of up to four places is multiplied by them. */
const BIG_UNIT: ReadonlyArray<readonly [string, number]> = [
  ['亿', 1e8],
  ['万', 1e4],
];

/** Characters of a plain (not financial) Chinese numeral, up to 万 and 亿: what running text prints. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** Characters of a numeral small enough for a marker or a date (一 … 九十九, 二〇二五). */
export const CN_SMALL_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * DIGIT and SMALL_UNIT by character code, each value plus one (0 for none): a lookup that makes
 * no one-character string. (Zero for none: a table filled with -1 is written whole, 256 KB of
 * fresh memory at every start-up; these are written only where a numeral character is.)
 */
const DIGIT_AT = new Int16Array(0x10000);
for (const [c, v] of Object.entries(DIGIT)) DIGIT_AT[c.charCodeAt(0)] = v + 1;
const SMALL_UNIT_AT = new Int16Array(0x10000);
for (const [c, v] of Object.entries(SMALL_UNIT)) SMALL_UNIT_AT[c.charCodeAt(0)] = v + 1;
/** The digit a code unit is, or -1. */
const digitAt = (code: number): number => (DIGIT_AT[code] as number) - 1;
/** The place unit below 万 a code unit is (10, 100, 1000), or -1. */
const smallUnitAt = (code: number): number => (SMALL_UNIT_AT[code] as number) - 1;

const ARABIC = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const FULL_WIDTH_DIGIT = /[０-９．，]/g;

/**
 * The value of a numeral as printed, or null when it is not one numeral:
 * 12 → 12, 3,000 → 3000, 一百零一 → 101, 两百五十 → 250, 二〇二五 → 2025, 百分之五 → 5,
 * 一点五 → 1.5, 壹佰壹拾壹 → 111. Two digits in a row (十四五, 三五) are names, not numbers,
 * unless they are a digit-by-digit year of three or more digits.
 */
export function readNumeral(text: string): number | null {
  // The commonest numerals first, read as the general path below reads them: one Chinese
  // digit (第三条 → 3), and ASCII digits alone (nothing to trim, widen or ungroup).
  if (text.length === 1 && digitAt(text.charCodeAt(0)) >= 0) return digitAt(text.charCodeAt(0));
  if (isAsciiDigits(text)) return Number(text);
  // Digits and place units below 万 (二十三, 一百零五): what the general path reads as one group.
  if (isPlainGroup(text)) return readGroup(text);
  let s = text.trim().replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (s === '') return null;
  const arabic = ARABIC.exec(s);
  if (arabic) return Number(`${(arabic[1] ?? '').replace(/,/g, '')}${arabic[2] ? `.${arabic[2]}` : ''}`);
  if (s.startsWith('百分之')) s = s.slice(3);
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = point === 0 ? null : readInteger(s.slice(0, point));
    const fraction = s.slice(point + 1);
    if (whole === null || fraction === '' || ![...fraction].every((c) => DIGIT[c] !== undefined)) return null;
    return Number(`${whole}.${[...fraction].map((c) => DIGIT[c]).join('')}`);
  }
  return readInteger(s);
}

/** Whether a text is one or more of 0-9 and nothing else. */
function isAsciiDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Whether a text is Chinese digits and at least one place unit below 万 (十 百 千), nothing else. */
function isPlainGroup(text: string): boolean {
  let unit = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (smallUnitAt(code) >= 0) unit = true;
    else if (digitAt(code) < 0) return false;
  }
  return unit;
}

function readInteger(s: string): number | null {
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (!chars.every((c) => DIGIT[c] !== undefined || SMALL_UNIT[c] !== undefined || c === '万' || c === '亿')) return null;
  // Digit by digit, with no place units: a year (二〇二五) or a single digit.
  if (chars.every((c) => DIGIT[c] !== undefined)) {
    if (chars.length === 1) return DIGIT[chars[0] as string] ?? null;
    if (chars.length < 3) return null; // 三五 is "three or five", not 35
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  return readSections(s);
}

/** 一千亿一千万一千零一: split on 亿 then 万, each part a group of up to four places. */
function readSections(s: string): number | null {
  for (const [unit, value] of BIG_UNIT) {
    const at = s.lastIndexOf(unit);
    if (at < 0) continue;
    const head = s.slice(0, at);
    const tail = s.slice(at + 1);
    const high = head === '' ? 1 : readSections(head);
    if (high === null) return null;
    if (tail === '') return high * value;
    // 一万五 = 15000: a lone digit after the unit counts the next place down.
    const lone = [...tail].length === 1 ? DIGIT[tail] : undefined;
    if (lone !== undefined && lone !== 0) return high * value + lone * (value / 10);
    const low = readSections(tail.replace(/^[零〇]/, ''));
    if (low === null) return null;
    return high * value + low;
  }
  return readGroup(s);
}

/** A group below 万: 一千零一十一, 两百五(十), 十一, 一十一. */
function readGroup(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let afterZero = false;
  for (let i = 0; i < s.length; i++) {
    // Every digit and unit is one UTF-16 unit; anything else (a surrogate too) is no numeral.
    const code = s.charCodeAt(i);
    const d = digitAt(code);
    if (d >= 0) {
      if (d === 0) {
        afterZero = true;
        continue;
      }
      if (digit !== null) return null; // two digits in a row: 十四五 is a name
      digit = d;
      continue;
    }
    const unit = smallUnitAt(code);
    if (unit < 0 || unit >= lastUnit) return null;
    total += (digit ?? 1) * unit;
    lastUnit = unit;
    digit = null;
    afterZero = false;
  }
  if (digit !== null) {
    // 两百五 = 250 (the digit counts the next place down); 一千零五 = 1005.
    total += !afterZero && lastUnit >= 100 && lastUnit !== Number.POSITIVE_INFINITY ? digit * (lastUnit / 10) : digit;
  }
  return total;
}

const CN_DIGITS = '零一二三四五六七八九';

/** A small number as a Chinese numeral, for messages: 3 → 三, 12 → 十二, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return CN_DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  // 一百二十一, 一百零五, 二百一十 (past one hundred the 一 before 十 is written).
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : `${CN_DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? CN_DIGITS[rest % 10] : ''}`;
  return `${CN_DIGITS[Math.floor(n / 100)]}百${tail}`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const CIRCLED_NUMERALS = CIRCLED;

/** The value of a circled numeral ③ → 3, or null. */
export function circledValue(c: string): number | null {
  const i = CIRCLED.indexOf(c);
  return i >= 0 ? i + 1 : null;
}
