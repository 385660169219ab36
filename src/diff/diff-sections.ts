// Section pairing across two versions of a document.
// Input: both documents' section trees. Output: one SectionChange per section of either
// side, in reading order of the new version (removed sections after their old
// predecessor's partner), and the pairing itself for the task and target stages.
//
// Sections pair by meaning, never by number: first identical own content (title + text),
// then identical title, then similarity of title and text with a bonus when the parents
// are paired (and a little more for the same number under paired parents) and when their
// children are paired (so a part whose title was reworded is held by its items). So an
// inserted part that renumbers 三、…十、 into 四、…十一、 leaves those parts unchanged.
// A pair is `changed` when its own title or text differs (a parent whose child changed
// is not), `moved` when its parent is not its old parent's partner or it left the
// longest run of siblings that kept their order, else `unchanged`.
import type { Section } from '../schema/policy-document.js';
import type { SectionChange, SectionRef } from '../schema/plan-diff.js';
import { type Matchable, type Pairing, matchByMeaning } from './match.js';
import { bigrams, dice, normaliseKey } from './similarity.js';
import { textDiff } from './text-diff.js';

export interface FlatSection extends Matchable {
  section: Section;
  /** Index of the parent in the flat list; -1 for top-level sections. */
  parent: number;
  /** Indices of the children in the flat list. */
  children: number[];
  titleKey: string;
  textKey: string;
  titleGrams: Uint32Array;
  textGrams: Uint32Array;
}

/** Minimum score to pair; similarity counts from 0 to 1, context adds the bonuses. */
const THRESHOLD = 0.55;
const PARENTS_PAIRED_BONUS = 0.15;
const SAME_NUMBER_BONUS = 0.05;
const TEXT_ON_ONE_SIDE = 0.8;
/** Times the Dice overlap of the two sections' paired children. */
const CHILDREN_PAIRED_BONUS = 0.3;

export function flattenSections(sections: readonly Section[]): FlatSection[] {
  const flat: FlatSection[] = [];
  const visit = (list: readonly Section[], parent: number) => {
    for (const section of list) {
      const titleKey = normaliseKey(section.title);
      const textKey = normaliseKey(section.text);
      const contentKey = titleKey || textKey ? `${titleKey}|${textKey}` : '';
      const index = flat.length;
      if (parent !== -1) (flat[parent] as FlatSection).children.push(index);
      flat.push({
        section,
        parent,
        children: [],
        titleKey,
        textKey,
        titleGrams: bigrams(titleKey),
        textGrams: bigrams(textKey),
        keys: [contentKey, titleKey],
        grams: bigrams(titleKey + textKey),
      });
      visit(section.children, index);
    }
  };
  visit(sections, -1);
  return flat;
}

/** Similarity of two sections' own title and text, 0–1. */
export function sectionSimilarity(a: FlatSection, b: FlatSection): number {
  if (a.titleKey && b.titleKey) {
    const title = dice(a.titleGrams, b.titleGrams);
    if (a.textKey && b.textKey) return (title + dice(a.textGrams, b.textGrams)) / 2;
    // Text on one side only (an introduction added or dropped): the title, discounted.
    return a.textKey || b.textKey ? TEXT_ON_ONE_SIDE * title : title;
  }
  return dice(a.grams, b.grams);
}

function parentsPaired(olds: readonly FlatSection[], news: readonly FlatSection[], o: number, n: number, pairing: Pairing): boolean {
  const po = (olds[o] as FlatSection).parent;
  const pn = (news[n] as FlatSection).parent;
  return po === -1 ? pn === -1 : pairing.oldToNew[po] === pn;
}

export function pairSections(olds: readonly FlatSection[], news: readonly FlatSection[]): Pairing {
  return matchByMeaning(olds, news, {
    threshold: THRESHOLD,
    // The old parents of this section's children's partners: finds implicit parents,
    // which have no text to search by, and parts whose title was rewritten.
    candidates: (n, pairing) => {
      const parents = new Set<number>();
      for (const child of (news[n] as FlatSection).children) {
        const partner = pairing.newToOld[child] as number;
        if (partner !== -1 && (olds[partner] as FlatSection).parent !== -1) parents.add((olds[partner] as FlatSection).parent);
      }
      return parents;
    },
    score: (o, n, pairing) => {
      const a = olds[o] as FlatSection;
      const b = news[n] as FlatSection;
      // A section with no title or text of its own (an implicit parent) is known by its children.
      const empty = !(a.titleKey || a.textKey) || !(b.titleKey || b.textKey);
      let score = empty ? 0 : sectionSimilarity(a, b);
      if (parentsPaired(olds, news, o, n, pairing)) {
        score += PARENTS_PAIRED_BONUS;
        if (a.section.number !== null && a.section.number === b.section.number && a.section.kind === b.section.kind) {
          score += SAME_NUMBER_BONUS;
        }
      }
      return score + (empty ? 1 : CHILDREN_PAIRED_BONUS) * childrenOverlap(a, b, pairing);
    },
  });
}

/** Dice overlap of two sections' children under the pairing so far (0 when either has none). */
function childrenOverlap(a: FlatSection, b: FlatSection, pairing: Pairing): number {
  if (!a.children.length || !b.children.length) return 0;
  let shared = 0;
  for (const child of a.children) {
    const partner = pairing.oldToNew[child] as number;
    if (partner !== -1 && b.children.includes(partner)) shared++;
  }
  return (2 * shared) / (a.children.length + b.children.length);
}

/** Pairs whose parent changed or who left their siblings' order (by a longest increasing run). */
function movedPairs(olds: readonly FlatSection[], news: readonly FlatSection[], pairing: Pairing): Set<number> {
  const moved = new Set<number>();
  const siblings = new Map<number, number[]>();
  news.forEach((item, n) => {
    const o = pairing.newToOld[n] as number;
    if (o === -1) return;
    if (!parentsPaired(olds, news, o, n, pairing)) {
      moved.add(n);
      return;
    }
    const list = siblings.get(item.parent);
    if (list) list.push(n);
    else siblings.set(item.parent, [n]);
  });
  for (const list of siblings.values()) {
    const kept = new Set(longestIncreasing(list.map((n) => pairing.newToOld[n] as number)).map((i) => list[i] as number));
    for (const n of list) if (!kept.has(n)) moved.add(n);
  }
  return moved;
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] as number;
    tails[lo] = i;
  });
  const result: number[] = [];
  for (let i = tails.length ? (tails[tails.length - 1] as number) : -1; i !== -1; i = previous[i] as number) result.push(i);
  return result.reverse();
}

function ref(item: FlatSection): SectionRef {
  const { id, kind, marker, title } = item.section;
  return { id, kind, marker, title };
}

/** A section's own title and text, whitespace collapsed, one space between the two. */
function ownText(section: Section): string {
  return [section.title ?? '', section.text].map(collapse).filter(Boolean).join(' ');
}

/** Whitespace is layout in Chinese text: dropped next to a non-ASCII character, else one space. */
export function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim();
}

export function diffSections(olds: readonly FlatSection[], news: readonly FlatSection[], pairing: Pairing): SectionChange[] {
  const moved = movedPairs(olds, news, pairing);
  const entryOf = (n: number): SectionChange => {
    const b = news[n] as FlatSection;
    const o = pairing.newToOld[n] as number;
    if (o === -1) return { change: 'added', old: null, new: ref(b), similarity: null, moved: false, textDiff: [] };
    const a = olds[o] as FlatSection;
    const before = ownText(a.section);
    const after = ownText(b.section);
    const changed = before !== after;
    return {
      change: changed ? 'changed' : moved.has(n) ? 'moved' : 'unchanged',
      old: ref(a),
      new: ref(b),
      similarity: changed ? Math.round(sectionSimilarity(a, b) * 1000) / 1000 : 1,
      moved: moved.has(n),
      textDiff: changed ? textDiff(before, after) : [],
    };
  };
  const removed = (o: number): SectionChange => ({
    change: 'removed',
    old: ref(olds[o] as FlatSection),
    new: null,
    similarity: null,
    moved: false,
    textDiff: [],
  });
  return mergeInOrder(pairing, olds.length, news.length, entryOf, removed);
}

/**
 * Entries in the new version's order; each unpaired old item follows the partner of the
 * nearest paired old item before it (or comes first when there is none).
 */
export function mergeInOrder<T>(
  pairing: Pairing,
  oldCount: number,
  newCount: number,
  entryOf: (n: number) => T,
  removed: (o: number) => T,
): T[] {
  const after = new Map<number, number[]>();
  let anchor = -1;
  for (let o = 0; o < oldCount; o++) {
    const n = pairing.oldToNew[o] as number;
    if (n !== -1) {
      anchor = n;
      continue;
    }
    const list = after.get(anchor);
    if (list) list.push(o);
    else after.set(anchor, [o]);
  }
  const entries: T[] = (after.get(-1) ?? []).map(removed);
  for (let n = 0; n < newCount; n++) {
    entries.push(entryOf(n));
    for (const o of after.get(n) ?? []) entries.push(removed(o));
  }
  return entries;
}
