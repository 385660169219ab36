// diff(): compares two parsed versions of a document by meaning.
// Input: two PolicyDocuments (from parse() or read back from policy-parse's JSON).
// Output: a PlanDiff (validated by its zod schema): every section, task and target of
// either side with its change, paired sections first, then tasks and targets using that
// section pairing as context. Deterministic: no clocks, no randomness, stable sorts.
import type { PolicyDocument } from '../schema/policy-document.js';
import { rootSections } from '../util/sections.js';
import { type Change, PlanDiff, SCHEMA_VERSION_DIFF } from '../schema/plan-diff.js';
import { diffSections, flattenSections, pairSections } from './diff-sections.js';
import { diffTargets } from './diff-targets.js';
import { type SectionsPaired, diffTasks } from './diff-tasks.js';

export function diff(oldDoc: PolicyDocument, newDoc: PolicyDocument): PlanDiff {
  const olds = flattenSections(rootSections(oldDoc));
  const news = flattenSections(rootSections(newDoc));
  const pairing = pairSections(olds, news);

  const oldIndex = new Map(olds.map((s, i) => [s.section.id, i]));
  const newIndex = new Map(news.map((s, i) => [s.section.id, i]));
  const sectionsPaired: SectionsPaired = (oldId, newId) => {
    if (oldId === null || newId === null) return oldId === newId;
    const o = oldIndex.get(oldId);
    return o !== undefined && pairing.oldToNew[o] === newIndex.get(newId);
  };

  const sections = diffSections(olds, news, pairing);
  const tasks = diffTasks(oldDoc.tasks, newDoc.tasks, sectionsPaired);
  const targets = diffTargets(oldDoc.targets, newDoc.targets, sectionsPaired);
  return PlanDiff.parse({
    schemaVersion: SCHEMA_VERSION_DIFF,
    old: side(oldDoc),
    new: side(newDoc),
    summary: { sections: count(sections), tasks: count(tasks), targets: count(targets) },
    history: diffHistory(oldDoc, newDoc),
    sections,
    tasks,
    targets,
  });
}

/** True when the diff holds anything but `unchanged`. */
export function hasDifferences(result: PlanDiff): boolean {
  return [result.summary.sections, result.summary.tasks, result.summary.targets].some(
    (c) => c.added + c.removed + c.changed + c.moved > 0,
  );
}

function side(doc: PolicyDocument): PlanDiff['old'] {
  return { path: doc.source.path, sha256: doc.source.sha256, title: doc.meta.title, docNumber: doc.meta.docNumber, issuedDate: doc.meta.issuedDate };
}

/** Pairs two versions by their lifecycle events: an event is its date and kind. */
function diffHistory(oldDoc: PolicyDocument, newDoc: PolicyDocument): PlanDiff['history'] {
  const olds = oldDoc.meta.history;
  const news = newDoc.meta.history;
  if (olds.length === 0 || news.length === 0) return null;
  const key = (h: { date: string; event: string }) => `${h.date} ${h.event}`;
  const ref = ({ date, event, by }: (typeof olds)[number]) => ({ date, event, by });
  const oldKeys = new Set(olds.map(key));
  const newKeys = new Set(news.map(key));
  const shared = news.filter((h) => oldKeys.has(key(h))).map(ref);
  const added = news.filter((h) => !oldKeys.has(key(h))).map(ref);
  const removed = olds.filter((h) => !newKeys.has(key(h))).map(ref);
  const latest = (list: readonly { date: string }[]) => list.reduce((a, h) => (h.date > a ? h.date : a), '');
  const relation =
    shared.length === 0
      ? 'unrelated'
      : added.length === 0 && removed.length === 0
        ? 'same'
        : latest(news) >= latest(olds) && added.length > 0
          ? 'later'
          : 'earlier';
  return { relation, shared, added, removed };
}

function count(entries: ReadonlyArray<{ change: Change }>): Record<Change, number> {
  const counts: Record<Change, number> = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  for (const e of entries) counts[e.change]++;
  return counts;
}
