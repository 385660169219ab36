// Shared test helpers: repository paths and a compact view of a parsed outline.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Section } from '../src/index.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const at = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const listDir = (path: string): string[] => readdirSync(at(path)).sort();

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
