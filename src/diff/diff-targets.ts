// Target pairing. Input: both versions' targets and the section pairing. Output: one
// TargetChange per target of either side, in the new version's order.
// Targets pair by indicator: the same indicator and year first, then the same indicator,
// then indicator similarity (tolerant of small rewording: 消费品质量监督抽查合格率 vs
// 消费品质量抽查合格率), helped by partner sections, the same year and the same unit.
// `changed` lists the fields that differ (合格率 92% → 96%: value); `moved` means their
// sections are not partners.
import type { Target } from '../schema/policy-document.js';
import type { TargetChange, TargetRef } from '../schema/plan-diff.js';
import type { SectionsPaired } from './diff-tasks.js';
import { mergeInOrder } from './diff-sections.js';
import { matchByMeaning } from './match.js';
import { bigrams, dice, normaliseKey } from './similarity.js';

const THRESHOLD = 0.6;
const SAME_SECTION_BONUS = 0.1;
const SAME_YEAR_BONUS = 0.05;
const SAME_UNIT_BONUS = 0.05;

const FIELDS = ['indicator', 'comparator', 'value', 'unit', 'year'] as const;

export function diffTargets(olds: readonly Target[], news: readonly Target[], sectionsPaired: SectionsPaired): TargetChange[] {
  const prepare = (target: Target) => {
    const key = normaliseKey(target.indicator);
    return { keys: [`${key}|${target.year ?? ''}|${target.unit ?? ''}`, `${key}|${target.year ?? ''}`, key], grams: bigrams(key) };
  };
  const a = olds.map(prepare);
  const b = news.map(prepare);
  const pairing = matchByMeaning(a, b, {
    threshold: THRESHOLD,
    score: (o, n) => {
      const x = olds[o] as Target;
      const y = news[n] as Target;
      let score = dice((a[o] as { grams: Uint32Array }).grams, (b[n] as { grams: Uint32Array }).grams);
      if (sectionsPaired(x.sectionId, y.sectionId)) score += SAME_SECTION_BONUS;
      if (x.year === y.year) score += SAME_YEAR_BONUS;
      if (x.unit === y.unit) score += SAME_UNIT_BONUS;
      return score;
    },
  });
  return mergeInOrder(
    pairing,
    olds.length,
    news.length,
    (n): TargetChange => {
      const y = news[n] as Target;
      const o = pairing.newToOld[n] as number;
      if (o === -1) return { change: 'added', old: null, new: targetRef(y), fields: [] };
      const x = olds[o] as Target;
      // A range's high end is part of its value (3—5个 → 3—6个 changes the value).
      const fields = FIELDS.filter((f) => x[f] !== y[f] || (f === 'value' && x.valueHigh !== y.valueHigh));
      const change = fields.length ? 'changed' : sectionsPaired(x.sectionId, y.sectionId) ? 'unchanged' : 'moved';
      return { change, old: targetRef(x), new: targetRef(y), fields };
    },
    (o): TargetChange => ({ change: 'removed', old: targetRef(olds[o] as Target), new: null, fields: [] }),
  );
}

function targetRef(target: Target): TargetRef {
  const { id, sectionId, indicator, comparator, value, valueHigh, unit, year, text } = target;
  return { id, sectionId, indicator, comparator, value, valueHigh, unit, year, text };
}
