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
import { TW_PHRASE_GUARDS } from './tw-phrases.js';
import { TAIWAN_DOCUMENT_HITS, WEAK_PRINTS, mainlandMarkers, phrasesOf, stronglyPreferred, weaklyPreferred } from './tw-vocabulary.js';
import { TW_CONTEXT_GUARDS, TW_CONTEXT_REWRITES } from './tw-phrases-generated.js';

/** How far a Traditional document is Taiwan-phrased, which decides the phrases rewritten (tw-vocabulary.ts). */
export type Phrasing = 'taiwan' | 'mixed' | 'mainland';

export interface Simplified {
  text: string;
  map: OffsetMap;
  /** Number of source characters that were replaced. */
  changed: number;
  phrasing?: Phrasing;
}


/** Character-level conversion (opencc TSCharacters), without phrases. */
export function foldCharacters(text: string): string {
  const { fullMap } = openccTables();
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = fullMap[code] || code;
  }
  return fromCodeUnits(codes, codes.length);
}

let taiwanOnlyTrie: PhraseTrie | undefined;
let taiwanDocumentTrie: PhraseTrie | undefined;
let mixedDocumentTrie: PhraseTrie | undefined;
let emptyTrie: PhraseTrie | undefined;

/** No Taiwan phrases at all (script conversion only); one instance, its tables are large. */
function noPhrases(): PhraseTrie {
  emptyTrie ??= new PhraseTrie();
  return emptyTrie;
}

function trieOf(pairs: ReadonlyArray<readonly [string, string]>, contextGuards: readonly string[] = []): PhraseTrie {
  const trie = new PhraseTrie();
  // Guards first, so that a real entry with the same key would win.
  for (const guard of [...TW_PHRASE_GUARDS, ...contextGuards]) trie.add(foldCharacters(guard), foldCharacters(guard));
  // A mainland phrase holding a Taiwan key (以太网路由器 holds 网路) is kept as it is, so a
  // second pass changes nothing.
  const keys = new Set(pairs.map(([taiwan]) => foldCharacters(taiwan)));
  const holdsKey = (phrase: string): boolean => {
    for (let i = 0; i < phrase.length; i++) {
      for (let j = i + 2; j <= phrase.length; j++) if (j - i < phrase.length && keys.has(phrase.slice(i, j))) return true;
    }
    return false;
  };
  for (const [, mainland] of pairs) if (!keys.has(mainland) && holdsKey(mainland)) trie.add(mainland, mainland);
  for (const [taiwan, mainland] of pairs) trie.add(foldCharacters(taiwan), mainland);
  return trie;
}

/** Phrases only Taiwan uses: rewritten in every Traditional document. */
function taiwanOnly(): PhraseTrie {
  taiwanOnlyTrie ??= trieOf(phrasesOf('taiwan-only'), TW_CONTEXT_GUARDS);
  return taiwanOnlyTrie;
}

/** A Taiwan-phrased document's table: also the phrases mainland text prefers in its own form. */
function taiwanDocument(): PhraseTrie {
  taiwanDocumentTrie ??= trieOf([...phrasesOf('taiwan-only'), ...phrasesOf('prefers-mainland'), ...TW_CONTEXT_REWRITES], TW_CONTEXT_GUARDS);
  return taiwanDocumentTrie;
}

/** A mixed document's table: the Taiwan-only phrases and the strongly preferred ones. */
function mixedDocument(): PhraseTrie {
  mixedDocumentTrie ??= trieOf([...phrasesOf('taiwan-only'), ...stronglyPreferred()], TW_CONTEXT_GUARDS);
  return mixedDocumentTrie;
}

/** Number of entries in the Taiwan phrase table (guards excluded). */
export function taiwanPhraseCount(): number {
  return phrasesOf('taiwan-only').length + phrasesOf('prefers-mainland').length;
}

/**
 * `vocabulary: false` converts script only (opencc's phrases and characters), never Taiwan
 * wording. `phrasing` forces the per-document decision (to normalise an excerpt exactly as
 * inside its whole document); by default it is read from the text itself.
 */
export function toSimplified(text: string, script: Script, { vocabulary = true, phrasing }: { vocabulary?: boolean; phrasing?: Phrasing } = {}): Simplified {
  if (script === 'simplified') return { ...convertStrict(text), phrasing: 'mainland' };
  if (!vocabulary) return { ...(convertFull(text, noPhrases(), Number.POSITIVE_INFINITY) as Simplified), phrasing: 'mainland' };
  const all = Number.POSITIVE_INFINITY;
  if (phrasing === 'taiwan') return { ...(convertFull(text, taiwanDocument(), all, printedMainland(text)) as Simplified), phrasing };
  if (phrasing === 'mixed') return { ...(convertFull(text, mixedDocument(), all) as Simplified), phrasing };
  if (phrasing === 'mainland') return { ...(convertFull(text, taiwanOnly(), all) as Simplified), phrasing };
  // One pass with the Taiwan-only phrases, counting them; a document that shows enough of
  // them is converted again with the fuller table its mainland markers allow.
  const mainland = convertFull(text, taiwanOnly(), TAIWAN_DOCUMENT_HITS);
  if (mainland) return { ...mainland, phrasing: 'mainland' };
  if (!showsTaiwanPhrasing(text)) return { ...(convertFull(text, mixedDocument(), all) as Simplified), phrasing: 'mixed' };
  return { ...(convertFull(text, taiwanDocument(), all, printedMainland(text)) as Simplified), phrasing: 'taiwan' };
}

let markerTrie: PhraseTrie | undefined;

/** Taiwan-only phrases at least TAIWAN_DOCUMENT_HITS and as many as mainland markers (tw-vocabulary), each read once, longest first. */
function showsTaiwanPhrasing(text: string): boolean {
  const { fullMap } = openccTables();
  const taiwan = taiwanOnly();
  if (!markerTrie) {
    markerTrie = new PhraseTrie();
    for (const marker of mainlandMarkers()) markerTrie.add(marker, marker);
  }
  let taiwanHits = 0;
  let markerHits = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const folded = fullMap[code] || code;
    if (taiwan.startsWith(folded)) {
      const end = taiwan.match(text, i, fullMap);
      if (end > 0) {
        // Guards and kept mainland phrases map to their own characters.
        if (taiwan.value !== foldCharacters(text.slice(i, end))) taiwanHits++;
        i = end;
        continue;
      }
    }
    if (markerTrie.startsWith(folded)) {
      const end = markerTrie.match(text, i, fullMap);
      if (end > 0) {
        markerHits++;
        i = end;
        continue;
      }
    }
    i++;
  }
  return taiwanHits >= TAIWAN_DOCUMENT_HITS && taiwanHits >= markerHits;
}

/**
 * The mainland forms of Taiwan-leaning phrases that a Taiwan-phrased document itself prints
 * (數據 beside 資料): there the Taiwan-leaning form was chosen, not translated, and stays.
 * A document converted wholesale from mainland wording prints none of them.
 */
let weakPairs: Array<readonly [string, string]> | undefined;

function printedMainland(text: string): Set<string> {
  weakPairs ??= weaklyPreferred().map(([taiwan, mainland]) => [foldCharacters(taiwan), mainland] as const);
  const folded = foldCharacters(text);
  const keep = new Set<string>();
  for (const [taiwan, mainland] of weakPairs) {
    // (云 inside 云端 is the Taiwan form itself, not the mainland one printed.)
    if (folded.includes(mainland) && occurrences(folded.replaceAll(taiwan, ''), mainland) >= WEAK_PRINTS) keep.add(mainland);
  }
  return keep;
}

function occurrences(text: string, phrase: string): number {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
  return n;
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

/** Converts with `taiwan` as the Taiwan table; null as soon as it has matched `stopAtHits` Taiwan phrases. */
function convertFull(text: string, taiwan: PhraseTrie, stopAtHits: number, keep: ReadonlySet<string> | null = null): Simplified | null {
  const { fullMap, astralMap, phrases } = openccTables();
  let hits = 0;
  const counting = stopAtHits !== Number.POSITIVE_INFINITY;
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
      // A Taiwan-leaning phrase whose mainland form the document also prints was written so.
      if (e > 0 && !(keep !== null && keep.has(taiwan.value))) {
        end = e;
        value = taiwan.value;
        // A guard, or a mainland phrase kept as it is, maps to its own characters: no Taiwan phrase.
        if (counting && (value.length !== e - i || value !== foldCharacters(text.slice(i, e))) && ++hits >= stopAtHits) return null;
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
