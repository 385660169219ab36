/**
 * Traditional -> Simplified with mainland vocabulary.
 *
 * Expects: the script of the whole document (from detectScript), so one stray
 * character cannot switch a Simplified document into full conversion.
 * Guarantees:
 *  - `simplified`: only Traditional-only characters change, one for one; a character
 *    that is valid Simplified (著, 乾, 后, 里, 于 …) is never touched, and no phrase
 *    table applies. Text without Traditional-only characters is returned as is.
 *  - `traditional` / `mixed`: longest match over the Taiwan phrase table (matched on
 *    character-folded text) and opencc's TSPhrases, then opencc's TSCharacters.
 *  - Line breaks are never added or removed; `map` leads back to the input.
 */
import type { Script } from './detect-script.js';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';
import { openccTables } from './opencc-tables.js';
import { PhraseTrie } from './phrase-trie.js';
import { TW_PHRASE_GUARDS, TW_PHRASES } from './tw-phrases.js';

export interface Simplified {
  text: string;
  map: OffsetMap;
  /** Number of source characters that were replaced. */
  changed: number;
}

let taiwanTrie: PhraseTrie | undefined;

/** Character-level conversion (opencc TSCharacters), without phrases. */
export function foldCharacters(text: string): string {
  const { fullMap } = openccTables();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(fullMap[code] || code);
  }
  return out;
}

function taiwanPhrases(): PhraseTrie {
  if (taiwanTrie) return taiwanTrie;
  const trie = new PhraseTrie();
  // Guards first, so that a real entry with the same key would win.
  for (const guard of TW_PHRASE_GUARDS) trie.add(foldCharacters(guard), foldCharacters(guard));
  for (const [taiwan, mainland] of TW_PHRASES) trie.add(foldCharacters(taiwan), mainland);
  taiwanTrie = trie;
  return trie;
}

/** Number of entries in the Taiwan phrase table (guards excluded). */
export function taiwanPhraseCount(): number {
  return TW_PHRASES.length;
}

/** `vocabulary: false` converts script only (opencc's phrases and characters), never Taiwan wording. */
export function toSimplified(text: string, script: Script, { vocabulary = true } = {}): Simplified {
  return script === 'simplified' ? convertStrict(text) : convertFull(text, vocabulary);
}

/** Simplified documents: replace Traditional-only characters one for one. */
function convertStrict(text: string): Simplified {
  const { strictMap } = openccTables();
  const n = text.length;
  let i = 0;
  // Fast path: Simplified corpora almost never contain a convertible character.
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && strictMap[code] !== 0) break;
    i++;
  }
  if (i === n) return { text, map: OffsetMap.identity(n), changed: 0 };

  const parts: string[] = [];
  let copiedTo = 0;
  let changed = 0;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) continue;
    const target = strictMap[code]!;
    if (target === 0) continue;
    parts.push(text.slice(copiedTo, i), String.fromCharCode(target));
    copiedTo = i + 1;
    changed++;
  }
  parts.push(text.slice(copiedTo));
  // One-for-one replacement: offsets do not move.
  return { text: parts.join(''), map: OffsetMap.identity(n), changed };
}

/** Traditional and mixed documents: phrases, then characters. */
/** 「 」 『 』 → “ ” ‘ ’, one for one (offsets do not move). */
const CORNER_QUOTES = [0x201c, 0x201d, 0x2018, 0x2019];

function convertFull(text: string, vocabulary: boolean): Simplified {
  const { fullMap, astralMap, phrases } = openccTables();
  const taiwan = vocabulary ? taiwanPhrases() : new PhraseTrie();
  const n = text.length;
  const builder = new OffsetMapBuilder();
  const chunks: string[] = [];
  const out = new Uint16Array(Math.min(n, 1 << 16) + 32);
  let o = 0;
  let total = 0;
  let changed = 0;

  const flush = (): void => {
    chunks.push(fromCodeUnits(out, o));
    total += o;
    o = 0;
  };

  for (let i = 0; i < n; ) {
    if (o + 16 > out.length) flush();
    const code = text.charCodeAt(i);
    if (code < 0x3400) {
      // Corner quotes 「」『』 are Taiwan and Hong Kong usage; mainland text prints “” ‘’.
      const quote = code >= 0x300c && code <= 0x300f ? (CORNER_QUOTES[code - 0x300c] as number) : code;
      if (quote !== code) changed++;
      out[o++] = quote;
      i++;
      continue;
    }

    // Longest phrase wins; on a tie the Taiwan table wins over opencc's.
    let end = -1;
    let value = '';
    if (taiwan.startsWith(fullMap[code] || code)) {
      const e = taiwan.match(text, i, fullMap);
      if (e > 0) {
        end = e;
        value = taiwan.value;
      }
    }
    if (phrases.startsWith(code)) {
      const e = phrases.match(text, i, null);
      if (e > end) {
        end = e;
        value = phrases.value;
      }
    }
    if (end > 0) {
      if (o + value.length + 16 > out.length) flush();
      builder.replace(total + o, i, value.length, end - i);
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (value.length !== end - i || v !== text.charCodeAt(i + k)) changed++;
        out[o++] = v;
      }
      i = end;
      continue;
    }

    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const target = astralMap.get(text.codePointAt(i)!);
      if (target !== undefined) {
        builder.replace(total + o, i, target.length, 2);
        for (let k = 0; k < target.length; k++) out[o++] = target.charCodeAt(k);
        changed++;
      } else {
        out[o++] = code;
        out[o++] = text.charCodeAt(i + 1);
      }
      i += 2;
      continue;
    }

    const target = fullMap[code]!;
    if (target !== 0) {
      out[o++] = target;
      changed++;
    } else {
      out[o++] = code;
    }
    i++;
  }
  flush();
  const result = chunks.length === 1 ? chunks[0]! : chunks.join('');
  return { text: result, map: builder.build(result.length, n), changed };
}

/** String from the first `length` code units (lone surrogates are kept as they are). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  let s = '';
  const step = 8192;
  for (let start = 0; start < length; start += step) {
    s += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + step)) as unknown as number[]);
  }
  return s;
}
