// The named rules that say whether a quantity is a target, and why.
// Every quantity found in a paragraph gets one decision: accepted by the first rule that
// makes it a commitment, or rejected by the first rule that rules it out. The ids are
// public (show --explain, the `explain` option): a reader can see why 90% is a target and
// 2025年 or 给予50万元补贴 is not.

/** Rules that make a quantity a target. */
export const ACCEPT_RULES = {
  comparator: 'a comparison word governs it: 覆盖率达到90%以上, 不低于99%, 控制在50%以下',
  symbol: 'a comparison symbol governs it: ≥73%',
  change: 'a change by the value: 能耗降低3%左右, 年均增长10%, 较2020年下降10%',
  bound: 'the indicator before it and a bound after it: 合格率95%以上, 新增城市公园35座以上',
  'created-count': 'a creation verb counts it: 建成6座调蓄工程, 新建绿地35万平方米, 推进34条滨水廊道建设',
  'share-of-scope': 'a share or count of a scope that must reach a state: 40%以上的面积达到…, 10家以上重点企业实现…',
  'list-continuation': 'it continues a list of targets: …达到90%，人均公园绿地面积6.2平方米',
  respectively: '分别 gives several indicators their values in order: 分别达到95%和90%',
  'time-limit': 'a norm sets a time limit: 应在5个工作日内上报, 15分钟内到场',
  frequency: 'a norm sets a frequency, or a period is given its 一次: 每7个月提交阶段性报告, 每5年修订1次专业目录',
  'indicator-table': 'a row of an indicator table (主要指标表): the target-year column',
} as const;

/** Rules that keep a quantity from being a target. */
export const REJECT_RULES = {
  date: 'part of a date or a year: 2025年, 3月5日, 2016—2020年',
  code: 'part of a code or a name: 5G, G15, 15号线, 6#地块',
  ratio: 'a ratio: 1∶4000',
  'quoted-name': 'inside a quoted name: “十四五”, “一网通办”, 《…2025》',
  ordinal: 'an ordinal or a rank: 第3, 前10, 50强',
  'no-unit': 'a bare number with no unit and no index-like indicator',
  'structural-count': 'counts the document’s own structure: 五个方面, 17项任务, 三大行动',
  'scope-count': 'names the scope rather than a commitment: 五个新城内, 全市16个区',
  'once-per-period': 'the 一次 of a period: 每5年修订1次 (the period, 5年, is the target)',
  duration: 'a span of time, not a limit: 三年行动, 用5年时间',
  'subsidy-amount': 'money a programme pays: 给予最高50万元补贴, 奖励10万元',
  penalty: 'a fine or sanction: 处1万元以上5万元以下罚款',
  'past-result': 'reports the past: a review part (工作回顾, 发展基础), 已建成…, 提高了…, a deadline before the document',
  'status-quo': 'describes what is now: 目前…, 现有…, 截至目前…',
  baseline: 'the starting value of a change: 由12万吨/天提高至…, 较…',
  qualifier: 'qualifies a noun that is counted or measured elsewhere: 产值超过1000万元的企业, 1000亩以上开放休闲林地5个',
  'indefinite-one': '一个 / 一座 before a noun is an article, not a count',
  'no-governor': 'nothing makes it a commitment (no comparison, change, creation verb or list)',
  'no-indicator': 'no indicator could be named',
  'table-baseline': 'a baseline or current-value column of an indicator table',
} as const;

export type AcceptRule = keyof typeof ACCEPT_RULES;
export type RejectRule = keyof typeof REJECT_RULES;
export type TargetRule = AcceptRule | RejectRule;

export const isAcceptRule = (rule: string): rule is AcceptRule => Object.hasOwn(ACCEPT_RULES, rule);
