// The words that make a number a target, or keep it from being one.
// Word tables only; the rules that use them are in rules.ts. Extend a table when a form
// recurs across documents, never for one document's phrase.

export type Comparator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx' | 'increase' | 'decrease' | 'range';

/** Words right before the number that fix the comparator; longest match wins. */
export const COMPARATOR_WORDS: Readonly<Record<Exclude<Comparator, 'eq' | 'range' | 'increase' | 'decrease'>, readonly string[]>> = {
  gt: ['超过', '高于', '大于', '多于', '突破', '超出', '逾', '超', '过'],
  gte: [
    '不低于', '不少于', '不小于', '至少', '最少', '最低', '达到', '达', '保持', '稳定在', '保持在', '维持在', '稳定',
    // A prohibition reverses the word: 不得少于30日 means at least 30.
    '不得低于', '不得少于', '不得小于', '不应低于', '不应少于', '不能低于', '不能少于', '不宜少于', '不宜低于',
    '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '增至', '扩大到', '扩大至', '上升到', '上升至', '发展到', '发展至',
    '突破到', '超过到',
  ],
  lt: ['低于', '少于', '小于', '不足'],
  lte: [
    '不超过', '不高于', '不多于', '不大于', '最多', '最高', '上限为', '以内为',
    '不得超过', '不得高于', '不得多于', '不得大于', '不应超过', '不应高于', '不能超过', '不能高于', '不宜超过', '不宜高于',
    '控制在', '控制到', '控制至', '下降到', '下降至', '降低到', '降低至', '降到', '降至', '减少到', '减少至', '压减到', '压减至',
    '压缩到', '压缩至', '缩短到', '缩短至', '缩减到', '缩减至', '减至',
  ],
  approx: ['约', '大约', '接近', '将近', '约为'],
};

/** A change by the value: 增长10%, 下降3%, 提高5个百分点. */
export const CHANGE_WORDS: Readonly<Record<'increase' | 'decrease', readonly string[]>> = {
  increase: ['增长', '提高', '提升', '增加', '上升', '扩大', '增速', '增幅', '涨幅', '递增'],
  decrease: ['下降', '降低', '减少', '压减', '削减', '压降', '减排', '缩减', '压缩', '缩短', '递减', '降'],
};

/**
 * Verbs that make a count a target: 建成6座, 新建绿地35万平方米, 完成230块户外广告治理.
 * Strong verbs govern a number anywhere later in their clause; weak ones also occur inside
 * nouns (保护区, 发展中心), so they govern only a number right after them or after a noun
 * that directly follows them.
 */
export const CREATION_VERBS: Readonly<{ strong: readonly string[]; weak: readonly string[] }> = {
  strong: [
    '新增', '新建', '新培育', '培育形成', '培育', '建成', '建设完成', '布局建设', '创建', '打造', '新认定', '认定', '新核准', '核准',
    '新引进', '引进', '招引', '制修订', '制定', '修订', '新开工', '开工建设', '新登记', '新注册', '命名', '遴选', '评选', '选树',
    '改造提升', '提升改造', '改造', '整治', '治理', '修复', '新种', '补种', '种植', '造林', '扩容', '续建', '改建', '新改建', '新开辟',
    '建设', '推广', '实施', '完成', '组建', '设立', '建立', '开发', '推出', '配备', '配置', '培训', '培养', '安装', '布设', '开通',
    '建立健全', '举办', '开展', '发布', '抽检', '抽查', '疏浚', '清淤', '贯通', '新开', '签约', '落地', '形成', '认证', '吸引', '带动',
    '支持', '扶持', '孵化', '攻克', '研制', '研发', '储备', '招聘', '招收', '帮扶', '收储', '供应', '提供', '投放', '更新', '实现',
    '协调推进', '推进', '推动', '引育', '选取', '选择', '引进培育', '招引培育',
  ].filter((w, i, all) => all.indexOf(w) === i),
  weak: ['保护', '发展', '提升', '优化', '新', '增', '建', '办', '开设', '纳入', '连接', '打通', '消除', '覆盖', '服务', '达标'],
};

/**
 * Words that hold a creation verb but are none (城镇新增就业, 建成区, 建筑, 办公, 新型): masked
 * before creation verbs are looked for, so no indicator is cut at them.
 */
export const NOT_VERB_WORDS: readonly string[] = [
  '城镇新增就业', '新增建设用地', '新建建筑', '新建住宅', '建成区', '建设用地', '发展水平', '保护区', '认定机构',
  '建筑', '建材', '建制', '办公', '办学', '办理', '新型', '新兴', '新能源', '新材料', '新一代', '新基建', '新业态', '新技术', '新产品', '新区', '新城',
  '增值', '增量', '开发区', '开发银行',
];

/** A weak verb governs a number only after one of these (重点建设5个, 加快发展10家) or at a clause start. */
export const WEAK_VERB_LEADERS: readonly string[] = [
  '加快', '重点', '积极', '大力', '着力', '集中', '新', '再', '累计', '共', '全省', '全市', '全区', '全县', '全年', '年内', '每年',
  '推动', '计划', '拟', '将', '要', '布局', '谋划', '规划', '支持', '引导', '鼓励', '持续', '逐步', '有序', '协调', '力争', '争取', '确保',
];

/** Aspiration: 力争 / 争取 govern the value; 努力 at a clause end (经过五年努力，) is a lead-in. */
export const ASPIRATION_WORDS: readonly string[] = ['力争', '争取', '努力', '力求'];

/** Adverbs allowed between the indicator and the comparator (年均增长, 均高于, 分别达到). */
export const ADVERBS: readonly string[] = [
  '年均', '平均', '累计', '共', '合计', '总计', '共计', '整体', '总体', '基本', '稳步', '持续', '逐步', '进一步', '再', '要', '将', '可',
  '能够', '同比', '全年', '每年', '均', '都', '分别', '确保', '力争', '争取', '力求', '努力', '预计', '计划', '拟', '应', '应当',
  '须', '必须', '需', '原则上', '一般', '全部', '全面', '有望', '可望',
];

/** A comparator word is not one after these: 经过, 通过, 超过 already, 最高 inside 最高奖励. */
export const COMPARATOR_NOT_AFTER: Readonly<Record<string, RegExp>> = {
  过: /[经通超不度跨越透难错路]$/,
  超: /[赶高]$/,
  达: /[到传表下]$/,
  降: /[下升]$/,
};

/** 均/都 share one value among several indicators; 分别 pairs indicators with values in order. */
export const EACH_WORDS: readonly string[] = ['均', '都'];
export const RESPECTIVELY_WORDS: readonly string[] = ['分别', '依次'];

/** Past: a number after 提高了 / 已建成 / 累计建成 describes an achievement. */
export const PAST_MARKERS: readonly string[] = ['已经', '已', '了', '曾'];
/** A clause or sentence opening with one of these describes what is, not what is planned. */
export const STATUS_QUO_OPENERS: readonly string[] = ['截至目前', '截止目前', '目前', '现阶段', '现有', '当前', '现状', '截至', '截止'];

/** Money that a programme pays (a subsidy, a reward) or a fine: amounts, never targets. */
export const FUNDING_WORDS: readonly string[] = ['给予', '奖励', '补助', '补贴', '资助', '奖补', '贴息', '扶持资金', '专项资金', '一次性', '最高'];
export const PENALTY_WORDS: readonly string[] = ['罚款', '罚金', '处以', '没收', '拘留', '有期徒刑', '违法所得', '处罚', '受罚'];

/** Counted nouns that describe the document's own structure (五个方面, 17项任务), never targets. */
export const STRUCTURAL_NOUNS: readonly string[] = [
  '方面', '领域', '环节', '层面', '阶段', '步骤', '任务', '措施', '要求', '原则', '举措', '重点', '意见', '条款', '部分', '行动',
  '工程', '体系', '目标', '指标', '机制', '类', '大类', '批次', '方向', '板块', '维度', '梯队', '门类', '支柱',
];

/** Bare numbers (no unit) are targets only when the indicator is an index or a score. */
export const INDEX_WORDS: readonly string[] = ['指数', '得分', '评分', '分值', '系数', '满意度', '指标值', '评价值', '比值', '能效比', '信噪比', '率', '比例', '强度', '密度', '浓度'];

/** Endings that mark a measurable noun: "A和B均…" names two indicators when both end so. */
export const METRIC_SUFFIXES: readonly string[] = [
  '率', '量', '数', '度', '比重', '比例', '占比', '指数', '水平', '面积', '规模', '值', '额', '强度', '浓度', '密度', '寿命', '得分',
  '人数', '数量', '总量', '收入', '长度', '里程', '容量', '能力', '产值', '产量', '时间', '时长', '周期',
];

/** Scaffolding before an indicator: deadlines, aspiration, scope and lead-in verbs. */
export const LEADING_SCAFFOLD: readonly string[] = [
  '力争', '争取', '努力', '力求', '确保', '全年', '年内', '当年', '今年', '明年', '每年', '其中', '同时', '此外', '并且', '并', '以及', '累计', '预计',
  '计划', '基本实现', '基本建成', '基本形成', '推动', '推进', '促进', '带动', '引导', '进一步', '全面', '持续', '保持', '使得', '使',
  '实现', '通过', '加快', '着力', '大力', '要', '将', '应当', '须', '必须', '原则上',
];

/** Words that show a sentence states a norm every case must meet: a requirement, not a goal. */
export const NORM_WORDS = /应当|应该|必须|须|不得|不应|不宜|原则上|严禁|禁止|方可|可按/;

/** Words that end the noun counted after a number: 建成10个示范区[并]投入使用. */
export const POST_NOUN_STOP = /并且|并(?=[\u4e00-\u9fff])|同时|以便|用于|作为/;
