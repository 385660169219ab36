/**
 * Longest-match phrase lookup over UTF-16 code units.
 *
 * Expects: keys added in the form they will be compared in (already folded when the
 * caller matches with a fold table). Guarantees: `match` returns the end of the
 * longest key starting at `start` (or -1) and leaves its replacement in `value`;
 * it allocates nothing per call, since it runs at every Han character of a document.
 * `mayStart` is false only where `match` would find nothing: a caller asks it first,
 * with the first two code units it already holds, and walks only where it is true.
 *
 * Storage is flat: nodes are numbers (the root is 0), each with its parent and the code
 * unit that leads to it, and a node's child by a code unit is found in one open-addressing
 * table of slots, each holding a child node (0: empty, as the root is nobody's child). The
 * slots hold nothing a node does not: a trie's plain data (compact()) is its whole storage,
 * and fromCompact() takes it as it is, with no link made again.
 */

/** Bits of the pair filter's hash: 2^17 bits (16 KB), a few percent full for a few thousand keys. */
const PAIR_BITS = 17;
/** The pair filter's 32-bit words. */
export const PAIR_WORDS = 1 << (PAIR_BITS - 5);
const pairHash = (a: number, b: number): number => (Math.imul(a, 40503) ^ b) & ((1 << PAIR_BITS) - 1);

/** #first flags: a one-unit key is this code unit. */
const SINGLE = 1;

/** No node: the root is nobody's child. */
const NONE = 0;

/** A PhraseTrie as plain data (PhraseTrie.compact()): what a build can write and a run read back. */
export interface CompactTrie {
  /** Per node (the root is 0): its parent node, and the code unit that leads to it. */
  parents: Int32Array;
  codes: Uint16Array;
  /** Per node: the replacement of the key it ends, if it ends one. */
  values: Array<string | undefined>;
  /** The child slots: a power of two of them, at most half full, each a node or 0. */
  slots: Int32Array;
  pairs: Int32Array;
  first: Uint8Array | null;
  size: number;
}

export class PhraseTrie {
  /** Per code unit, SINGLE when it is a whole key; made with the first such key (none of this project's tables has one). */
  #first: Uint8Array | null;
  /** Bit set of the hashed first two code units of all longer keys: most walks that would fail never start. */
  readonly #pairs: Int32Array;
  /** Per node, its parent and the code unit that leads to it (room for more nodes than there are). */
  #parent: Int32Array;
  #code: Uint16Array;
  /** Child slots: the child node, or 0 for an empty slot. */
  #slots: Int32Array;
  #slotBits: number;
  /** Replacement of each node that ends a key, by node. */
  #values: Array<string | undefined>;
  /** Is any key one code unit long (#first is made)? */
  #hasSingle: boolean;
  #size: number;
  /** Replacement of the last successful `match`. */
  value = '';

  /**
   * `units`: about how many code units the keys to be added hold (an upper bound on the
   * nodes), so that the arrays are made at their final size instead of grown, every link
   * hashed again, at each doubling: a Traditional document's first conversion may build the
   * tables while the code is still cold. With `data` (fromCompact), the trie is that data.
   */
  constructor(units = 0, data?: CompactTrie) {
    if (data) {
      this.#first = data.first;
      this.#pairs = data.pairs;
      this.#parent = data.parents;
      this.#code = data.codes;
      this.#slots = data.slots;
      this.#slotBits = Math.log2(data.slots.length);
      this.#values = data.values;
      this.#hasSingle = data.first !== null;
      this.#size = data.size;
      return;
    }
    this.#first = null;
    this.#pairs = new Int32Array(PAIR_WORDS);
    this.#slotBits = 12;
    while (2 * (units + 1) > 1 << this.#slotBits) this.#slotBits++;
    this.#slots = new Int32Array(1 << this.#slotBits);
    // Room for every node the keys can make (and for a few at least, when not told).
    this.#parent = new Int32Array(Math.max(units + 1, 16));
    this.#code = new Uint16Array(this.#parent.length);
    this.#values = [undefined];
    this.#hasSingle = false;
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }

  /** The trie as plain data: its nodes (parent and code unit), replacements, child slots and pair filter. fromCompact() takes it back. */
  compact(): CompactTrie {
    const nodes = this.#values.length;
    const parents = this.#parent.slice(0, nodes);
    const codes = this.#code.slice(0, nodes);
    // The slots made again at the least size that holds the nodes (a trie built from a list
    // has room for as many nodes as its keys have code units): the plain data is what a run reads.
    let bits = 1;
    while (2 * nodes > 1 << bits) bits++;
    const slots = new Int32Array(1 << bits);
    for (let child = 1; child < nodes; child++) place(slots, bits, parents[child] as number, codes[child] as number, child);
    return {
      parents,
      codes,
      values: this.#values.slice(),
      slots,
      pairs: this.#pairs.slice(),
      first: this.#first && this.#first.slice(),
      size: this.#size,
    };
  }

  /**
   * The trie whose plain data compact() gave, made of that data itself: nothing is linked
   * again or copied: the data becomes the trie's storage (the caller hands it over, and reads
   * or changes it no more). A key added later writes into it (the slots, the pair filter and
   * the replacements in place; the node arrays, full, are grown into new ones).
   */
  static fromCompact(data: CompactTrie): PhraseTrie {
    return new PhraseTrie(0, data);
  }

  /** A copy to add more keys to, made without walking the keys already added. */
  clone(): PhraseTrie {
    const copy = new PhraseTrie();
    copy.#first = this.#first && this.#first.slice();
    copy.#pairs.set(this.#pairs);
    copy.#parent = this.#parent.slice();
    copy.#code = this.#code.slice();
    copy.#slots = this.#slots.slice();
    copy.#slotBits = this.#slotBits;
    copy.#values = this.#values.slice();
    copy.#hasSingle = this.#hasSingle;
    copy.#size = this.#size;
    return copy;
  }

  add(key: string, value: string): void {
    if (key.length === 0) return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = this.#child(node, code);
      if (child === NONE) {
        child = this.#values.length;
        this.#values.push(undefined);
        this.#link(node, code, child);
      }
      node = child;
    }
    if (this.#values[node] === undefined) this.#size++;
    this.#values[node] = value;
    if (key.length === 1) {
      (this.#first ??= new Uint8Array(0x10000))[key.charCodeAt(0)] = SINGLE;
      this.#hasSingle = true;
    } else {
      const h = pairHash(key.charCodeAt(0), key.charCodeAt(1));
      this.#pairs[h >>> 5] = (this.#pairs[h >>> 5] as number) | (1 << (h & 31));
    }
  }

  /**
   * Can a key start with code unit `a` followed by `b` (both as compared, so folded when
   * matching folds; `b` is -1 at the end of the text)? False means `match` finds nothing there.
   */
  mayStart(a: number, b: number): boolean {
    if (this.#hasSingle && (this.#first as Uint8Array)[a] === SINGLE) return true;
    if (b < 0) return false;
    const h = pairHash(a, b);
    return ((this.#pairs[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }

  /**
   * End offset of the longest key equal to text[start..end), comparing each text code
   * unit through `fold` when given (fold[c] === 0 means "c itself"); -1 when none.
   */
  match(text: string, start: number, fold: Uint16Array | null): number {
    let node = 0;
    let end = -1;
    for (let i = start; i < text.length; i++) {
      const raw = text.charCodeAt(i);
      node = this.#child(node, fold ? fold[raw] || raw : raw);
      if (node === NONE) break;
      const value = this.#values[node];
      if (value !== undefined) {
        end = i + 1;
        this.value = value;
      }
    }
    return end;
  }

  /** The child of `node` by `code`, or NONE. */
  #child(node: number, code: number): number {
    const mask = (1 << this.#slotBits) - 1;
    const slots = this.#slots;
    for (let s = slotHash(node, code, this.#slotBits); ; s = (s + 1) & mask) {
      const child = slots[s] as number;
      if (child === NONE) return NONE;
      if (this.#parent[child] === node && this.#code[child] === code) return child;
    }
  }

  /** Records `child` as the child of `node` by `code`, growing the node arrays as needed and the slots to stay at most half full. */
  #link(node: number, code: number, child: number): void {
    if (child >= this.#parent.length) {
      const parent = new Int32Array(2 * this.#parent.length);
      const codes = new Uint16Array(2 * this.#parent.length);
      parent.set(this.#parent);
      codes.set(this.#code);
      this.#parent = parent;
      this.#code = codes;
    }
    this.#parent[child] = node;
    this.#code[child] = code;
    if (2 * this.#values.length > 1 << this.#slotBits) this.#grow();
    else this.#place(child);
  }

  /** Puts `child` (its parent and code unit already recorded) in its slot. */
  #place(child: number): void {
    place(this.#slots, this.#slotBits, this.#parent[child] as number, this.#code[child] as number, child);
  }

  /** Doubles the child slots and puts every node back (the newest included). */
  #grow(): void {
    this.#slotBits++;
    this.#slots = new Int32Array(1 << this.#slotBits);
    // Node 0 is the root, nobody's child.
    for (let child = 1; child < this.#values.length; child++) this.#place(child);
  }
}

/** Puts `child`, the child of `node` by `code`, in the first empty slot of `slots` (2^bits of them) from its hash. */
function place(slots: Int32Array, bits: number, node: number, code: number, child: number): void {
  const mask = (1 << bits) - 1;
  let s = slotHash(node, code, bits);
  while (slots[s] !== NONE) s = (s + 1) & mask;
  slots[s] = child;
}

/** Slot of a (node, code unit) link: Fibonacci hashing, the top `bits` bits of the product. */
function slotHash(node: number, code: number, bits: number): number {
  return Math.imul((node << 16) ^ code, 0x9e3779b1) >>> (32 - bits);
}
