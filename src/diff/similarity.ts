// Text similarity for pairing across versions: character bigrams, the usual unit for
// Chinese where there are no word boundaries (厚植绿色发展质量根基 vs 厚植绿色低碳发展质量根基
// share 8 of 9 and 11 bigrams: Dice 0.80). Input is already Simplified (normalise() ran
// when each side was parsed); keys drop whitespace and punctuation so 、 vs ， or a
// trailing 。 never tells two versions apart.

/** Whitespace, ASCII and CJK punctuation, and quote marks. */
const NOISE = /[\s\p{P}\p{S}]/gu;

/** The comparable form of a title or text: no whitespace or punctuation, ASCII lower-cased. */
export function normaliseKey(text: string | null | undefined): string {
  return text ? text.replace(NOISE, '').toLowerCase() : '';
}

/**
 * Sorted, distinct bigram codes of a key (a one-character key gives its one character).
 * UTF-16 units: two 16-bit codes pack exactly into one 32-bit number.
 */
export function bigrams(key: string): Uint32Array {
  if (key.length === 0) return new Uint32Array(0);
  if (key.length === 1) return Uint32Array.of(key.charCodeAt(0));
  const codes = new Uint32Array(key.length - 1);
  for (let i = 0; i < codes.length; i++) codes[i] = key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1);
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[n - 1]) codes[n++] = codes[i] as number;
  return codes.subarray(0, n);
}

/** Shared members of two sorted, distinct code arrays. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Dice coefficient of two bigram sets: 1 identical, 0 nothing shared; two empties are identical. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  return (2 * overlap(a, b)) / (a.length + b.length);
}
