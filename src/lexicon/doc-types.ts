// Document types (文种): the word a title ends with, and what it says about the document.
// 实施意见 before 意见 (longest first); a title may end in (2016—2020年) or （试行） after it.

/** Title endings → canonical docType, longest first so 实施意见 wins over 意见. */
export const DOC_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['实施意见', '实施意见'],
  ['指导意见', '意见'],
  ['意见', '意见'],
  ['三年行动计划', '行动计划'],
  ['行动计划', '行动计划'],
  ['工作计划', '计划'],
  ['实施方案', '方案'],
  ['工作方案', '方案'],
  ['行动方案', '方案'],
  ['方案', '方案'],
  ['规划纲要', '规划'],
  ['规划', '规划'],
  ['纲要', '纲要'],
  ['工作要点', '要点'],
  ['要点', '要点'],
  ['通知', '通知'],
  ['实施办法', '办法'],
  ['管理办法', '办法'],
  ['暂行办法', '办法'],
  ['办法', '办法'],
  ['实施细则', '细则'],
  ['细则', '细则'],
  ['管理规范', '规范'],
  ['规范', '规范'],
  ['条例', '条例'],
  ['规定', '规定'],
  ['规则', '规则'],
  ['决定', '决定'],
  ['解释', '解释'],
  ['解读', '解读'],
  ['公告', '公告'],
  ['通告', '通告'],
  ['批复', '批复'],
  ['通报', '通报'],
  ['答复', '答复'],
  ['决议', '决议'],
  ['纪要', '纪要'],
  ['指引', '指引'],
  ['准则', '准则'],
  ['若干政策', '政策'],
  ['政策', '政策'],
  ['若干措施', '措施'],
  ['措施', '措施'],
  ['计划', '计划'],
  ['工作报告', '报告'],
  ['报告', '报告'],
  ['指南', '指南'],
  ['函', '函'],
  ['法', '法'],
];

/** Types that lay down rules for every case (a regulation): no task part, limits are requirements. */
export const REGULATION_TYPES: ReadonlySet<string> = new Set(['条例', '办法', '规定', '细则', '规范', '规则', '法', '决定', '解释', '批复']);

/** 发展报告, 白皮书, 统计公报 report what was done; a government's 工作报告 also plans the year. */
export function isReportOnThePast(title: string): boolean {
  return /(?:发展|年度|统计|评估|监测)?报告$|白皮书$|公报$|年报$/.test(title) && !/工作报告$/.test(title);
}

/** Types whose numbered items are not tasks at all. */
export const NO_TASK_TYPES: ReadonlySet<string> = new Set([...REGULATION_TYPES, '解读']);

// A title may end with (2016—2020年), （试行）, （修订） or similar after its type word.
const TRAILING_PAREN = /[（(][^（）()]{1,20}[）)]$/;

/** The canonical docType of a title, or null. */
export function docTypeOf(title: string): string | null {
  let t = title.trim().replace(/[》”]$/, '');
  while (TRAILING_PAREN.test(t)) t = t.replace(TRAILING_PAREN, '').replace(/[》”]$/, '');
  for (const [word, type] of DOC_TYPES) if (t.endsWith(word)) return type;
  return null;
}
