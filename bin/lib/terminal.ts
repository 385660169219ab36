// Terminal helpers: widths (CJK characters take two columns, — and … one, as terminals draw
// them: Unicode's East Asian Width) and whether to colour.
import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import { stdout } from './stdout.js';

/**
 * Text whose every character is a grapheme of its own and no emoji: printable ASCII and
 * Latin-1, general punctuation, CJK symbols and punctuation, kana, Han (the basic block and
 * Extension A) and fullwidth forms — with the few of them that are pictographs (© ® ‼ ⁉ 〰 〽)
 * or combining marks (〪–〯, the kana voicing marks) left out. Such text is as wide as its
 * characters' East Asian Widths added up, which is what string-width counts for it; a test
 * holds every character here to that. Anything else (ANSI escapes, marks, emoji, Hangul,
 * astral characters) goes to string-width, whose grapheme segmenter (Intl.Segmenter) costs
 * 15–20 ms to set up: most of what printing one document's summary took.
 */
export const STANDS_ALONE = /^[\x20-\x7e\xa0-\xa8\xaa-\xac\xaf-\xff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u3029\u3031-\u303c\u303e\u303f\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*$/;

/** Columns `text` takes in a terminal. */
export function columns(text: string): number {
  if (!STANDS_ALONE.test(text)) return stringWidth(text);
  let width = 0;
  // (Every character here is in the BMP: one code unit each.)
  for (let i = 0; i < text.length; i++) width += eastAsianWidth(text.charCodeAt(i));
  return width;
}

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is unset (FORCE_COLOR wins). */
export function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR, FORCE_COLOR } = process.env;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0') return true;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  return Boolean(stdout().isTTY);
}
