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

/** The code units this stage replaces or removes; every other one is copied as it is. */
const NEEDS_WORK = /[\r\u00a0\u2000-\u200d\u3000\ufeff\uff05\uff0b\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

export function normaliseCharacters(source: string): Stage {
  NEEDS_WORK.lastIndex = 0;
  let match = NEEDS_WORK.exec(source);
  if (!match) return { text: source, map: OffsetMap.identity(source.length) };

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
  for (; match; match = NEEDS_WORK.exec(source)) {
    const i = match.index;
    const code = source.charCodeAt(i);
    if (code === 0x0d) {
      // The \n of a CRLF needs no work: the next match is past it.
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
