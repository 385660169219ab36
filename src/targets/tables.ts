// Indicator tables (主要指标表): one target per row, from the target-year column.
import type { LineNode, SectionNode, TargetDraft } from '../tree.js';
import type { DecisionDraft, TargetOptions } from '../transform/targets.js';

export function readIndicatorTables(_lines: LineNode[], _sections: readonly SectionNode[], _options: TargetOptions): { targets: TargetDraft[]; decisions: DecisionDraft[] } {
  return { targets: [], decisions: [] };
}
