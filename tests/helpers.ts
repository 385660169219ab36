// Shared test helpers: repository paths and a compact view of a parsed outline.
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section } from '../src/index.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const at = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const listDir = (path: string): string[] => readdirSync(at(path)).sort();

/** A copy of the CLI's build (dist/bundle, package.json, node_modules linked) in `folder`/`name`, to change a file of: its root. */
export function copyOfBuild(folder: string, name: string): string {
  const root = join(folder, name);
  mkdirSync(join(root, 'dist'), { recursive: true });
  cpSync(at('dist/bundle'), join(root, 'dist/bundle'), { recursive: true });
  cpSync(at('package.json'), join(root, 'package.json'));
  symlinkSync(at('node_modules'), join(root, 'node_modules'));
  return root;
}

/** `depth kind marker title` per section, one per line: easy to read in a failure. */
export function outlineOf(sections: readonly Section[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.marker ?? '∅'} ${s.title ?? '∅'}`,
    ...outlineOf(s.children, depth + 1),
  ]);
}

export function* allSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}

/** One pair of department names as printed, in the form of ../shared/eval/departments/pairs.yaml. */
export interface NamePair {
  a: string;
  b: string;
  same: boolean;
  successor?: boolean;
  date?: string | number;
  context: string;
}

export interface PairScore {
  right: Record<'same' | 'different' | 'successor', number>;
  total: Record<'same' | 'different' | 'successor', number>;
  /** Successor pairs linked with the right date (its year and, where given, month). */
  datesRight: number;
  wrong: string[];
  score: number;
}

/**
 * The pairs rule (README of the departments set): right when both names get the same canonical
 * name exactly when `same`; a successor pair is right when the names stay apart and `b` is
 * reachable from `a` through successors.
 */
export function scorePairs(
  pairs: readonly NamePair[],
  canonical: (name: string, context: { place: string }) => { name: string; successor?: string; successors?: string[]; since?: string },
): PairScore {
  const right = { same: 0, different: 0, successor: 0 };
  const total = { same: 0, different: 0, successor: 0 };
  const wrong: string[] = [];
  let datesRight = 0;
  for (const p of pairs) {
    const context = { place: p.context };
    const a = canonical(String(p.a), context);
    const b = canonical(String(p.b), context);
    const kind = p.successor ? 'successor' : p.same ? 'same' : 'different';
    let ok: boolean;
    if (kind === 'successor') {
      ok = a.name !== b.name && reaches(a, b.name, (n) => canonical(n, context));
      const date = String(p.date ?? '');
      if (ok && a.since && (a.since.startsWith(date) || date.startsWith(a.since))) datesRight++;
    } else ok = (a.name === b.name) === (kind === 'same');
    total[kind]++;
    if (ok) right[kind]++;
    else wrong.push(`${kind} ${p.context}: ${p.a} → ${a.name} | ${p.b} → ${b.name}`);
  }
  const n = pairs.length;
  return { right, total, datesRight, wrong, score: n ? (right.same + right.different + right.successor) / n : 0 };
}

type Canonical = { name: string; successor?: string; successors?: string[] };

function reaches(from: Canonical, target: string, canonical: (name: string) => Canonical): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const c = queue.shift() as Canonical;
    for (const next of c.successors ?? (c.successor ? [c.successor] : [])) {
      if (next === target) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(canonical(next));
      }
    }
  }
  return false;
}
