/**
 * Punctuation in context: mainland full-width punctuation next to Chinese text.
 *
 * Expects: output of normaliseCharacters (only '\n' line breaks, only ' ' spaces,
 * ASCII digits and letters). Works one line at a time and never looks across a
 * line break. Guarantees, on each line:
 *  - `, ; : ? !` become `， ； ： ？ ！` when the nearest non-space neighbour on either
 *    side is CJK, except between two digits (1,000, 09:03:18);
 *  - `( )` become `（ ）` when a bracket of the pair borders CJK, the pair encloses
 *    CJK, or its partner is already full width (pairs found with a stack); Markdown
 *    link targets `](…)` are left alone;
 *  - a pair of `"` next to or around CJK becomes “ ”;
 *  - YYYY-YYYY year ranges (any of - – － ~ ～ — ―) get an em dash: 2016—2020;
 *  - spaces between two CJK characters or CJK punctuation are removed; leading
 *    indentation and spaces next to ASCII stay.
 * Only deletions change lengths; the returned map covers them.
 */
import type { Stage } from './normalise-characters.js';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';

/** Per UTF-16 unit: 1 where a line may need work, the marks converted and the spaces and dashes this stage reads. */
const CANDIDATE = new Uint8Array(0x10000);
for (const c of ',;:?!()" -~\u2013\u2014\u2015\uff0d\uff5e') CANDIDATE[c.charCodeAt(0)] = 1;

/** Index of the first CANDIDATE at or after `from`, or -1 (a table look-up a code unit: no match objects). */
function nextCandidate(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (CANDIDATE[text.charCodeAt(i)] === 1) return i;
  return -1;
}
/** The dashes a year range joins its years with (2021-2025, 2021～2025). */
const YEAR_DASH = /[-~\u2013\u2014\u2015\uff0d\uff5e]/;
const YEAR_RANGE = new RegExp(String.raw`(?<![0-9A-Za-z\-\/.] *)((?:19|20)\d\d)( *)${YEAR_DASH.source}( *)((?:19|20)\d\d)(?![0-9])`, 'g');
const EM_DASH = 0x2014;
const SPACE = 0x20;

/** ( ) , ; : ? ! */
const isAsciiPunctuation = (code: number): boolean =>
  code === 0x28 || code === 0x29 || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x3f || code === 0x21;
const isPunctuation = (code: number): boolean => isAsciiPunctuation(code) || isCjkPunctuation(code);

/** CJK and full-width punctuation: everything isCjkCode accepts except ideographs and kana. */
function isCjkPunctuation(code: number): boolean {
  return isCjkCode(code) && !(code >= 0x3040 && code <= 0x30ff) && !(code >= 0x3400 && code <= 0x9fff) && !(code >= 0xf900 && code <= 0xfaff) && !(code >= 0xff10 && code <= 0xff19) && !(code >= 0xff21 && code <= 0xff5a);
}

/** Han, kana, CJK and full-width punctuation, and the dashes/quotes/ellipsis Chinese uses. */
export function isCjkCode(code: number): boolean {
  if (code < 0x2014) return false;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3001 && code <= 0x30ff) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe4f) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code === 0x2014 ||
    code === 0x2015 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026
  );
}

/** One line with substitutions; reads see earlier substitutions. */
class LineEdit {
  readonly line: string;
  /** The line's code units, substitutions applied (one typed array: reads are hot). */
  readonly codes: Uint16Array;
  substituted = false;
  readonly deletions: Array<[start: number, length: number]> = [];

  constructor(line: string) {
    this.line = line;
    this.codes = new Uint16Array(line.length);
    for (let i = 0; i < line.length; i++) this.codes[i] = line.charCodeAt(i);
  }

  /** The code unit at i, NaN outside the line (as String#charCodeAt). */
  at(i: number): number {
    return i >= 0 && i < this.codes.length ? (this.codes[i] as number) : Number.NaN;
  }

  set(i: number, code: number): boolean {
    if (this.at(i) === code) return false;
    this.codes[i] = code;
    this.substituted = true;
    return true;
  }

  isCjkAt(i: number): boolean {
    if (i < 0 || i >= this.line.length) return false;
    const code = this.at(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // Astral Han (Extensions B–H) sits in planes 2 and 3.
      const start = code >= 0xdc00 ? i - 1 : i;
      const cp = this.line.codePointAt(start) ?? 0;
      return cp >= 0x20000 && cp <= 0x3ffff;
    }
    return isCjkCode(code);
  }

  isDigitAt(i: number): boolean {
    if (i < 0 || i >= this.line.length) return false;
    const code = this.at(i);
    return code >= 0x30 && code <= 0x39;
  }

  left(i: number): number {
    let j = i - 1;
    while (j >= 0 && this.at(j) === SPACE) j--;
    return j;
  }

  right(i: number): number {
    let j = i + 1;
    while (j < this.line.length && this.at(j) === SPACE) j++;
    return j;
  }

  bordersCjk(i: number): boolean {
    return this.isCjkAt(this.left(i)) || this.isCjkAt(this.right(i));
  }

  enclosesCjk(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.isCjkAt(i)) return true;
    return false;
  }

  get changed(): boolean {
    return this.substituted || this.deletions.length > 0;
  }
}

export function normalisePunctuation(text: string): Stage {
  const builder = new OffsetMapBuilder();
  const parts: string[] = [];
  let copiedFrom = 0;
  let outLength = 0;
  let at = nextCandidate(text, 0);
  while (at >= 0) {
    // Fast path, exact: a space that keeps clear of punctuation (第一条 为了…, the common case
    // in laws) is one editLine() would leave as it is, so a line whose candidates are all such
    // spaces is not read again. The test needs no line bounds: a line break next to a space is
    // neither a space nor punctuation. The search goes on from the end of the run of spaces.
    if (text.charCodeAt(at) === SPACE) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) === SPACE) end++;
      if (!(at > 0 && isPunctuation(text.charCodeAt(at - 1))) && !(end < text.length && isPunctuation(text.charCodeAt(end)))) {
        at = nextCandidate(text, end);
        continue;
      }
    }
    // A mark to convert, or a space by punctuation: the line is edited whole.
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    at = nextCandidate(text, lineEnd + 1);

    const edit = editLine(text.slice(lineStart, lineEnd));
    if (!edit) continue;

    if (copiedFrom < lineStart) {
      parts.push(text.slice(copiedFrom, lineStart));
      outLength += lineStart - copiedFrom;
    }
    // Deletions in line order; each one shifts the rest of the document.
    const line = edit.line;
    const deletions = edit.deletions.sort((a, b) => a[0] - b[0]);
    let from = 0;
    let lineOut = '';
    for (const [start, length] of deletions) {
      lineOut += substituted(edit, from, start);
      builder.replace(outLength + lineOut.length, lineStart + start, 0, length);
      from = start + length;
    }
    lineOut += substituted(edit, from, line.length);
    parts.push(lineOut);
    outLength += lineOut.length;
    copiedFrom = lineEnd;
  }

  if (parts.length === 0) return { text, map: OffsetMap.identity(text.length) };
  parts.push(text.slice(copiedFrom));
  outLength += text.length - copiedFrom;
  return { text: parts.join(''), map: builder.build(outLength, text.length) };
}

function substituted(edit: LineEdit, from: number, to: number): string {
  if (!edit.substituted) return edit.line.slice(from, to);
  let out = '';
  let copied = from;
  for (let i = from; i < to; i++) {
    const code = edit.codes[i] as number;
    if (code === edit.line.charCodeAt(i)) continue;
    out += edit.line.slice(copied, i) + String.fromCharCode(code);
    copied = i + 1;
  }
  return out + edit.line.slice(copied, to);
}

/** All decisions for one line; null when the line stays as it is. */
function editLine(line: string): LineEdit | null {
  const edit = new LineEdit(line);

  // A year range has a dash: a line without one has none (most lines have no dash).
  for (const m of YEAR_DASH.test(line) ? line.matchAll(YEAR_RANGE) : []) {
    const from = Number(m[1]);
    const to = Number(m[4]);
    if (!(from < to && to - from <= 100)) continue;
    const dash = m.index + 4 + m[2]!.length;
    edit.set(dash, EM_DASH);
    if (m[2]!.length > 0) edit.deletions.push([m.index + 4, m[2]!.length]);
    if (m[3]!.length > 0) edit.deletions.push([dash + 1, m[3]!.length]);
  }

  // Each conversion can make a neighbour CJK (a converted bracket next to a comma),
  // so iterate to a fixpoint; that keeps normalise() idempotent. Conversions only
  // go ASCII -> full width, so this ends after a few rounds.
  for (let round = 0; round < 8; round++) {
    let changed = convertBrackets(edit);
    changed = convertQuotes(edit) || changed;
    changed = convertMarks(edit) || changed;
    if (!changed) break;
  }

  removeSpacesBetweenCjk(edit);
  return edit.changed ? edit : null;
}

const OPEN = 0x28;
const CLOSE = 0x29;
const FULL_OPEN = 0xff08;
const FULL_CLOSE = 0xff09;

function convertBrackets(edit: LineEdit): boolean {
  const line = edit.line;
  if (line.indexOf('(') < 0 && line.indexOf(')') < 0) return false;
  let changed = false;
  const stack: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const code = edit.at(i);
    if (code === OPEN || code === FULL_OPEN) {
      stack.push(i);
    } else if (code === CLOSE || code === FULL_CLOSE) {
      const open = stack.pop();
      if (open === undefined) lone.push(i);
      else changed = convertPair(edit, open, i) || changed;
    }
  }
  for (const i of [...stack, ...lone]) {
    const code = edit.at(i);
    if ((code === OPEN || code === CLOSE) && !isLinkTarget(edit, i) && edit.bordersCjk(i)) {
      changed = edit.set(i, code === OPEN ? FULL_OPEN : FULL_CLOSE) || changed;
    }
  }
  return changed;
}

function convertPair(edit: LineEdit, open: number, close: number): boolean {
  const a = edit.at(open);
  const b = edit.at(close);
  if (a === FULL_OPEN && b === FULL_CLOSE) return false;
  if (a === OPEN && isLinkTarget(edit, open)) return false;
  const convert =
    a === FULL_OPEN ||
    b === FULL_CLOSE ||
    edit.bordersCjk(open) ||
    edit.bordersCjk(close) ||
    edit.enclosesCjk(open + 1, close);
  if (!convert) return false;
  const changedOpen = edit.set(open, FULL_OPEN);
  const changedClose = edit.set(close, FULL_CLOSE);
  return changedOpen || changedClose;
}

/** `[text](target)`: the parentheses belong to Markdown, not to the sentence. */
function isLinkTarget(edit: LineEdit, i: number): boolean {
  return edit.at(i) === OPEN && i > 0 && edit.at(i - 1) === 0x5d;
}

function convertQuotes(edit: LineEdit): boolean {
  const line = edit.line;
  if (line.indexOf('"') < 0) return false;
  const quotes: number[] = [];
  for (let i = 0; i < line.length; i++) if (edit.at(i) === 0x22) quotes.push(i);
  let changed = false;
  // Straight quotes pair up in order; an odd one out has no direction and stays.
  for (let k = 0; k + 1 < quotes.length; k += 2) {
    const open = quotes[k]!;
    const close = quotes[k + 1]!;
    if (edit.bordersCjk(open) || edit.bordersCjk(close) || edit.enclosesCjk(open + 1, close)) {
      edit.set(open, 0x201c);
      edit.set(close, 0x201d);
      changed = true;
    }
  }
  return changed;
}

/** , ; : ? ! */
function convertMarks(edit: LineEdit): boolean {
  const line = edit.line;
  let changed = false;
  for (let i = 0; i < line.length; i++) {
    const code = edit.at(i);
    if (code !== 0x2c && code !== 0x3b && code !== 0x3a && code !== 0x3f && code !== 0x21) continue;
    // Markdown image syntax ![alt](src).
    if (code === 0x21 && edit.at(i + 1) === 0x5b) continue;
    const left = edit.left(i);
    const right = edit.right(i);
    if (edit.isDigitAt(left) && edit.isDigitAt(right)) continue;
    if (edit.isCjkAt(left) || edit.isCjkAt(right)) {
      changed = edit.set(i, code + 0xfee0) || changed;
    }
  }
  return changed;
}

function removeSpacesBetweenCjk(edit: LineEdit): void {
  const line = edit.line;
  let start = line.indexOf(' ');
  while (start >= 0) {
    let end = start + 1;
    while (end < line.length && line.charCodeAt(end) === SPACE) end++;
    // start === 0 is indentation; end === length is trailing space. Only a space that
    // touches CJK punctuation is an artefact (， 强化); between two Han characters a space
    // may mean something (中共中央 国务院, 第一章 总则, table cells) and stays.
    // ASCII punctuation counts as what it may become, so a second pass decides the same.
    const before = line.charCodeAt(start - 1);
    const after = line.charCodeAt(end);
    const touchesPunctuation = isPunctuation(before) || isPunctuation(after);
    const cjkBefore = edit.isCjkAt(start - 1) || isAsciiPunctuation(before);
    const cjkAfter = edit.isCjkAt(end) || isAsciiPunctuation(after);
    if (start > 0 && end < line.length && cjkBefore && cjkAfter && touchesPunctuation) {
      edit.deletions.push([start, end - start]);
    }
    start = line.indexOf(' ', end);
  }
}
