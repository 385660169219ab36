// Counting a document's section tree: the one place that walks it for a total.
import type { Section } from '../schema/policy-document.js';

/** Sections at every depth. */
export function countSections(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

/** The body's sections and then the attachments': every root of a document's tree. */
export function rootSections(doc: { sections: readonly Section[]; attachments?: readonly Section[] }): Section[] {
  return [...doc.sections, ...(doc.attachments ?? [])];
}
