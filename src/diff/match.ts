// Pairs the items of two versions by meaning. Used for sections, tasks and targets alike.
// Input: both sides' items in document order, each with exact keys and a bigram set, and
// a score function. Output: a one-to-one pairing (index arrays, -1 = unpaired).
//
// 1. Anchors: for each key in turn (strongest first), a key held by exactly one item on
//    each side pairs them outright. Most of a revised plan pairs here in linear time.
// 2. Best-first: the rest find candidates through an inverted index of bigrams (each
//    item's rarest bigrams only, so 5,000 items never mean 25 million comparisons),
//    are scored by the caller (similarity plus context such as "parents paired"), and
//    the best-scoring pairs above the threshold are taken first. Rounds repeat while they
//    add pairs, because a pair made in one round is context for the next.

export interface Matchable {
  /** Exact keys, strongest first; '' means none. */
  keys: readonly string[];
  /** Sorted distinct bigram codes, for finding candidates. */
  grams: Uint32Array;
}

export interface Pairing {
  oldToNew: Int32Array;
  newToOld: Int32Array;
}

export interface MatchOptions {
  /** Score of pairing old[o] with new[n] given the pairs so far; compared with `threshold`. */
  score: (o: number, n: number, pairing: Pairing) => number;
  threshold: number;
  /** More candidates for new[n] that bigrams cannot find (e.g. the parents of its children's partners). */
  candidates?: (n: number, pairing: Pairing) => Iterable<number>;
}

/** Candidates kept per item, by shared rare bigrams, before scoring. */
const CANDIDATES = 8;
const MAX_ROUNDS = 3;
/** Bigrams per item used to find candidates, rarest first. */
const RARE_BIGRAMS = 16;

export function matchByMeaning(olds: readonly Matchable[], news: readonly Matchable[], options: MatchOptions): Pairing {
  const pairing: Pairing = { oldToNew: new Int32Array(olds.length).fill(-1), newToOld: new Int32Array(news.length).fill(-1) };
  const link = (o: number, n: number) => {
    pairing.oldToNew[o] = n;
    pairing.newToOld[n] = o;
  };

  const levels = Math.max(0, ...olds.map((x) => x.keys.length));
  for (let level = 0; level < levels; level++) {
    const oldByKey = groupBy(olds, level, pairing.oldToNew);
    const newByKey = groupBy(news, level, pairing.newToOld);
    for (const [key, ns] of newByKey) {
      const os = oldByKey.get(key);
      if (os?.length === 1 && ns.length === 1) link(os[0] as number, ns[0] as number);
    }
  }

  const found = findCandidates(olds, news, pairing);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!bestFirstRound(olds, news, found, options, pairing, link)) break;
  }
  return pairing;
}

function groupBy(items: readonly Matchable[], level: number, paired: Int32Array): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = item.keys[level];
    if (!key || paired[i] !== -1) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

interface Proposal {
  o: number;
  n: number;
  score: number;
  /** Distance between the two items' relative places in their documents: prefers order. */
  drift: number;
}

/**
 * Per unpaired new item, the unpaired old items sharing the most of its rarest bigrams
 * (and any with the same first key). Found once; each round rescores them in context.
 */
function findCandidates(olds: readonly Matchable[], news: readonly Matchable[], pairing: Pairing): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const freeOld: number[] = [];
  for (let o = 0; o < olds.length; o++) if (pairing.oldToNew[o] === -1) freeOld.push(o);
  if (!freeOld.length) return found;

  const postings = new Map<number, number[]>();
  for (const o of freeOld) {
    for (const g of (olds[o] as Matchable).grams) {
      const list = postings.get(g);
      if (list) list.push(o);
      else postings.set(g, [o]);
    }
  }
  const cutoff = Math.max(32, Math.ceil(2 * Math.sqrt(freeOld.length)));
  const exact = groupBy(olds, 0, pairing.oldToNew);
  const shared = new Map<number, number>();
  for (let n = 0; n < news.length; n++) {
    if (pairing.newToOld[n] !== -1) continue;
    const item = news[n] as Matchable;
    // Similar texts share most of their bigrams, rare ones included, and rare bigrams
    // have short posting lists: count over the item's rarest bigrams only.
    const lists: number[][] = [];
    for (const g of item.grams) {
      const list = postings.get(g);
      if (list) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    shared.clear();
    for (const list of lists.slice(0, RARE_BIGRAMS)) {
      const end = Math.min(list.length, cutoff);
      for (let i = 0; i < end; i++) shared.set(list[i] as number, (shared.get(list[i] as number) ?? 0) + 1);
    }
    const candidates = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES).map(([o]) => o);
    const key = item.keys[0];
    if (key) for (const o of exact.get(key) ?? []) if (!candidates.includes(o)) candidates.push(o);
    found.set(n, candidates);
  }
  return found;
}

function bestFirstRound(
  olds: readonly Matchable[],
  news: readonly Matchable[],
  found: ReadonlyMap<number, number[]>,
  options: MatchOptions,
  pairing: Pairing,
  link: (o: number, n: number) => void,
): boolean {
  const proposals: Proposal[] = [];
  for (const [n, fromBigrams] of found) {
    if (pairing.newToOld[n] !== -1) continue;
    const candidates = fromBigrams.filter((o) => pairing.oldToNew[o] === -1);
    for (const o of options.candidates?.(n, pairing) ?? []) {
      if (pairing.oldToNew[o] === -1 && !candidates.includes(o)) candidates.push(o);
    }
    for (const o of candidates) {
      const score = options.score(o, n, pairing);
      if (score >= options.threshold) {
        proposals.push({ o, n, score, drift: Math.abs(o / olds.length - n / news.length) });
      }
    }
  }

  proposals.sort((a, b) => b.score - a.score || a.drift - b.drift || a.n - b.n || a.o - b.o);
  let linked = false;
  for (const p of proposals) {
    if (pairing.oldToNew[p.o] !== -1 || pairing.newToOld[p.n] !== -1) continue;
    link(p.o, p.n);
    linked = true;
  }
  return linked;
}
