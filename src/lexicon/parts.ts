// Landmark parts of a policy document, known by their titles: the general requirements
// and goals before the tasks, the tasks, the safeguards after them, a review of past
// results (whose numbers are achievements, not targets), and a division of duties.
import { yearsNamed } from './deadlines.js';

/** Part titles that announce the tasks. */
export const TASK_PART = /(主要|重点|工作|具体|核心|重大)?(任务|举措)|主要措施|重点工作|工作措施|具体措施|政策措施|主要内容和任务|行动任务/;

/** Part titles before the tasks: principles, goals, background. */
export const GENERAL_PART =
  /总体要求|总体思路|指导思想|指导方针|基本原则|工作原则|主要原则|总体目标|发展目标|主要目标|工作目标|年度目标|目标任务|基本思路|发展思路|发展基础|发展环境|发展形势|发展趋势|现实基础|面临形势|重要意义|背景|编制依据|适用范围|总则|基本情况|主要指标|概念定义/;

/** Part titles after the tasks: safeguards, organisation, schedule. */
export const CLOSING_PART =
  /保障措施|保障机制|组织实施|组织保障|实施保障|工作要求|职责分工|进度安排|实施步骤|时间安排|实施安排|步骤安排|工作步骤|组织领导|加强领导|监督检查|考核评估|附则|其他事项|工作机制|工作职责|部门职责/;

/**
 * Part titles of a review of past results: 一、“十三五”工作回顾, 发展基础, 过去一年工作,
 * 取得的成效, 规划执行情况. Numbers under them report what was done.
 */
export const REVIEW_PART =
  /回顾|发展基础|现实基础|工作基础|发展现状|现状(?:及|与|和)?(?:成效|问题|基础)?$|(?:主要|工作|发展|建设|改革)(?:成效|成就)$|取得的(?:成效|成就|进展|成绩)|^成效|执行情况|完成情况|实施情况|过去[一五]年|工作总结|基本情况|主要进展|^\d{4}\s*年[^，。到至]{0,24}(?:取得|实现)了?(?:显著|积极|明显|重要|重大|长足|新的|良好)?(?:成效|成就|进展|成绩|突破)$/;

/**
 * Part titles that set who may apply for support: 申报条件, 申请资格, 支持对象, 推荐条件.
 * Numbers under them are thresholds an applicant meets, not targets.
 */
export const ELIGIBILITY_PART = /(?:申报|申请|支持|认定|推荐|评选|遴选|入选|补贴|奖补|资助)(?:条件|资格|对象|范围)|(?:申报|申请)(?:资格)?要求/;

/** A report's review of the year or years before it (过去五年工作回顾, 去年工作回顾, 一年来…), unlike a plan's 发展基础. */
export const REPORT_REVIEW_PART = /回顾|过去|去年|年来/;

/** Titles of parts that state goals: a bare indicator and value there is a target. */
export const GOALS_PART = /目标|指标/;

/** Part titles of a division of duties whose items are units: 三、工作职责 → （一）区发展改革委. */
export const DUTY_PART = /职责分工|工作职责|部门职责|责任分工|任务分工|职责任务|各部门职责|成员单位职责/;

/**
 * The years a review part's title names: 一、1998年工作回顾和1999年工作的总体要求 →
 * reviewed 1998, planned 1999; 一、2013年工作回顾 → reviewed 2013, planned 2014 (a report
 * looks back on the year before it). Null when the title names no year.
 */
export function reviewYears(title: string): { reviewed: number; planned: number; plansInPart: boolean } | null {
  if (!REVIEW_PART.test(title)) return null;
  const years = yearsNamed(title);
  if (years.length === 0) return null;
  const reviewed = years[0] as number;
  const planned = years.length > 1 ? (years.at(-1) as number) : reviewed + 1;
  return { reviewed, planned, plansInPart: years.length > 1 && planned > reviewed };
}
