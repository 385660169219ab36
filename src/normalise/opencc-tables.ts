/**
 * Character tables derived from opencc-js dictionaries, built once on first use.
 *
 * Expects: nothing; the data is opencc-generated.ts (no file I/O, and no opencc-js at run time).
 * Guarantees: `charClass` marks every BMP character as Traditional-only,
 * Simplified-only or neutral; `fullMap` is opencc's TSCharacters (minus mappings into
 * the astral planes); `strictMap` is the subset that is safe on Simplified text;
 * `phrases` is opencc's TSPhrases as a trie.
 */
import { ASTRAL_PAIRS, FULL_PAIRS, PHRASE_PAIRS, SIMPLIFIED_ONLY as SIMPLIFIED_ONLY_CHARS, TRADITIONAL_ONLY as TRADITIONAL_ONLY_CHARS } from './opencc-generated.js';
import { PhraseTrie } from './phrase-trie.js';
import { prebuiltTrie } from './prebuilt-tables.js';

/** charClass values. */
export const NEUTRAL = 0;
/** Has a different Simplified form and is not itself used in Simplified text. */
export const TRADITIONAL_ONLY = 1;
/** Has a different Traditional form and is not itself used in Traditional text. */
export const SIMPLIFIED_ONLY = 2;

export interface OpenccTables {
  /** Per BMP code unit: NEUTRAL | TRADITIONAL_ONLY | SIMPLIFIED_ONLY. */
  charClass: Uint8Array;
  /** BMP Traditional (or variant) -> BMP Simplified; 0 = unchanged. */
  fullMap: Uint16Array;
  /** Like fullMap but only for TRADITIONAL_ONLY characters. */
  strictMap: Uint16Array;
  /** Astral source characters (as code points) whose Simplified form is known. */
  astralMap: Map<number, string>;
  /** opencc TSPhrases, matched on the raw text. */
  phrases: PhraseTrie;
}

let tables: OpenccTables | undefined;
let classes: Uint8Array | undefined;

/**
 * charClass alone, built on first use: script detection reads it for every document, and a
 * Simplified document needs nothing else (the maps and the phrase trie are built only for
 * text with Traditional characters).
 */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(0x10000);
  for (let i = 0; i < TRADITIONAL_ONLY_CHARS.length; i++) classes[TRADITIONAL_ONLY_CHARS.charCodeAt(i)] = TRADITIONAL_ONLY;
  for (let i = 0; i < SIMPLIFIED_ONLY_CHARS.length; i++) classes[SIMPLIFIED_ONLY_CHARS.charCodeAt(i)] = SIMPLIFIED_ONLY;
  return classes;
}

/**
 * The tables, from opencc-generated.ts (derived from opencc-js at build time by
 * scripts/generate-opencc-tables.mjs, which holds the rules: a character is
 * TRADITIONAL_ONLY when it has a Simplified form, appears in Traditional text and is not a
 * Simplified key, not kept by opencc's own phrases and not in 乾於噁徵昇蒐, which the
 * 通用规范汉字表 keeps; mappings into the astral planes, and phrases whose Simplified form
 * is in them, are left out).
 */
export function openccTables(): OpenccTables {
  if (tables) return tables;
  const charClass = charClasses();
  const fullMap = new Uint16Array(0x10000);
  const strictMap = new Uint16Array(0x10000);
  for (let i = 0; i < FULL_PAIRS.length; i += 2) fullMap[FULL_PAIRS.charCodeAt(i)] = FULL_PAIRS.charCodeAt(i + 1);
  for (let i = 0; i < TRADITIONAL_ONLY_CHARS.length; i++) {
    const code = TRADITIONAL_ONLY_CHARS.charCodeAt(i);
    strictMap[code] = fullMap[code] as number;
  }
  const astralMap = new Map<number, string>(ASTRAL_PAIRS.map(([source, target]) => [source.codePointAt(0) as number, target]));

  tables = { charClass, fullMap, strictMap, astralMap, phrases: prebuiltTrie('opencc') ?? openccPhrases() };
  return tables;
}

/** opencc's TSPhrases as a trie, built from its list (PHRASE_PAIRS). */
export function openccPhrases(): PhraseTrie {
  let units = 0;
  for (const [source] of PHRASE_PAIRS) units += source.length;
  const phrases = new PhraseTrie(units);
  for (const [source, target] of PHRASE_PAIRS) phrases.add(source, target);
  return phrases;
}
