/**
 * Normalisation stage: one canonical string per sentence, with a way back.
 *
 * Expects: the raw text of one document (any script, any punctuation width, any
 * line-break convention). Guarantees:
 *  - `text` is Simplified Chinese with mainland vocabulary and mainland full-width
 *    punctuation (see to-simplified.ts, normalise-characters.ts, punctuation.ts);
 *  - line N of `text` is line N of the source: every CRLF, CR or LF becomes one '\n'
 *    and no line break is added or removed;
 *  - `script` describes the INPUT;
 *  - `map.toSource(i)` is the source offset of normalised offset i (0..text.length);
 *  - normalise(normalise(x).text).text === normalise(x).text.
 * No I/O; opencc dictionaries are turned into tables on the first call.
 */
import { readSource, scriptFromCounts, type Script } from './detect-script.js';
import { firstWork, normaliseCharactersFrom } from './normalise-characters.js';
import { OffsetMap } from './offset-map.js';
import { normalisePunctuation } from './punctuation.js';
import { type Phrasing, toSimplified } from './to-simplified.js';

export type { Script, ScriptCounts } from './detect-script.js';
export { countScriptCharacters, detectScript, scriptFromCounts } from './detect-script.js';
export { OffsetMap, OffsetMapBuilder } from './offset-map.js';
export { normaliseCharacters } from './normalise-characters.js';
export { normalisePunctuation } from './punctuation.js';
export { foldCharacters, taiwanPhraseCount, toSimplified, type Phrasing, type Simplified } from './to-simplified.js';

export interface Normalised {
  /** Normalised text. */
  text: string;
  /** Script of the INPUT. */
  script: Script;
  /** Normalised offset -> source offset. */
  map: OffsetMap;
  /** A Traditional document's wording: `taiwan` when it showed itself Taiwan-phrased. */
  phrasing: Phrasing;
  /**
   * A name (a title, a statute's name) in the normalised range [start, end): converted
   * character by character only, never rephrased — 個人資料保護法 is 个人资料保护法, not
   * the mainland's different 个人信息保护法. Equals text.slice(start, end) for Simplified input.
   */
  asName(start: number, end: number): string;
}

export interface NormaliseOptions {
  /**
   * Use this script instead of detecting it, e.g. to normalise an excerpt exactly as
   * it was normalised inside its whole document.
   */
  script?: Script;
  /** Likewise the document's phrasing (Normalised.phrasing), instead of reading it from the excerpt. */
  phrasing?: Phrasing;
}

export function normalise(source: string, options: NormaliseOptions = {}): Normalised {
  // The script's evidence and the first character normaliseCharacters changes, in one pass.
  const counts = options.script === undefined ? readSource(source) : null;
  const script = counts === null ? (options.script as Script) : scriptFromCounts(counts);
  // Widths and line breaks first: the later stages then see one kind of space,
  // one kind of line break and ASCII digits.
  const characters = normaliseCharactersFrom(source, counts === null ? firstWork(source) : counts.firstWork);
  // normaliseCharacters adds no Han character, so a source with no Traditional-only one
  // gives a text with none either: toSimplified need not look for them again.
  const simplified = toSimplified(characters.text, script, {
    ...(options.phrasing ? { phrasing: options.phrasing } : {}),
    ...(counts?.traditional === 0 ? { noTraditional: true } : {}),
  });
  const punctuated = normalisePunctuation(simplified.text);
  const map = punctuated.map.composeWith(simplified.map).composeWith(characters.map);
  const toCharacters = script === 'simplified' ? null : punctuated.map.composeWith(simplified.map);
  const asName = (start: number, end: number): string => {
    if (!toCharacters || simplified.changed === 0) return punctuated.text.slice(start, end);
    const raw = characters.text.slice(toCharacters.toSource(start), toCharacters.toSource(end));
    return normalisePunctuation(toSimplified(raw, script, { vocabulary: false }).text).text;
  };
  return { text: punctuated.text, script, map, asName, phrasing: simplified.phrasing ?? 'mainland' };
}
