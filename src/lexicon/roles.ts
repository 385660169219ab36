// Unit-role vocabulary: which words say a unit leads, supports or is responsible.
// Used by attributions in brackets (（牵头单位：…；配合单位：…）), prose (由X牵头，Y配合),
// task-table headers (牵头部门 | 配合部门) and the furniture test (承办单位： on a page
// footer is furniture; in an attribution it is a role).

export type Role = 'lead' | 'support' | 'responsible';

/** Label words printed before a colon or as a table header, by role. */
export const ROLE_LABELS: Readonly<Record<Role, readonly string[]>> = {
  lead: ['牵头单位', '牵头部门', '牵头责任单位', '牵头责任部门', '牵头处室', '牵头领导', '主责单位', '主责部门', '主办单位', '主办部门', '牵头'],
  support: [
    '配合单位', '配合部门', '配合处室', '参与单位', '参与部门', '参加单位', '协办单位', '协办部门', '协同单位', '协同部门',
    '协作单位', '协作部门', '支持单位', '配合',
  ],
  responsible: [
    '责任单位', '责任部门', '责任处室', '责任主体', '实施单位', '实施部门', '实施主体', '承办单位', '承办部门', '负责单位',
    '负责部门', '推进单位', '落实单位', '工作单位', '完成单位',
  ],
};

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** Every label word, longest first, as one alternation for patterns. */
export const ROLE_LABEL_ALTERNATION = byLength(Object.values(ROLE_LABELS).flat()).join('|');

/** The role a label names (牵头部门 → lead), or null. */
export function roleOfLabel(label: string): Role | null {
  const t = label.replace(/\s/g, '');
  for (const role of ['lead', 'support', 'responsible'] as const) if (ROLE_LABELS[role].includes(t)) return role;
  return null;
}

/**
 * Verbs after a list of units, by role: （市发展改革委牵头，市财政局配合）, （各区政府负责）.
 * Order matters: the first that ends a clause wins.
 */
export const ROLE_VERBS: ReadonlyArray<readonly [RegExp, Role]> = [
  [/(?:共同|联合)?牵头(?:负责|实施|推进|落实)?$/, 'lead'],
  [/(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按职责|按照职责|依职责|按职能)?(?:分工)?(?:配合|参与|参加|协同|协助|协办|支持)(?:实施|落实|推进)?$/, 'support'],
  [
    /(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按职责分工|按照职责分工|根据职责分工|按职能分工|按职责分别|按职责|依职责|分工|分头|分别|共同)?(?:负责落实|负责|落实|承办|主办|组织实施|具体实施|抓好落实)$/,
    'responsible',
  ],
];

/** Whether a text mentions a role or a partner at all: a cheap first test before parsing. */
export const ROLE_OR_PARTNER = /牵头|配合|负责|责任|参与|参加|协办|承办|主办|主责|会同|落实|指导|实施单位|推进单位|工作单位|完成单位|协同|协助|支持单位/;

/** The word every statement of the first-listed-leads convention ends in: a text without it states none. */
export const FIRST_LISTED_WORD = '牵头';
/** The first-listed-leads convention, stated once: 列第一位者为牵头部门, 排在首位的为牵头单位. */
export const FIRST_LISTED_LEADS = new RegExp(`(?:列|排|排列|位列)(?:在)?(?:第一位|第一|首位)(?:的|者)?(?:部门|单位)?(?:为|是|作为)${FIRST_LISTED_WORD}`);
/** The convention as the closing clause of a bracket (…负责，列第一位者为牵头部门，下同), to cut before reading units. */
export const FIRST_LISTED_CLAUSE = new RegExp(`[，,。；;]?\\s*${FIRST_LISTED_LEADS.source}.*$`);
