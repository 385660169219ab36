// Calendar dates as documents print them: 2017年7月7日, 二〇二四年十月三十一日,
// 2019-02-13, 2019.2.13, and the compact 20150617 of Taiwan's statute headers.
// The one home of date reading; meta, history and validity import it.
import { CN_SMALL_NUMERAL_CHARS, readNumeral } from './numerals.js';
import { type PreCheck, holdsOneOf } from '../util/regex-start.js';

// 2017年7月7日 / 二〇二四年十月三十一日 / 二○○四年 (spaces allowed between the parts, as OCR
// leaves them); every part is read by readNumeral.
const CN = `${CN_SMALL_NUMERAL_CHARS}○`;
const WRITTEN = new RegExp(`(\\d{4}|[${CN}]{4})\\s*年\\s*(\\d{1,2}|[${CN}]{1,3})\\s*月\\s*(\\d{1,2}|[${CN}]{1,3})\\s*[日号]`, 'g');
// 2019-02-13, 2019/2/13, 2019.2.13 (not inside a longer number).
const NUMERIC = /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g;
// 20150617: only where a label says it is a date (修正日期：20150617).
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export interface FoundDate {
  /** YYYY-MM-DD. */
  iso: string;
  /** Offsets of the printed date in the text searched. */
  start: number;
  end: number;
}

/** Y, M, D → YYYY-MM-DD, or null when it is no calendar date. */
export function isoOf(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null;
  // A printed date reads as whole numbers; a fraction (1.5) is no part of one.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1–12) of a Gregorian year (the proleptic calendar Date keeps too). */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/** A written date holds 年, a numeric one a - / . between its parts. */
const WRITTEN_MARK = '年';
const NUMERIC_MARKS = '-/.';
/** This module's pre-checks (a test holds them to their patterns). */
export const DATE_PRE_CHECKS: readonly PreCheck[] = [
  { patterns: [WRITTEN], marks: WRITTEN_MARK },
  { patterns: [NUMERIC], marks: NUMERIC_MARKS },
];

/** Every date printed in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  // A text with neither form's marks (most lines) is not searched.
  const written = text.includes(WRITTEN_MARK) ? datesOf(WRITTEN, text) : [];
  const numeric = holdsOneOf(text, NUMERIC_MARKS) ? datesOf(NUMERIC, text) : [];
  // One form's matches are already in order and apart (a global search resumes after each).
  if (numeric.length === 0) return written;
  if (written.length === 0) return numeric;
  return [...written, ...numeric].sort((a, b) => a.start - b.start).filter((d, i, all) => i === 0 || d.start >= (all[i - 1]?.end ?? 0));
}

/** The calendar dates among the matches of a global `re` in `text`. */
function datesOf(re: RegExp, text: string): FoundDate[] {
  const found: FoundDate[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const iso = isoOf(readNumeral(m[1] ?? ''), readNumeral(m[2] ?? ''), readNumeral(m[3] ?? ''));
    if (iso) found.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const WRITTEN_AT = new RegExp(WRITTEN.source, 'y');
const NUMERIC_AT = new RegExp(NUMERIC.source, 'y');

/** The date printed exactly at `index` of `text`, or null (one anchored match, no scan). */
export function dateAt(text: string, index: number): FoundDate | null {
  for (const re of [WRITTEN_AT, NUMERIC_AT]) {
    re.lastIndex = index;
    const m = re.exec(text);
    const iso = m ? isoOf(readNumeral(m[1] ?? ''), readNumeral(m[2] ?? ''), readNumeral(m[3] ?? '')) : null;
    if (m && iso) return { iso, start: index, end: index + m[0].length };
  }
  return null;
}

/** The first date in `text` (any printed form, or a bare 20150617), or null. */
export function readDate(text: string): string | null {
  const compact = COMPACT.exec(text.trim());
  if (compact) return isoOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return findDates(text)[0]?.iso ?? null;
}

/** A line that is nothing but a date (a signature block's 2017年7月7日). */
export function isDateLine(text: string): boolean {
  // The longest printed date, 二〇二四年十二月三十一日 with spaces, is well under 24 characters.
  if (text.length > 40 || text.length < 6) return false;
  const t = text.trim();
  if (t.length > 24) return false;
  const dates = findDates(t);
  return dates.length === 1 && dates[0]?.start === 0 && dates[0].end === t.length;
}

/** Add years to an ISO date, the day before the anniversary (有效期5年 from 2023-02-01 → 2028-01-31). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
