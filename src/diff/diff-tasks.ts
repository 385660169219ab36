// Task pairing. Input: both versions' tasks and the section pairing. Output: one
// TaskChange per task of either side, in the new version's order.
// A task pairs with the task of its section's partner first (the section pairing already
// weighed title and text), then by title similarity. `changed` means the title or a unit
// list differs, and `units` says which units joined or left each role; `moved` means the
// two tasks' sections are not partners.
import type { Task } from '../schema/policy-document.js';
import type { TaskChange, TaskRef, UnitChange } from '../schema/plan-diff.js';
import type { Pairing } from './match.js';
import { matchByMeaning } from './match.js';
import { mergeInOrder } from './diff-sections.js';
import { bigrams, dice, normaliseKey } from './similarity.js';

const THRESHOLD = 0.6;
const SAME_SECTION_BONUS = 0.5;

/** True when the sections with these ids are partners. */
export type SectionsPaired = (oldSectionId: string | null, newSectionId: string | null) => boolean;

export function diffTasks(olds: readonly Task[], news: readonly Task[], sectionsPaired: SectionsPaired): TaskChange[] {
  const prepare = (task: Task) => {
    const key = normaliseKey(task.title);
    return { keys: [key], grams: bigrams(key) };
  };
  const a = olds.map(prepare);
  const b = news.map(prepare);
  const pairing: Pairing = matchByMeaning(a, b, {
    threshold: THRESHOLD,
    score: (o, n) => {
      const x = olds[o] as Task;
      const y = news[n] as Task;
      return dice((a[o] as { grams: Uint32Array }).grams, (b[n] as { grams: Uint32Array }).grams) +
        (sectionsPaired(x.sectionId, y.sectionId) ? SAME_SECTION_BONUS : 0);
    },
  });
  const none = { lead: noUnits(), support: noUnits(), responsible: noUnits() };
  return mergeInOrder(
    pairing,
    olds.length,
    news.length,
    (n): TaskChange => {
      const y = news[n] as Task;
      const o = pairing.newToOld[n] as number;
      if (o === -1) return { change: 'added', old: null, new: taskRef(y), units: none };
      const x = olds[o] as Task;
      const units = { lead: unitChange(x.lead, y.lead), support: unitChange(x.support, y.support), responsible: unitChange(x.responsible, y.responsible) };
      const unitsChanged = Object.values(units).some((u) => u.added.length || u.removed.length);
      const change = x.title !== y.title || unitsChanged ? 'changed' : sectionsPaired(x.sectionId, y.sectionId) ? 'unchanged' : 'moved';
      return { change, old: taskRef(x), new: taskRef(y), units };
    },
    (o): TaskChange => ({ change: 'removed', old: taskRef(olds[o] as Task), new: null, units: none }),
  );
}

function taskRef(task: Task): TaskRef {
  const { id, sectionId, title, lead, support, responsible } = task;
  return { id, sectionId, title, lead, support, responsible };
}

function noUnits(): UnitChange {
  return { added: [], removed: [] };
}

/** Units compared by their normalised names, reported as printed. */
function unitChange(before: readonly string[], after: readonly string[]): UnitChange {
  const had = new Set(before.map(normaliseKey));
  const has = new Set(after.map(normaliseKey));
  return { added: after.filter((u) => !had.has(normaliseKey(u))), removed: before.filter((u) => !has.has(normaliseKey(u))) };
}
