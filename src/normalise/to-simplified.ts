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
import { openccPhrases, openccTables } from './opencc-tables.js';
import { PhraseTrie } from './phrase-trie.js';
import { type CompactTables, PHRASE_TABLES, type PhraseTableName, prebuiltTrie } from './prebuilt-tables.js';
import { TW_PHRASE_GUARDS } from './tw-phrases.js';
import { TAIWAN_DOCUMENT_HITS, WEAK_PRINTS, mainlandMarkers, phrasesOf, scriptPhrases, stronglyPreferred, weaklyPreferred } from './tw-vocabulary.js';
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
  // Up to the first character that folds, the text is its own fold.
  let first = 0;
  while (first < text.length && fullMap[text.charCodeAt(first)] === 0) first++;
  if (first === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = fullMap[code] || code;
  }
  return fromCodeUnits(codes, codes.length);
}

/** Folded table keys, kept: every table folds the same guards and phrases again. */
const foldedKeys = new Map<string, string>();

/** foldCharacters of a table key, computed once per process. */
function foldKey(key: string): string {
  let folded = foldedKeys.get(key);
  if (folded === undefined) {
    folded = foldCharacters(key);
    foldedKeys.set(key, folded);
  }
  return folded;
}

/**
 * A Taiwan table, with the script phrases every Traditional document takes. Each key maps to
 * its replacement behind a one-character label: TAIWAN_ONLY for a Taiwan phrase, KEPT for a
 * guard, kept phrase or script phrase, so that the first pass reads its evidence from the
 * same lookup it converts with.
 */
function trieOf(pairs: ReadonlyArray<readonly [string, string]>, contextGuards: readonly string[] = []): PhraseTrie {
  const label = (value: string, rewritten: boolean): string => (rewritten ? TAIWAN_ONLY : KEPT) + value;
  const script = scriptPhrases();
  const guards = [...TW_PHRASE_GUARDS, ...contextGuards];
  // Sized for every key it may take (guards, Taiwan and script keys, kept mainland phrases).
  let units = 0;
  for (const guard of guards) units += guard.length;
  for (const [taiwan, mainland] of pairs) units += taiwan.length + mainland.length;
  for (const [traditional, mainland] of script) units += traditional.length + mainland.length;
  const trie = new PhraseTrie(units);
  // Guards first, so that a real entry with the same key would win.
  for (const guard of guards) trie.add(foldKey(guard), label(foldKey(guard), false));
  for (const [traditional, mainland] of script) trie.add(foldKey(traditional), label(mainland, false));
  // A mainland phrase holding a Taiwan key (以太网路由器 holds 网路) is kept as it is, so a
  // second pass changes nothing.
  const keys = new Set([...pairs, ...script].map(([taiwan]) => foldKey(taiwan)));
  const holdsKey = (phrase: string): boolean => {
    for (let i = 0; i < phrase.length; i++) {
      for (let j = i + 2; j <= phrase.length; j++) if (j - i < phrase.length && keys.has(phrase.slice(i, j))) return true;
    }
    return false;
  };
  for (const [, mainland] of [...pairs, ...script]) if (!keys.has(mainland) && holdsKey(mainland)) trie.add(mainland, label(mainland, false));
  for (const [taiwan, mainland] of pairs) trie.add(foldKey(taiwan), label(mainland, true));
  return trie;
}

/** Number of entries in the Taiwan phrase table (guards excluded). */
export function taiwanPhraseCount(): number {
  return phrasesOf('taiwan-only').length + phrasesOf('prefers-mainland').length;
}

/**
 * `vocabulary: false` converts script only (opencc's phrases and characters), never Taiwan
 * wording. `phrasing` forces the per-document decision (to normalise an excerpt exactly as
 * inside its whole document); by default it is read from the text itself. `noTraditional`:
 * the caller has counted the text's Traditional-only characters (countScriptCharacters) and
 * found none, so a Simplified text has nothing to convert and is not scanned again.
 */
export function toSimplified(
  text: string,
  script: Script,
  { vocabulary = true, phrasing, noTraditional = false }: { vocabulary?: boolean; phrasing?: Phrasing; noTraditional?: boolean } = {},
): Simplified {
  if (script === 'simplified') {
    // convertStrict changes only TRADITIONAL_ONLY characters (strictMap is theirs alone).
    if (noTraditional) return { text, map: OffsetMap.identity(text.length), changed: 0, phrasing: 'mainland' };
    return { ...convertStrict(text), phrasing: 'mainland' };
  }
  if (!vocabulary) return { ...convertFull(text, table('noPhrases')), phrasing: 'mainland' };
  if (phrasing === 'taiwan') return { ...convertFull(text, table('taiwanDocument'), readPhrasing(text, new Tally()).keep()), phrasing };
  if (phrasing === 'mixed') return { ...convertFull(text, table('mixedDocument')), phrasing };
  if (phrasing === 'mainland') return { ...convertFull(text, table('taiwanOnly')), phrasing };
  // One pass with the Taiwan-only phrases (the only table convertFull counts with), counting
  // them as it goes. A document with enough of them is read whole (readPhrasing: strong forms
  // and mainland markers too): if it is mainland-phrased after all, the pass goes on; if not,
  // it is converted again with the table its phrasing takes.
  const first: FirstReading = { tally: new Tally(), whole: undefined };
  const mainland = convertFull(text, table('taiwanOnly'), null, first);
  if (mainland) return { ...mainland, phrasing: 'mainland' };
  const tally = first.whole!;
  const read = tally.phrasing();
  if (read === 'taiwan') return { ...convertFull(text, table('taiwanDocument'), tally.keep()), phrasing: read };
  return { ...convertFull(text, read === 'mixed' ? table('mixedDocument') : table('taiwanOnly')), phrasing: read };
}

/**
 * Labels of the evidence table (table('evidence')), by their first character: a Taiwan-only phrase
 * (its replacement follows), a guard or kept phrase of that table (likewise), another key
 * that counts for nothing, a strong form, a mainland marker, a weak pair's mainland form
 * (after WEAK; a marker can be one too).
 */
const TAIWAN_ONLY = 't';
const KEPT = 'k';
const NEUTRAL = 'x';
const STRONG = 's';
const MARKER = 'm';
const WEAK = 'w|';

/** What a reading of a document's phrasing has counted (tw-vocabulary.ts). */
class Tally {
  taiwanOnly = 0;
  strong = 0;
  markers = 0;
  /** Mainland forms of weakly preferred pairs printed, by form. */
  readonly #printed = new Map<string, number>();

  /**
   * Counts one evidence label; true once the document so far reads as Taiwan-phrased, so that
   * converting on with the Taiwan-only table is wasted.
   */
  add(label: string): boolean {
    const kind = label[0];
    if (kind === TAIWAN_ONLY) this.taiwanOnly++;
    else if (kind === STRONG) this.strong++;
    else if (kind === MARKER) this.markers++;
    // A weak pair's mainland form (a marker can be one too: mw|数据).
    const weak = kind === MARKER || kind === WEAK[0] ? label.indexOf(WEAK) : -1;
    if (weak >= 0) {
      const form = label.slice(weak + WEAK.length);
      this.#printed.set(form, (this.#printed.get(form) ?? 0) + 1);
    }
    return this.phrasing() === 'taiwan';
  }

  phrasing(): Phrasing {
    const taiwan = this.taiwanOnly + this.strong;
    if (taiwan >= TAIWAN_DOCUMENT_HITS && taiwan >= this.markers) return 'taiwan';
    return this.taiwanOnly >= TAIWAN_DOCUMENT_HITS ? 'mixed' : 'mainland';
  }

  /**
   * The mainland forms of weakly preferred pairs the document prints WEAK_PRINTS times
   * (數據 beside 資料): there the Taiwan form was chosen, not translated, and stays. A
   * document converted wholesale from mainland wording prints none of them.
   */
  keep(): Set<string> {
    return new Set([...this.#printed].filter(([, n]) => n >= WEAK_PRINTS).map(([form]) => form));
  }
}

/** The reading table from the first pass's table `taiwan` (left as it is): a copy with the reading's keys added. */
function evidenceOf(taiwan: PhraseTrie): PhraseTrie {
  const labels = new Map<string, string>();
  const weak = weaklyPreferred();
  for (const [key] of weak) labels.set(foldKey(key), NEUTRAL);
  for (const [key] of stronglyPreferred()) labels.set(foldKey(key), STRONG);
  const markers = new Set(mainlandMarkers());
  for (const marker of markers) labels.set(marker, MARKER);
  for (const [, mainland] of weak) labels.set(mainland, (markers.has(mainland) ? MARKER : '') + WEAK + mainland);
  const trie = taiwan.clone();
  for (const [key, label] of labels) trie.add(key, label);
  return trie;
}

/**
 * Reads a whole document into an empty `tally` with the whole reading table, each phrase once,
 * longest first. The caller makes the tally: made here, at the top of a function first optimised
 * while its first call runs, it was a construct with no type feedback, which deoptimised it.
 */
function readPhrasing(text: string, tally: Tally): Tally {
  const { fullMap } = openccTables();
  const trie = table('evidence');
  const n = text.length;
  for (let i = 0; i < n; ) {
    const code = text.charCodeAt(i);
    // Every key starts with a Han character.
    const end = code >= 0x3400 && trie.mayStart(fullMap[code] || code, foldedAt(text, i + 1, fullMap)) ? trie.match(text, i, fullMap) : -1;
    if (end < 0) {
      i++;
      continue;
    }
    tally.add(trie.value);
    i = end;
  }
  return tally;
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

/** convertFull's output buffer, decoded into a chunk whenever it fills: one per thread, since a conversion never starts another. */
let scratch: Uint16Array | undefined;

/** The first pass's reading: its own count, and the whole document's once that was needed. */
interface FirstReading {
  tally: Tally;
  whole: Tally | undefined;
}

/**
 * Converts with `taiwan` as the Taiwan table, leaving the Taiwan-leaning phrases whose mainland
 * forms are in `keep`. With `first` (and the Taiwan-only table), also counts the evidence of the
 * document's phrasing as it goes; once that calls for it, reads the whole document into
 * `first.whole`, and returns null unless the document is mainland-phrased.
 */
function convertFull(text: string, taiwan: PhraseTrie, keep?: ReadonlySet<string> | null): Simplified;
function convertFull(text: string, taiwan: PhraseTrie, keep: ReadonlySet<string> | null, first: FirstReading): Simplified | null;
function convertFull(text: string, taiwan: PhraseTrie, keep: ReadonlySet<string> | null = null, first: FirstReading | null = null): Simplified | null {
  const { fullMap, astralMap, phrases } = openccTables();
  // Only Taiwan-only phrases call for reading a document whole: strong forms and mainland
  // markers are everywhere, and reading costs half a conversion.
  const ahead: ReadingAhead | null = first === null ? null : { first, trie: taiwan, to: 0, end: -1, value: '', noKey: false };
  const n = text.length;
  const builder = new OffsetMapBuilder();
  const chunks = new Chunks();
  const out = (scratch ??= new Uint16Array((1 << 16) + 32));
  // (Locals, none of them held by a closure: V8 keeps them in registers through the loop.)
  let o = 0;
  let changed = 0;

  for (let i = 0; i < n; ) {
    if (o + 16 > out.length) {
      chunks.add(out, o);
      o = 0;
    }
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
    const folded = fullMap[code] || code;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    const nextFolded = next < 0 ? -1 : fullMap[next] || next;
    let noKey = false;
    if (ahead !== null && ahead.trie !== null && ahead.to <= i) {
      if (!readAhead(ahead, text, i, folded, nextFolded, fullMap)) return null;
      if (ahead.end >= 0) {
        end = ahead.end;
        value = ahead.value;
      }
      noKey = ahead.noKey;
    }
    if (end < 0 && !noKey && taiwan.mayStart(folded, nextFolded)) {
      const e = taiwan.match(text, i, fullMap);
      // A Taiwan-leaning phrase whose mainland form the document also prints was written so.
      const replacement = e > 0 ? taiwan.value.slice(1) : '';
      if (e > 0 && !(keep !== null && keep.has(replacement))) {
        end = e;
        value = replacement;
      }
    }
    if (phrases.mayStart(code, next)) {
      const e = phrases.match(text, i, null);
      if (e > end) {
        end = e;
        value = phrases.value;
      }
    }
    if (end > 0) {
      if (o + value.length + 16 > out.length) {
        chunks.add(out, o);
        o = 0;
      }
      builder.replace(chunks.total + o, i, value.length, end - i);
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (value.length !== end - i || v !== text.charCodeAt(i + k)) changed++;
        out[o++] = v;
      }
      i = end;
      continue;
    }

    // A surrogate pair (a lone high surrogate is copied below, and what follows it read on its own).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const target = astralMap.get(text.codePointAt(i)!);
      if (target !== undefined) {
        builder.replace(chunks.total + o, i, target.length, 2);
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
  chunks.add(out, o);
  const result = chunks.text();
  return { text: result, map: builder.build(result.length, n), changed };
}

/** convertFull's output so far, as strings decoded from its buffer. */
class Chunks {
  readonly #parts: string[] = [];
  /** Code units in the parts. */
  total = 0;

  /** Adds the first `length` units of `out` (the caller then fills it again from its start). */
  add(out: Uint16Array, length: number): void {
    this.#parts.push(fromCodeUnits(out, length));
    this.total += length;
  }

  text(): string {
    return this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
  }
}

/** convertFull's first pass's reading of the Taiwan-only phrases, ahead of or at its position. */
interface ReadingAhead {
  first: FirstReading;
  /** The Taiwan-only table, until the reading is done (null: mainland-phrased after all). */
  trie: PhraseTrie | null;
  /** Where the reading goes on. */
  to: number;
  /** A Taiwan-only (or kept) phrase read at the position asked for: its end and replacement (end -1: none). */
  end: number;
  value: string;
  /** No phrase starts at the position asked for. */
  noKey: boolean;
}

/**
 * Counts the Taiwan-only phrases up to position `i`, each read once, longest first, wherever
 * the conversion steps; a match read at `i` is also the conversion's (`ahead.end`, `ahead.value`).
 * False when the count called for reading the document whole and it is not mainland-phrased.
 * (A function of its own, not part of convertFull's loop: the loop is what V8 optimises for a
 * document's later passes, and a smaller loop is compiled sooner.)
 */
function readAhead(ahead: ReadingAhead, text: string, i: number, folded: number, nextFolded: number, fullMap: Uint16Array): boolean {
  ahead.end = -1;
  ahead.noKey = false;
  for (let reading = ahead.trie; reading !== null && ahead.to <= i; reading = ahead.trie) {
    const at = ahead.to;
    const c = text.charCodeAt(at);
    const may = at === i ? reading.mayStart(folded, nextFolded) : reading.mayStart(fullMap[c] || c, foldedAt(text, at + 1, fullMap));
    const e = may ? reading.match(text, at, fullMap) : -1;
    if (e < 0) {
      ahead.noKey = at === i;
      ahead.to++;
      continue;
    }
    ahead.to = e;
    const label = reading.value;
    if (at === i && (label[0] === TAIWAN_ONLY || label[0] === KEPT)) {
      ahead.end = e;
      ahead.value = label.slice(1);
    }
    const { first } = ahead;
    if (first.tally.add(label)) {
      first.whole = readPhrasing(text, new Tally());
      if (first.whole.phrasing() !== 'mainland') return false;
      // Mainland-phrased after all: the Taiwan-only table was the right one; go on with it.
      ahead.trie = null;
    }
  }
  return true;
}

/** The code unit at `i` through `fold` (0 there means itself); -1 past the end of the text. */
function foldedAt(text: string, i: number, fold: Uint16Array): number {
  if (i >= text.length) return -1;
  const code = text.charCodeAt(i);
  return fold[code] || code;
}

/**
 * Decodes well-formed UTF-16 several times faster than String.fromCharCode; `fatal` makes it
 * refuse a lone surrogate (which it would replace) and `ignoreBOM` keeps a leading U+FEFF.
 * Null where the platform has no UTF-16 decoder, or stores a Uint16Array's units big-endian
 * (s390x): the decoder reads the bytes as little-endian.
 */
const utf16 = ((): TextDecoder | null => {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) return null;
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
  } catch {
    return null;
  }
})();

/** String from the first `length` code units (lone surrogates are kept as they are). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  // A decoder call has a fixed cost of its own: short strings (table keys) are copied.
  if (utf16 !== null && length >= 256) {
    try {
      return utf16.decode(units.subarray(0, length));
    } catch {
      // A lone surrogate: copied unit by unit below.
    }
  }
  let s = '';
  const step = 8192;
  for (let start = 0; start < length; start += step) {
    s += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + step)) as unknown as number[]);
  }
  return s;
}

/**
 * How each phrase table is built from its lists: when first used, unless the build's file
 * holds it (prebuilt-tables.ts), and by the build itself, which writes them (compactPhraseTables()).
 */
const BUILD: Readonly<Record<PhraseTableName, () => PhraseTrie>> = {
  /** opencc's phrases (opencc-tables.ts: openccTables().phrases). */
  opencc: openccPhrases,
  /** Phrases only Taiwan uses: rewritten in every Traditional document. */
  taiwanOnly: () => trieOf(phrasesOf('taiwan-only'), TW_CONTEXT_GUARDS),
  /** A Taiwan-phrased document's table: also the phrases mainland text prefers in its own form. */
  taiwanDocument: () => trieOf([...phrasesOf('taiwan-only'), ...phrasesOf('prefers-mainland'), ...TW_CONTEXT_REWRITES], TW_CONTEXT_GUARDS),
  /** A mixed document's table: the Taiwan-only phrases and the strongly preferred ones. */
  mixedDocument: () => trieOf([...phrasesOf('taiwan-only'), ...stronglyPreferred()], TW_CONTEXT_GUARDS),
  /** No Taiwan phrases at all (script conversion only: opencc's forms it does not take back). */
  noPhrases: () => trieOf([]),
  /**
   * The whole reading table: the first pass's, mainland markers, and the mainland forms of
   * weakly preferred pairs (not inside their Taiwan forms: 云 in 云端 is no 云 printed).
   */
  evidence: () => evidenceOf(table('taiwanOnly')),
};

/** The tables made so far: each is made once (its tables are large). */
const made = new Map<PhraseTableName, PhraseTrie>();

/** Table `name`: the build's, or built from its lists; made when first asked for. */
function table(name: PhraseTableName): PhraseTrie {
  let trie = made.get(name);
  if (!trie) {
    trie = prebuiltTrie(name) ?? BUILD[name]();
    made.set(name, trie);
  }
  return trie;
}

/**
 * Every phrase table built from its lists (never read from a build's file), as plain data:
 * what the CLI's build writes beside its bundle (scripts/bundle.mjs, prebuilt-tables.ts).
 */
export function compactPhraseTables(): CompactTables {
  return Object.fromEntries(PHRASE_TABLES.map((name) => [name, BUILD[name]().compact()])) as CompactTables;
}
