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

const NEEDS_WORK = /[\r\u00a0\u2000-\u200d\u3000\ufeff\uff05\uff0b\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

export function normaliseCharacters(source: string): Stage {
  const first = source.search(NEEDS_WORK);
  if (first < 0) return { text: source, map: OffsetMap.identity(source.length) };

  const builder = new OffsetMapBuilder();
  const parts: string[] = [source.slice(0, first)];
  let outLength = first;
  // Last output code unit, needed to decide whether ． follows a digit.
  let previous = first > 0 ? source.charCodeAt(first - 1) : 0;
  let copiedFrom = first;

  const emit = (i: number, replacement: string, sourceLength: number): void => {
    if (copiedFrom < i) {
      parts.push(source.slice(copiedFrom, i));
      outLength += i - copiedFrom;
    }
    builder.replace(outLength, i, replacement.length, sourceLength);
    parts.push(replacement);
    outLength += replacement.length;
    copiedFrom = i + sourceLength;
    if (replacement.length > 0) previous = replacement.charCodeAt(replacement.length - 1);
  };

  for (let i = first; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0d) {
      if (source.charCodeAt(i + 1) === 0x0a) {
        emit(i, '\n', 2);
        i++;
      } else {
        emit(i, '\n', 1);
      }
    } else if (code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a)) {
      emit(i, ' ', 1);
    } else if ((code >= 0x200b && code <= 0x200d) || code === 0xfeff) {
      emit(i, '', 1);
    } else if (
      (code >= 0xff10 && code <= 0xff19) ||
      (code >= 0xff21 && code <= 0xff3a) ||
      (code >= 0xff41 && code <= 0xff5a) ||
      code === 0xff05 ||
      code === 0xff0b
    ) {
      emit(i, String.fromCharCode(code - 0xfee0), 1);
    } else if (code === 0xff0e && previous >= 0x30 && previous <= 0x39) {
      emit(i, '.', 1);
    } else {
      previous = code;
    }
  }
  if (copiedFrom < source.length) {
    parts.push(source.slice(copiedFrom));
    outLength += source.length - copiedFrom;
  }
  return { text: parts.join(''), map: builder.build(outLength, source.length) };
}
