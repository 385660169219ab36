// Brackets and quotes of Chinese documents, full- and half-width, as one table.
// Stages that must look past bracketed or quoted text (a heading's title, a clause, an
// attribution group, a quoted name such as “十四五”) use these helpers instead of their own lists.
import { holdsOneOf } from '../util/regex-start.js';

/** Opening → closing, for every pair a document may print. */
export const BRACKET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['（', '）'],
  ['(', ')'],
  ['〔', '〕'],
  ['【', '】'],
  ['[', ']'],
  ['［', '］'],
  ['《', '》'],
  ['〈', '〉'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];

export const OPENERS = BRACKET_PAIRS.map(([o]) => o).join('');
export const CLOSERS = BRACKET_PAIRS.map(([, c]) => c).join('');
/** Round brackets only, the ones that hold notes and attributions: （…） and (…). */
export const ROUND_OPEN = '（(';
export const ROUND_CLOSE = '）)';
/** Quotes and title marks (paired by quoteSpans, not counted as brackets): what they enclose is a name. */
export const QUOTE_MARKS = '“”‘’「」『』《》〈〉"';

/** Per UTF-16 unit: 1 opens a bracket or quote, 2 closes one. */
const KIND = new Uint8Array(0x10000);
for (const c of OPENERS) KIND[c.charCodeAt(0)] = 1;
for (const c of CLOSERS) KIND[c.charCodeAt(0)] = 2;

/** Whether `chars` holds the UTF-16 unit `code`. */
function includesUnit(chars: string, code: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === code) return true;
  return false;
}

/** Per set of characters indexOutside is asked for (a few constant sets): 1 for each of its UTF-16 units. */
const MEMBERS = new Map<string, Uint8Array>();
/** Sets kept at most; beyond them a set is tested character by character. */
const MAX_MEMBER_SETS = 32;

function membersOf(chars: string): Uint8Array | undefined {
  let table = MEMBERS.get(chars);
  if (table === undefined && MEMBERS.size < MAX_MEMBER_SETS) {
    table = new Uint8Array(0x10000);
    for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] = 1;
    MEMBERS.set(chars, table);
  }
  return table;
}

/** Index of the first char of `chars` at bracket/quote depth 0, in [from, to), or -1. */
export function indexOutside(text: string, chars: string, from = 0, to = text.length): number {
  let depth = 0;
  const end = Math.min(to, text.length);
  const members = membersOf(chars);
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    // (chars.includes(text[i]), by table look-up, without making a one-character string per character)
    if (depth === 0 && (members ? members[code] === 1 : includesUnit(chars, code))) return i;
    const kind = KIND[code];
    if (kind === 1) depth++;
    else if (kind === 2 && depth > 0) depth--;
  }
  return -1;
}

/** Bracket depth at `index` (0 outside any), counting from the start of `text`; all pairs, or `open`/`close` only. */
export function depthAt(text: string, index: number, open?: string, close?: string): number {
  let depth = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = open === undefined ? KIND[code] : includesUnit(open, code) ? 1 : includesUnit(close ?? '', code) ? 2 : 0;
    if (kind === 1) depth++;
    else if (kind === 2 && depth > 0) depth--;
  }
  return depth;
}

export interface BracketGroup {
  /** Offset of the opening bracket. */
  start: number;
  /** Offset after the closing bracket. */
  end: number;
}

/** Whether `text` holds one of `open`: without one, bracketGroups finds no group. */
export function opensBracket(text: string, open = ROUND_OPEN): boolean {
  return holdsOneOf(text, open);
}

/**
 * Top-level groups opened by one of `open` and closed by one of `close`, nested brackets
 * balanced: （牵头单位：市商务局（牵头）、市财政局） is one group. A group left open at the
 * end of the text is not returned.
 */
export function bracketGroups(text: string, open = ROUND_OPEN, close = ROUND_CLOSE): BracketGroup[] {
  const groups: BracketGroup[] = [];
  // Most lines hold no bracket at all.
  if (!opensBracket(text, open)) return groups;
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (includesUnit(open, code)) {
      if (depth === 0) start = i;
      depth++;
    } else if (includesUnit(close, code) && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1 });
    }
  }
  return groups;
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '〈': '〉' };
const QUOTE_CLOSERS = new Set(Object.values(QUOTE_PAIRS));

/**
 * Quoted spans [start, end) of a text — “…”, 《…》, 「…」, "…" — as a reader pairs them:
 * a second opening quote soon after an unclosed one closes it (the typo 把“四化“要求),
 * and a quote left open to the end of the text encloses nothing.
 */
const ANY_QUOTE = new RegExp(`[${QUOTE_MARKS}]`);
/** Per UTF-16 unit: 1 for a quote mark, so the scan skips every other character on one array read. */
const IS_QUOTE = new Uint8Array(0x10000);
for (const c of QUOTE_MARKS) IS_QUOTE[c.charCodeAt(0)] = 1;

export function quoteSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  if (!ANY_QUOTE.test(text)) return spans;
  const open: Array<{ at: number; close: string }> = [];
  let ascii = -1;
  for (let i = 0; i < text.length; i++) {
    if (IS_QUOTE[text.charCodeAt(i)] === 0) continue;
    const c = text[i] as string;
    if (c === '"') {
      if (ascii < 0) ascii = i;
      else {
        spans.push([ascii, i + 1]);
        ascii = -1;
      }
      continue;
    }
    const close = QUOTE_PAIRS[c];
    if (close) {
      const last = open.at(-1);
      // “四化“: the same opening quote again, a few characters on, with no break between.
      if (last && last.close === close && c === '“' && i - last.at <= 12 && !/[，。；：]/.test(text.slice(last.at, i))) {
        open.pop();
        spans.push([last.at, i + 1]);
      } else open.push({ at: i, close });
      continue;
    }
    if (QUOTE_CLOSERS.has(c)) {
      const k = open.map((o) => o.close).lastIndexOf(c);
      if (k >= 0) {
        const at = (open[k] as { at: number }).at;
        open.length = k;
        spans.push([at, i + 1]);
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
