/**
 * Character-local clean-up: line breaks, spaces, invisible characters, widths.
 *
 * Expects: raw input text. Guarantees: every CRLF, CR and LF becomes exactly one
 * '\n' (no line is added or removed); NBSP, U+2000–U+200A and the ideographic
 * space become ' ' (tabs stay: they separate the cells of task tables); U+200B–U+200D and U+FEFF are removed; full-width digits, Latin
 * letters, ％ and ＋ become ASCII, and ． does after a digit. Nothing here looks
 * further than the previous character, so it is safe to run before everything else.
 */
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';

export interface Stage {
  text: string;
  map: OffsetMap;
}

/** \r, NBSP, U+2000–U+200D, the ideographic space, U+FEFF, ％ ＋ ． and full-width digits and Latin letters: [first, last] code units. */
export const NEEDS_WORK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0d, 0x0d], [0xa0, 0xa0], [0x2000, 0x200d], [0x3000, 0x3000], [0xfeff, 0xfeff], [0xff05, 0xff05],
  [0xff0b, 0xff0b], [0xff0e, 0xff0e], [0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a],
];
/** The code units this stage replaces or removes (1 here); every other one is copied as it is. */
export const NEEDS_WORK: Readonly<Uint8Array> = (() => {
  const table = new Uint8Array(0x10000);
  for (const [from, to] of NEEDS_WORK_RANGES) table.fill(1, from, to + 1);
  return table;
})();

/** Index of the first code unit from `from` on that NEEDS_WORK, or text.length when there is none. */
export function firstWork(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) if (NEEDS_WORK[text.charCodeAt(i)] === 1) return i;
  return text.length;
}

export function normaliseCharacters(source: string): Stage {
  return normaliseCharactersFrom(source, firstWork(source));
}

/** normaliseCharacters, for a caller that has found the first code unit needing work already (firstWork(source)). */
export function normaliseCharactersFrom(source: string, first: number): Stage {
  if (first >= source.length) return { text: source, map: OffsetMap.identity(source.length) };

  const builder = new OffsetMapBuilder();
  const parts: string[] = [];
  let outLength = 0;
  let copiedFrom = 0;
  // Last output code unit before `copiedFrom` (0 for none): with the copied run after it, what
  // decides whether ． follows a digit.
  let lastOut = 0;

  const emit = (i: number, replacement: string, sourceLength: number): void => {
    if (copiedFrom < i) {
      parts.push(source.slice(copiedFrom, i));
      outLength += i - copiedFrom;
      lastOut = source.charCodeAt(i - 1);
    }
    builder.replace(outLength, i, replacement.length, sourceLength);
    parts.push(replacement);
    outLength += replacement.length;
    copiedFrom = i + sourceLength;
    if (replacement.length > 0) lastOut = replacement.charCodeAt(replacement.length - 1);
  };

  // From one code unit that needs work to the next; those between are copied unchanged.
  for (let i = first; i < source.length; i = firstWork(source, i + 1)) {
    const code = source.charCodeAt(i);
    if (code === 0x0d) {
      // The \n of a CRLF needs no work: the next search passes it.
      if (source.charCodeAt(i + 1) === 0x0a) emit(i, '\n', 2);
      else emit(i, '\n', 1);
    } else if (code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a)) {
      emit(i, ' ', 1);
    } else if ((code >= 0x200b && code <= 0x200d) || code === 0xfeff) {
      emit(i, '', 1);
    } else if (code === 0xff0e) {
      const previous = copiedFrom < i ? source.charCodeAt(i - 1) : lastOut;
      if (previous >= 0x30 && previous <= 0x39) emit(i, '.', 1);
    } else {
      // Full-width digits, Latin letters, ％ and ＋.
      emit(i, String.fromCharCode(code - 0xfee0), 1);
    }
  }
  if (copiedFrom < source.length) {
    parts.push(source.slice(copiedFrom));
    outLength += source.length - copiedFrom;
  }
  return { text: parts.join(''), map: builder.build(outLength, source.length) };
}
