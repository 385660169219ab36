// Quantities: every number printed in a text, with what is printed around it.
// Input: one normalised paragraph. Output: in order, each number (Arabic or Chinese, a
// 百分之N, a range 3—5个 or 6%-6.5%) with its multiplier and unit (300万平方米 → 300,
// 万平方米), a comparison symbol before it (≥73%), and a bound after it (以上, 以内, 左右,
// 余/多). Numbers that are part of a date, a code or a word are returned too, flagged
// with why (`form`), so the target rules can say why they were not targets.
import { CN_NUMERAL_CHARS, readNumeral } from '../lexicon/numerals.js';
import { MULTIPLIERS, UNIT_FIRST_CHARS, canonicalUnit, matchUnit } from '../lexicon/units.js';
import type { Comparator } from './words.js';

export type QuantityForm =
  /** A number with or without a unit: a candidate. */
  | 'number'
  /** Part of a date or a year: 2025年, 3月, 2016—2020年. */
  | 'date'
  /** Part of a code or a name: 5G, G15, 6#, 15号线, P4, 3+1+N. */
  | 'code'
  /** Not one number: 数十, 几百, 十四五, 三五. */
  | 'word'
  /** A ratio 1∶4000 or 1:5. */
  | 'ratio';

export interface Quantity {
  /** Offsets in the paragraph: the first character of a symbol or the number, to the end of unit and bound. */
  start: number;
  end: number;
  /** Offset where the number itself starts (after a ≥ or a 百分之). */
  numberStart: number;
  value: number;
  /** The high end of a range (3—5个 → 5), else null. */
  valueHigh: number | null;
  unit: string | null;
  /** A comparison printed as a symbol before the number: ≥ ≤ > <. */
  symbol: Comparator | null;
  /** A bound printed after the unit: 以上 → gte, 以下/以内 → lte, 左右 → approx. */
  bound: 'gte' | 'lte' | 'approx' | null;
  /** 余/多 between number and unit (100余家): more than. */
  more: boolean;
  /** Written in Chinese numerals (三千, 两百, 一座). */
  chinese: boolean;
  /** A bare round number with no digit before it: 百个, 千个, 万个, 千亿. */
  bare: boolean;
  form: QuantityForm;
  /** The printed text of the quantity. */
  raw: string;
}

const CN = CN_NUMERAL_CHARS;
// One pass finds every number: 百分之N, Arabic (with , groups and decimals), a share (三分之一,
// 一半), Chinese. Groups: 1 百分之's numeral, 2 Arabic, 3–4 a fraction's denominator and
// numerator, 5 一半, 6 a Chinese numeral.
const NUMBER = new RegExp(
  `百分之([${CN}点]+|\\d+(?:\\.\\d+)?)|(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|([一二两三四五六七八九十百]+)分之([${CN}]+)|(一半)|([${CN}]+(?:点[零〇一二三四五六七八九]+)?)`,
  'g',
);
const SYMBOLS: ReadonlyArray<readonly [string, Comparator]> = [
  ['≥', 'gte'],
  ['⩾', 'gte'],
  ['≤', 'lte'],
  ['⩽', 'lte'],
  ['＞', 'gt'],
  ['>', 'gt'],
  ['＜', 'lt'],
  ['<', 'lt'],
];
const BOUNDS: ReadonlyArray<readonly [string, 'gte' | 'lte' | 'approx']> = [
  ['及以上', 'gte'],
  ['或以上', 'gte'],
  ['以上', 'gte'],
  ['及以下', 'lte'],
  ['或以下', 'lte'],
  ['以下', 'lte'],
  ['以内', 'lte'],
  ['之内', 'lte'],
  ['左右', 'approx'],
  ['上下', 'approx'],
];
/** First UTF-16 units of the bound words: where none starts, no bound word is tried. */
const BOUND_FIRST = new Set(BOUNDS.map(([w]) => w.charCodeAt(0)));
/** The bound word printed at `pos`, if any (a read past the text's end, NaN, would deoptimise the compiled code). */
const boundAt = (text: string, pos: number): (typeof BOUNDS)[number] | undefined =>
  pos < text.length && BOUND_FIRST.has(text.charCodeAt(pos)) ? BOUNDS.find(([w]) => text.startsWith(w, pos)) : undefined;
const RANGE_DASH = /^\s*(?:—{1,2}|–|-|～|~|－|至|到)\s*/;
/** Before a Chinese numeral, these make it part of a word: 统一, 唯一, 之一, 第一, 数十, 几百. */
const CN_WORD_BEFORE = /[统唯之第初同单专逐数几成上近整划]$/;
/** Before a number, a Latin letter, # or + makes it part of a code (G15, P4, 3+1+N). */
const CODE_BEFORE = /[A-Za-z#＃+＋]$/;
const CODE_AFTER = /^(?:[#＃+＋]|号(?!召)|[A-Za-z](?![A-Za-z]))/;

/** Per UTF-16 unit: 1 an Arabic digit, 2 a character of a Chinese numeral. */
const NUMERAL_KIND = new Uint8Array(0x10000);
for (const c of '0123456789') NUMERAL_KIND[c.charCodeAt(0)] = 1;
for (const c of CN) NUMERAL_KIND[c.charCodeAt(0)] = 2;
const NUMBER_AT = new RegExp(NUMBER.source, 'y');
/** After a Chinese numeral, what may follow for it to be a number: a unit, 万/亿, 余/多, 点, a range dash. */
const AFTER_CN = /[万亿余多点—–\-～~至到半]/;

/**
 * Whether a text has a character a number starts with (a digit or a Chinese numeral's): every
 * number numbers() finds starts at one, so scanQuantities finds none in a text without one.
 */
export function mayHoldQuantity(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (NUMERAL_KIND[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/** Each number of a text, as NUMBER matches it, skipping Chinese numerals that cannot be one (一般, 统一, 第三条). */
function numbers(text: string): RegExpExecArray[] {
  // An array, not a generator: scanQuantities reads every number, and most texts have none.
  const found: RegExpExecArray[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = NUMERAL_KIND[text.charCodeAt(i)];
    if (!kind) continue;
    let j = i + 1;
    let arabic = kind === 1;
    while (j < text.length && NUMERAL_KIND[text.charCodeAt(j)]) {
      if (NUMERAL_KIND[text.charCodeAt(j)] === 1) arabic = true;
      j++;
    }
    // 第三条, 第一百零一条: an article or an ordinal, never a quantity.
    if (!arabic && i > 0 && text[i - 1] === '第') {
      i = j - 1;
      continue;
    }
    // A Chinese numeral counts only with a unit, 万/亿, 余/多 or 点 after it: most (一般, 统一) have none.
    if (!arabic && !text.startsWith('百分之', i)) {
      // (Read only inside the text: a read past its end deoptimises the compiled loop.)
      const next = j < text.length ? (text[j] as string) : '';
      if (!UNIT_FIRST_CHARS.has(next) && !AFTER_CN.test(next) && !/[万亿]/.test(text[j - 1] ?? '')) {
        i = j - 1;
        continue;
      }
    }
    NUMBER_AT.lastIndex = i;
    const m = NUMBER_AT.exec(text);
    if (!m) continue;
    found.push(m);
    i = Math.max(i, m.index + m[0].length - 1);
  }
  return found;
}

export function scanQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of numbers(text)) {
    const q = quantityOf(text, m);
    if (q !== null) out.push(q);
  }
  // The second number of a range is part of the first; a number inside an earlier one's span is not its own.
  // (Numbers are found at rising offsets, so every earlier one starts before this one: it lies
  // inside one of them exactly when it starts before the furthest end among them.)
  let reach = -1;
  return out.filter((q) => {
    const inside = q.numberStart < reach;
    reach = Math.max(reach, q.end);
    return !inside;
  });
}

// scanQuantities reads each number in named steps, each a function of its own: a step that
// meets a new kind of number deoptimises only itself, and V8 compiles small functions far
// faster than one large one.

/** What a number's own characters say: its value, the 万/亿 it carries, and where it ends. */
interface NumberRead {
  value: number | null;
  /** The numeral read, without a Chinese numeral's trailing 万/亿. */
  digits: string;
  /** 万, 亿 or 万亿 after (or ending) the numeral, else ''. */
  multiplier: string;
  bare: boolean;
  chinese: boolean;
  /** A percentage: 百分之N or a share (三分之一, 一半). */
  percentOf: boolean;
  /** Offset after the numeral and its multiplier. */
  end: number;
}

/** The quantity a number found by numbers() is, or null when it is part of a word or no proper share. */
function quantityOf(text: string, m: RegExpExecArray): Quantity | null {
  const numberStart = m.index ?? 0;
  const n = readNumber(text, m, numberStart);
  if (n === null) return null;
  const { value, multiplier, chinese } = n;
  let form = wordOrCode(text, numberStart, n);
  const lead = symbolBefore(text, numberStart);
  const after = unitAfter(text, n);
  let unit = after.unit;
  let pos = after.end;
  if (isWordNotNumber(text, n, unit, pos)) return null;

  let valueHigh: number | null = null;
  const range = form === 'number' && value !== null ? rangeAfter(text, pos, value, unit, multiplier) : null;
  if (range !== null) {
    valueHigh = range.valueHigh;
    unit = range.unit;
    pos = range.end;
  }

  // 五百万元人民币: the currency's name after a money unit belongs to it.
  if (unit !== null && unit.endsWith('元') && text.startsWith('人民币', pos)) pos += 3;
  let bound: Quantity['bound'] = null;
  const boundWord = boundAt(text, pos);
  if (boundWord) {
    bound = boundWord[1];
    pos += boundWord[0].length;
  }
  if (form === 'number' && value !== null) form = dateCodeOrRatio(text, numberStart, m[0], unit, value, valueHigh, chinese);

  return {
    start: lead.start,
    end: pos,
    numberStart,
    value: value ?? 0,
    valueHigh,
    unit: unit === null ? null : canonicalUnit(unit),
    symbol: lead.symbol,
    bound,
    more: after.more,
    chinese,
    bare: n.bare,
    form,
    raw: text.slice(lead.start, pos),
  };
}

/** The number's value and multiplier, or null for a share that is no proper fraction. */
function readNumber(text: string, m: RegExpExecArray, numberStart: number): NumberRead | null {
  // A share is a percentage: 三分之一 → 33.33%, 一半 → 50%.
  const share = m[5] !== undefined ? 50 : m[3] !== undefined ? shareOf(m[3], m[4] ?? '') : null;
  if ((m[3] !== undefined || m[5] !== undefined) && share === null) return null;
  const percentOf = m[1] !== undefined || share !== null;
  const chinese = m[6] !== undefined || share !== null || (percentOf && !/\d/.test(m[1] ?? ''));
  let digits = m[1] ?? m[2] ?? m[6] ?? '';
  let end = numberStart + m[0].length;
  let multiplier = '';
  let bare = false;
  if (m[6] !== undefined) {
    const tail = chineseTail(m[6]);
    digits = tail.digits;
    multiplier = tail.multiplier;
    bare = tail.bare;
  } else if (m[2] !== undefined) {
    multiplier = MULTIPLIERS.find((x) => text.startsWith(x, end)) ?? '';
    end += multiplier.length;
  }
  const value = share ?? readNumeral(digits);
  return { value, digits, multiplier, bare, chinese, percentOf, end };
}

/**
 * A Chinese numeral's trailing 万/亿, which move into the unit (三千万元 → 3000, 万元); a numeral
 * that is only 百/千/万 (+ 亿) is a round count (百个, 千亿, 万个) → 1 … 1000.
 */
function chineseTail(numeral: string): { digits: string; multiplier: string; bare: boolean } {
  const tail = /(万亿|亿|万)$/.exec(numeral);
  if (tail === null) return { digits: numeral, multiplier: '', bare: /^[百千]$/.test(numeral) };
  const multiplier = tail[0];
  if (numeral.length > multiplier.length) {
    const digits = numeral.slice(0, -multiplier.length);
    return { digits, multiplier, bare: /^[百千]$/.test(digits) };
  }
  return { digits: '一', multiplier, bare: true };
}

/** 'word' for a numeral that is part of a word (零部件, 统一), 'code' for a number in a code (G15), else 'number'. */
function wordOrCode(text: string, numberStart: number, n: NumberRead): QuantityForm {
  const before = text.slice(Math.max(0, numberStart - 2), numberStart);
  if (n.value === null || (n.chinese && n.value === 0)) return 'word'; // 零部件, 〇
  if (n.chinese && !n.percentOf && CN_WORD_BEFORE.test(before)) return 'word';
  if (!n.chinese && CODE_BEFORE.test(before)) return 'code';
  return 'number';
}

/** A comparison symbol right before the number (spaces allowed): where the quantity starts, and the symbol's comparison. */
function symbolBefore(text: string, numberStart: number): { start: number; symbol: Comparator | null } {
  const lead = /[≥⩾≤⩽＞>＜<]\s*$/.exec(text.slice(Math.max(0, numberStart - 3), numberStart));
  if (!lead) return { start: numberStart, symbol: null };
  return { start: numberStart - lead[0].length, symbol: SYMBOLS.find(([s]) => lead[0].startsWith(s))?.[1] ?? null };
}

/** The unit after a number (% for a percentage), whether 余/多 came before it, and where it ends. */
function unitAfter(text: string, n: NumberRead): { unit: string | null; more: boolean; end: number } {
  const { multiplier } = n;
  const pos = n.end;
  if (n.percentOf) return { unit: '%', more: false, end: pos };
  // (Looked for where it would be, not by a pattern over a slice: this is read for every number.)
  const moreWord = text.startsWith('余', pos) || text.startsWith('多', pos);
  // 余/多 only before a unit (100余家); 多 after a bare number is "more" of something else.
  let unitAt = pos + (moreWord ? 1 : 0);
  // One space may sit between an Arabic number and its unit (0.005 度).
  if (!n.chinese && text[unitAt] === ' ' && /[\u4e00-\u9fff]/.test(text[unitAt + 1] ?? '')) unitAt++;
  const found = matchUnit(text.slice(unitAt, unitAt + 24));
  if (found) return { unit: multiplier + found.unit, more: moreWord, end: unitAt + found.length };
  // A bare 万/亿 is the unit (2300万以内, 过千亿).
  if (multiplier && (!/^[\u4e00-\u9fff]/.test(text.slice(pos, pos + 24)) || boundAt(text, pos) || /^[元]/.test(text.slice(pos, pos + 24)))) return { unit: multiplier, more: false, end: pos };
  return { unit: null, more: false, end: pos };
}

/**
 * Whether a Chinese numeral, with the unit found after it, is part of a word: it needs a unit to
 * be a number (一批, 三大, 十四五 are words), and a bare 百/千/万 is a count only as 百个, 千个,
 * 万个 or 千亿 (百姓, 千方百计, 万家灯火 are words).
 */
function isWordNotNumber(text: string, n: NumberRead, unit: string | null, pos: number): boolean {
  if (n.chinese && !n.percentOf && unit === null) return true;
  // 二次供水, 一次性: 次 after a Chinese numeral, with a noun after it, is part of a word; so are 一起, 一道, 一体.
  if (n.chinese && unit === '次' && /^[\u4e00-\u9fff]/.test(text.slice(pos, pos + 24))) return true;
  if (n.chinese && n.digits === '一' && /^(?:起|道|体|批|度|级)$/.test(unit ?? '')) return true;
  // 万家以上, 千人左右: a bare round number with a measure word counts when a bound follows it.
  return n.bare && unit !== n.multiplier && unit !== `${n.multiplier}个` && !boundAt(text, pos);
}

/** A range after the number (3—5个, 6%-6.5%, 30-40个, 2016—2020年): its high end, the unit, and where it ends; else null. */
function rangeAfter(text: string, pos: number, value: number, unit: string | null, multiplier: string): { valueHigh: number; unit: string | null; end: number } | null {
  const dash = RANGE_DASH.exec(text.slice(pos, pos + 24));
  if (!dash) return null;
  const second = /^(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)/.exec(text.slice(pos + dash[0].length, pos + dash[0].length + 24));
  if (!second) return null;
  const high = readNumeral(second[1] ?? '');
  if (high === null || !(high > value)) return null;
  let after = pos + dash[0].length + second[0].length;
  const secondMultiplier = MULTIPLIERS.find((x) => text.startsWith(x, after)) ?? '';
  after += secondMultiplier.length;
  const secondUnit = matchUnit(text.slice(after, after + 24));
  let shared = unit;
  if (secondUnit && (unit === null || canonicalUnit(multiplier + secondUnit.unit) === canonicalUnit(unit))) {
    shared = secondMultiplier + secondUnit.unit;
    if (multiplier && !secondMultiplier) shared = multiplier + secondUnit.unit;
    after += secondUnit.length;
  }
  if (shared === null && !/^(?:[，。；、）)\s]|$)/.test(text.slice(after, after + 4))) return null;
  return { valueHigh: high, unit: shared, end: after };
}

/** A number that is part of a date (2025年, 3月, 2016—2020年), a code (6#, 15号线) or a ratio (1∶4000), else 'number'. */
function dateCodeOrRatio(text: string, numberStart: number, number: string, unit: string | null, value: number, valueHigh: number | null, chinese: boolean): QuantityForm {
  if (valueHigh !== null && unit === '年' && value >= 1900) return 'date';
  const afterNumber = text.slice(numberStart + number.length, numberStart + number.length + 24);
  const form = dateOrCode(text, numberStart, number, afterNumber, unit, value, chinese);
  if (form !== 'number') return form;
  if (/^[∶:]\s*\d/.test(afterNumber)) return 'ratio';
  if (/[∶:]\s*$/.test(text.slice(Math.max(0, numberStart - 2), numberStart)) && /\d[∶:]\s*$/.test(text.slice(Math.max(0, numberStart - 8), numberStart))) return 'ratio';
  return 'number';
}

/** 三分之一 as a percentage (33.33), or null when it is no proper fraction. */
function shareOf(denominator: string, numerator: string): number | null {
  const d = readNumeral(denominator);
  const n = readNumeral(numerator);
  if (d === null || n === null || d < 2 || n < 1 || n >= d) return null;
  return Math.round((n / d) * 10000) / 100;
}

/**
 * What a date's number is followed by: 1 年 (2025年), 2 a month's 月 (3月, not 3个月内), 3 a
 * day's 日/号 (5日), else a time's 时/点 before a digit (8时30分). One pass: a number is
 * followed by at most one of them.
 */
const DATE_AFTER = /^\s*(?:(年)|(月)(?!份?[内以])|([日号])|[时点]\s*\d)/;

function dateOrCode(text: string, at: number, number: string, after: string, unit: string | null, value: number, chinese: boolean): QuantityForm {
  const mark = DATE_AFTER.exec(after);
  const fourDigits = /^\d{4}$/.test(number);
  // Years: 2025年, 二〇二五年, 2025-2030; months and days: 3月, 5日 after 月.
  if (mark?.[1] !== undefined && (value >= 1900 || fourDigits || (chinese && number.length === 4))) return 'date';
  if (fourDigits && value >= 1900 && value <= 2100 && (unit === null || unit === '年')) return 'date';
  if (mark?.[2] !== undefined && value >= 1 && value <= 12) return 'date';
  if (mark?.[3] !== undefined && /月\s*$/.test(text.slice(Math.max(0, at - 2), at))) return 'date';
  if (mark !== null && mark[1] === undefined && mark[2] === undefined && mark[3] === undefined) return 'date';
  if (CODE_AFTER.test(after) && unit === null) return 'code';
  return 'number';
}
