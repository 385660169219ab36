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
 * Storage is flat: nodes are numbers (the root is 0), and a node's child by a code unit is
 * found in one open-addressing table of (parent, code unit) slots.
 */

/** Bits of the pair filter's hash: 2^17 bits (16 KB), a few percent full for a few thousand keys. */
const PAIR_BITS = 17;
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
  pairs: Int32Array;
  first: Uint8Array | null;
  size: number;
}

export class PhraseTrie {
  /** Per code unit, SINGLE when it is a whole key; made with the first such key (none of this project's tables has one). */
  #first: Uint8Array | null = null;
  /** Bit set of the hashed first two code units of all longer keys: most walks that would fail never start. */
  readonly #pairs = new Int32Array(1 << (PAIR_BITS - 5));
  /** Child slots: parent node + 1 (0 = empty slot), code unit, child node. */
  #slotParent = new Int32Array(1 << 12);
  #slotCode = new Uint16Array(1 << 12);
  #slotChild = new Int32Array(1 << 12);
  #slotBits = 12;
  /** Replacement of each node that ends a key, by node. */
  #values: Array<string | undefined> = [undefined];
  /** Is any key one code unit long (#first is made)? */
  #hasSingle = false;
  #size = 0;
  /** Replacement of the last successful `match`. */
  value = '';

  /**
   * `units`: about how many code units the keys to be added hold (an upper bound on the
   * nodes), so that the child slots are made at their final size instead of grown, every
   * link hashed again, at each doubling: a Traditional document's first conversion builds
   * the tables while the code is still cold.
   */
  constructor(units = 0) {
    while (2 * (units + 1) > 1 << this.#slotBits) this.#slotBits++;
    if (this.#slotBits > 12) {
      this.#slotParent = new Int32Array(1 << this.#slotBits);
      this.#slotCode = new Uint16Array(1 << this.#slotBits);
      this.#slotChild = new Int32Array(1 << this.#slotBits);
    }
  }

  get size(): number {
    return this.#size;
  }

  /**
   * The trie as plain data, a few bytes a node (no hash table): each node's parent and code
   * unit, the replacements, the pair filter. fromCompact() makes the same trie from it.
   */
  compact(): CompactTrie {
    const nodes = this.#values.length;
    const parents = new Int32Array(nodes);
    const codes = new Uint16Array(nodes);
    for (let s = 0; s < this.#slotParent.length; s++) {
      const parent = this.#slotParent[s] as number;
      if (parent === 0) continue;
      const child = this.#slotChild[s] as number;
      parents[child] = parent - 1;
      codes[child] = this.#slotCode[s] as number;
    }
    return { parents, codes, values: this.#values.slice(), pairs: this.#pairs.slice(), first: this.#first && this.#first.slice(), size: this.#size };
  }

  /** The trie compact() gave: the same nodes, keys and replacements, its child slots made at the size they need. */
  static fromCompact(data: CompactTrie): PhraseTrie {
    const nodes = data.values.length;
    const trie = new PhraseTrie(nodes);
    trie.#values = data.values.slice();
    trie.#pairs.set(data.pairs);
    trie.#first = data.first && data.first.slice();
    trie.#hasSingle = data.first !== null;
    trie.#size = data.size;
    trie.#linkAll(data.parents, data.codes);
    return trie;
  }

  /**
   * Links every node to its parent by its code unit (fromCompact). A loop of its own: V8
   * optimises it while it runs, and this small function is compiled far sooner than all of
   * fromCompact would be, which a Traditional document's run would otherwise wait for at its end.
   */
  #linkAll(parents: Int32Array, codes: Uint16Array): void {
    // Node 0 is the root, nobody's child.
    for (let child = 1; child < parents.length; child++) this.#link(parents[child] as number, codes[child] as number, child);
  }

  /** A copy to add more keys to, made without walking the keys already added. */
  clone(): PhraseTrie {
    const copy = new PhraseTrie();
    copy.#first = this.#first && this.#first.slice();
    copy.#pairs.set(this.#pairs);
    copy.#slotParent = this.#slotParent.slice();
    copy.#slotCode = this.#slotCode.slice();
    copy.#slotChild = this.#slotChild.slice();
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
    const parents = this.#slotParent;
    for (let s = slotHash(node, code, this.#slotBits); ; s = (s + 1) & mask) {
      const parent = parents[s] as number;
      if (parent === 0) return NONE;
      if (parent === node + 1 && this.#slotCode[s] === code) return this.#slotChild[s] as number;
    }
  }

  /** Records `child` as the child of `node` by `code`, growing the slots to stay at most half full. */
  #link(node: number, code: number, child: number): void {
    if (2 * this.#values.length > 1 << this.#slotBits) this.#grow();
    const mask = (1 << this.#slotBits) - 1;
    let s = slotHash(node, code, this.#slotBits);
    while (this.#slotParent[s] !== 0) s = (s + 1) & mask;
    this.#slotParent[s] = node + 1;
    this.#slotCode[s] = code;
    this.#slotChild[s] = child;
  }

  /** Doubles the child slots and puts every link back. */
  #grow(): void {
    const parents = this.#slotParent;
    const codes = this.#slotCode;
    const children = this.#slotChild;
    this.#slotBits++;
    this.#slotParent = new Int32Array(1 << this.#slotBits);
    this.#slotCode = new Uint16Array(1 << this.#slotBits);
    this.#slotChild = new Int32Array(1 << this.#slotBits);
    const mask = (1 << this.#slotBits) - 1;
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k] as number;
      if (parent === 0) continue;
      let s = slotHash(parent - 1, codes[k] as number, this.#slotBits);
      while (this.#slotParent[s] !== 0) s = (s + 1) & mask;
      this.#slotParent[s] = parent;
      this.#slotCode[s] = codes[k] as number;
      this.#slotChild[s] = children[k] as number;
    }
  }
}

/** Slot of a (node, code unit) link: Fibonacci hashing, the top `bits` bits of the product. */
function slotHash(node: number, code: number, bits: number): number {
  return Math.imul((node << 16) ^ code, 0x9e3779b1) >>> (32 - bits);
}
