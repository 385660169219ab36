// Column headers of the two tables policy documents print: task tables (任务分工表:
// 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限) and indicator tables (主要指标表: 序号 |
// 指标名称 | 单位 | 属性 | 基准值（2020年） | 目标值（2025年）). What each header word says
// the column holds.
import { findDeadlines, findPlanPeriods, yearsNamed } from './deadlines.js';
import { type Role, roleOfLabel } from './roles.js';

export type ColumnRole =
  | 'number'
  /** A group that spans several rows: 类别, 任务类型, 事项, 板块 (often printed once). */
  | 'group'
  /** What a task row asks: 主要工作内容, 工作措施, 重点任务. */
  | 'content'
  | Role
  /** An indicator table's measured thing: 指标名称. */
  | 'indicator'
  | 'unit'
  /** 预期性 / 约束性. */
  | 'attribute'
  /** A baseline or current value: 基准值（2020年）, 现状, “十四五”现状. */
  | 'baseline'
  /** A target value: 目标值（2025年）, 2030年, “十五五”目标, 近期规划. */
  | 'target'
  /** A year alone under a value header: （2025年）. */
  | 'year'
  | 'other';

const NUMBER = /^(?:序号|编号|序|No\.?)$/i;
const CONTENT = /主要工作内容|工作内容|具体内容|重点内容|主要内容|任务内容|工作措施|具体措施|主要措施|政策措施|重点举措|具体举措|工作举措|推进措施|重点工作|重点任务|工作任务|主要任务|任务名称|任务|举措|措施|事项名称/;
const GROUP = /^(?:类别|任务类型|项目类型|指标类别|领域|板块|分类|方面|维度|类目|事项|工作事项|专项行动)$/;
const INDICATOR = /^(?:指标|指标名称|指标项|主要指标|具体指标|指标内容|名称|项目|指标及单位)$/;
const UNIT = /^(?:单位|计量单位|指标单位)$/;
const ATTRIBUTE = /^(?:属性|指标属性|性质|指标性质|类型|指标类型)$/;
const BASELINE = /基准|基期|现状|基数|现值|完成值|实际值|现有|起始/;
const TARGET = /目标|规划值|预期值|规划目标|近期规划|远期|预期|期末|计划值|目标值/;
const YEAR_ONLY = /^[（(]?\s*\d{4}\s*年?\s*(?:底|末)?\s*[）)]?$/;

/** What a header cell names, or null when it names nothing a table reader knows. */
export function columnRole(header: string): ColumnRole | null {
  const h = header.replace(/\s+/g, '');
  if (!h) return null;
  if (NUMBER.test(h)) return 'number';
  const role = roleOfLabel(h) ?? (/^(?:牵头|主责)/.test(h) ? 'lead' : /^(?:配合|参与|协办)/.test(h) ? 'support' : /^(?:责任|推进|实施|负责)(?:单位|部门|主体)/.test(h) ? 'responsible' : null);
  if (role) return role;
  if (YEAR_ONLY.test(h)) return 'year';
  if (UNIT.test(h)) return 'unit';
  if (ATTRIBUTE.test(h)) return 'attribute';
  if (GROUP.test(h)) return 'group';
  if (INDICATOR.test(h)) return 'indicator';
  if (BASELINE.test(h)) return 'baseline';
  if (TARGET.test(h) || /^\d{4}年/.test(h) || findPlanPeriods(h).length > 0) return 'target';
  if (CONTENT.test(h)) return 'content';
  if (/时限|时间|进度|备注|说明|完成情况|参考文件|依据|责任人|联系人|资金|投资/.test(h)) return 'other';
  return null;
}

/**
 * False when columnRole(header) is none of 'number', 'group', 'indicator' and 'content', the
 * roles of a row's first column: each of them needs its own pattern to match. A quick test
 * before columnRole, which tries every role.
 */
export function mayOpenRow(header: string): boolean {
  const h = header.replace(/\s+/g, '');
  return NUMBER.test(h) || GROUP.test(h) || INDICATOR.test(h) || CONTENT.test(h);
}

/** The year a value column is for: 目标值（2025年） → 2025, “十五五”目标 → 2030, or null. */
export function columnYear(header: string): number | null {
  const periods = findPlanPeriods(header);
  if (periods.length) return (periods.at(-1) as { to: number }).to;
  const years = yearsNamed(header, { bare: true });
  if (years.length) return years.at(-1) as number;
  return findDeadlines(header).at(-1)?.year ?? null;
}
