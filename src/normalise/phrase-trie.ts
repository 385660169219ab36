/**
 * Longest-match phrase lookup over UTF-16 code units.
 *
 * Expects: keys added in the form they will be compared in (already folded when the
 * caller matches with a fold table). Guarantees: `match` returns the end of the
 * longest key starting at `start` (or -1) and leaves its replacement in `value`;
 * it allocates nothing per call, since it runs at every Han character of a document.
 */

const pairHash = (a: number, b: number): number => ((a * 40503) ^ b) & 0xfffff;

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  value: string | undefined;
}

export class PhraseTrie {
  readonly #root: TrieNode = { next: new Map(), value: undefined };
  /** First code units of all keys: a one-load rejection for most positions. */
  readonly #starts = new Uint8Array(0x10000);
  /** Hashed first two code units of all keys: most walks that would fail at the second unit never start. */
  readonly #pairs = new Uint8Array(1 << 20);
  #hasSingle = false;
  #size = 0;
  /** Replacement of the last successful `match`. */
  value = '';

  get size(): number {
    return this.#size;
  }

  add(key: string, value: string): void {
    if (key.length === 0) return;
    let node = this.#root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = { next: undefined, value: undefined };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.value === undefined) this.#size++;
    node.value = value;
    this.#starts[key.charCodeAt(0)] = 1;
    if (key.length === 1) this.#hasSingle = true;
    else this.#pairs[pairHash(key.charCodeAt(0), key.charCodeAt(1))] = 1;
  }

  /** Can any key start with this code unit (after folding)? */
  startsWith(code: number): boolean {
    return this.#starts[code] === 1;
  }

  /**
   * End offset of the longest key equal to text[start..end), comparing each text code
   * unit through `fold` when given (fold[c] === 0 means "c itself"); -1 when none.
   */
  match(text: string, start: number, fold: Uint16Array | null): number {
    if (!this.#hasSingle && start + 1 < text.length) {
      const a = text.charCodeAt(start);
      const b = text.charCodeAt(start + 1);
      if (this.#pairs[pairHash(fold ? fold[a] || a : a, fold ? fold[b] || b : b)] === 0) return -1;
    }
    let node: TrieNode | undefined = this.#root;
    let end = -1;
    for (let i = start; i < text.length; i++) {
      const raw = text.charCodeAt(i);
      const code = fold ? fold[raw] || raw : raw;
      node = node.next?.get(code);
      if (!node) break;
      if (node.value !== undefined) {
        end = i + 1;
        this.value = node.value;
      }
    }
    return end;
  }
}
