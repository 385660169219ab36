// The phrase tables as the CLI's build made them: a Traditional document's first conversion
// otherwise builds them from their lists (to-simplified.ts, opencc-tables.ts), about 30 ms of
// code run once and cold, a sixth of a one-document run. The build makes them with that same
// code (compactPhraseTables()) and writes them beside the bundle, each trie's whole storage, so
// that a run uses them as read (PhraseTrie.fromCompact); without them (the library, or a file
// that does not fit the build) each table is built from its lists when first used.
import { buildData } from '../read/build-data.js';
import { type CompactTrie, PAIR_WORDS, PhraseTrie } from './phrase-trie.js';

/** The tables by name: opencc's phrases, and each Taiwan phrase table of to-simplified.ts. */
export const PHRASE_TABLES = ['opencc', 'taiwanOnly', 'taiwanDocument', 'mixedDocument', 'noPhrases', 'evidence'] as const;
export type PhraseTableName = (typeof PHRASE_TABLES)[number];
export type CompactTables = Record<PhraseTableName, CompactTrie>;

/** The name of the build's file of tables (in dist/bundle). */
export const PHRASE_TABLES_FILE = 'phrase-tables.bin';

let prebuilt: Partial<CompactTables> | null | undefined;

/** Table `name` as the build made it, or undefined: then the caller builds it. */
export function prebuiltTrie(name: PhraseTableName): PhraseTrie | undefined {
  if (prebuilt === undefined) {
    const data = buildData(PHRASE_TABLES_FILE);
    prebuilt = data !== null && typeof data === 'object' ? (data as Partial<CompactTables>) : null;
  }
  const table = prebuilt?.[name];
  return isCompactTrie(table) ? PhraseTrie.fromCompact(table) : undefined;
}

function isCompactTrie(value: unknown): value is CompactTrie {
  const t = value as CompactTrie | undefined;
  return (
    t !== undefined &&
    t.parents instanceof Int32Array &&
    t.codes instanceof Uint16Array &&
    Array.isArray(t.values) &&
    t.parents.length === t.values.length &&
    t.codes.length === t.values.length &&
    // A power of two of slots, at most half of them filled (a lookup always meets an empty one).
    t.slots instanceof Int32Array &&
    t.slots.length >= 2 * t.values.length &&
    (t.slots.length & (t.slots.length - 1)) === 0 &&
    t.pairs instanceof Int32Array &&
    t.pairs.length === PAIR_WORDS &&
    (t.first === null || (t.first instanceof Uint8Array && t.first.length === 0x10000)) &&
    typeof t.size === 'number'
  );
}
