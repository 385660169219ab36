/**
 * Character tables derived from opencc-js dictionaries, built once on first use.
 *
 * Expects: nothing; the dictionary strings are bundled modules, no file I/O.
 * Guarantees: `charClass` marks every BMP character as Traditional-only,
 * Simplified-only or neutral; `fullMap` is opencc's TSCharacters (minus mappings into
 * the astral planes); `strictMap` is the subset that is safe on Simplified text;
 * `phrases` is opencc's TSPhrases as a trie.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import { PhraseTrie } from './phrase-trie.js';

/** charClass values. */
export const NEUTRAL = 0;
/** Has a different Simplified form and is not itself used in Simplified text. */
export const TRADITIONAL_ONLY = 1;
/** Has a different Traditional form and is not itself used in Traditional text. */
export const SIMPLIFIED_ONLY = 2;

/**
 * Traditional characters that the 通用规范汉字表 keeps for specific Simplified uses
 * (乾坤/乾隆, the surname 於, 二噁英, 宫商角徵羽, 毕昇, 春蒐). They are never
 * converted in a Simplified document and do not count as Traditional evidence.
 */
const VALID_IN_SIMPLIFIED = '乾於噁徵昇蒐';

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

function entries(dictionary: string): string[][] {
  return dictionary.split('|').map((line) => line.split(' '));
}

function isBmpChar(s: string): boolean {
  return s.length === 1;
}

export function openccTables(): OpenccTables {
  if (tables) return tables;

  // Every character that a Traditional text can contain: S->T targets, the Traditional
  // side of S->T phrases, and the Taiwan/Hong Kong standard glyph variants.
  const traditionalForms = new Set<string>();
  for (const dictionary of [STCharacters, STPhrases, TWVariants, HKVariants]) {
    for (const [, ...targets] of entries(dictionary)) {
      for (const target of targets) for (const ch of target) traditionalForms.add(ch);
    }
  }
  const simplifiedKeys = new Set(entries(STCharacters).map(([key]) => key!));

  // Characters opencc's own T->S phrase table leaves in Simplified output are valid
  // Simplified in some word (束脩, 祕鲁 …); treating them as convertible would make
  // normalise() non-idempotent.
  const keptByPhrases = new Set<string>();
  const phraseList = entries(TSPhrases);
  for (const [, target] of phraseList) for (const ch of target ?? '') keptByPhrases.add(ch);

  const charClass = new Uint8Array(0x10000);
  const fullMap = new Uint16Array(0x10000);
  const strictMap = new Uint16Array(0x10000);
  const astralMap = new Map<number, string>();

  for (const [source, target] of entries(TSCharacters)) {
    if (!source || !target || source === target) continue;
    if (!isBmpChar(source)) {
      astralMap.set(source.codePointAt(0)!, target);
      continue;
    }
    // Class-simplified forms in the astral planes (鱀 -> 𬶨) are not what mainland
    // documents print; keep the BMP character so texts still compare equal.
    if (!isBmpChar(target)) continue;
    const code = source.charCodeAt(0);
    fullMap[code] = target.charCodeAt(0);
    const unambiguous =
      traditionalForms.has(source) &&
      !simplifiedKeys.has(source) &&
      !VALID_IN_SIMPLIFIED.includes(source) &&
      !keptByPhrases.has(source);
    if (unambiguous) {
      charClass[code] = TRADITIONAL_ONLY;
      strictMap[code] = target.charCodeAt(0);
    }
  }

  for (const [source, ...targets] of entries(STCharacters)) {
    if (!source || !isBmpChar(source)) continue;
    if (targets.every((t) => t === source) || traditionalForms.has(source)) continue;
    const code = source.charCodeAt(0);
    if (charClass[code] === NEUTRAL && fullMap[code] === 0) charClass[code] = SIMPLIFIED_ONLY;
  }

  const phrases = new PhraseTrie();
  for (const [source, target] of phraseList) {
    // Same rule as for characters: no phrase output in the astral planes (二噁英).
    if (source && target && !/[\ud800-\udfff]/.test(target)) phrases.add(source, target);
  }

  tables = { charClass, fullMap, strictMap, astralMap, phrases };
  return tables;
}
