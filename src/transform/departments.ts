// Department attributions of a task: who leads, who supports, who is responsible.
// Input: a section's own text. Output: the units named in its attribution brackets,
// e.g. （牵头部门：监督司，配合部门：认监委、标准委，法规司） → lead [监督司],
// support [认监委, 标准委, 法规司]; also （省发展改革委牵头，省财政厅配合）,
// （责任单位：市商务局（牵头）、市财政局） and （各区政府负责）. Units are kept whole as printed
// and split on 、 ， ；.
export interface Attribution {
  lead: string[];
  support: string[];
  responsible: string[];
  /** Offsets of the bracket within the text. */
  start: number;
  end: number;
}

/** Role labels, as printed before a colon. */
const LABELS: ReadonlyArray<readonly [RegExp, keyof Omit<Attribution, 'start' | 'end'>]> = [
  [/^(牵头部门|牵头单位|牵头责任单位|牵头|主责部门|主责单位|主办单位)$/, 'lead'],
  [/^(配合部门|配合单位|参与部门|参与单位|参加单位|协办单位|协同部门|协作单位|配合)$/, 'support'],
  [/^(责任单位|责任部门|实施单位|实施部门|责任主体|承办单位|负责单位|责任处室)$/, 'responsible'],
];
const LABEL_WORDS = '牵头部门|牵头单位|牵头责任单位|主责部门|主责单位|主办单位|配合部门|配合单位|参与部门|参与单位|参加单位|协办单位|协同部门|协作单位|责任单位|责任部门|实施单位|实施部门|责任主体|承办单位|负责单位|责任处室|牵头|配合';
const LABELLED = new RegExp(`(${LABEL_WORDS})\\s*[：:]`, 'g');
// Unlabelled: 市发展改革委、市财政局牵头，市商务局等配合 / 各区政府负责 / 按职责分工负责
const VERB_ROLE: ReadonlyArray<readonly [RegExp, keyof Omit<Attribution, 'start' | 'end'>]> = [
  [/^(.+?)(?:共同)?牵头(?:负责)?$/, 'lead'],
  [/^(.+?)(?:等)?(?:按职责)?(?:配合|参与|协同|协助)$/, 'support'],
  [/^(.+?)(?:等)?(?:按职责分工|按照职责分工|分别|共同)?(?:负责|落实)$/, 'responsible'],
];

export function parseAttribution(text: string): Attribution | null {
  // The last top-level bracket group that names a role.
  const groups = bracketGroups(text);
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g];
    if (!group) continue;
    const inner = text.slice(group.start + 1, group.end - 1);
    const result = parseLabelled(inner) ?? parseVerbs(inner);
    if (result) return { ...result, start: group.start, end: group.end };
  }
  return null;
}

/** Whether a text has a bracket that mentions roles but could not be read. */
export function hasUnreadAttribution(text: string): boolean {
  return bracketGroups(text).some((g) => /牵头|配合部门|责任单位|责任部门/.test(text.slice(g.start, g.end)));
}

type Roles = Omit<Attribution, 'start' | 'end'>;

function parseLabelled(inner: string): Roles | null {
  const labels = [...inner.matchAll(LABELLED)];
  if (!labels.length || (labels[0]?.index ?? 0) > 2) return null;
  const roles: Roles = { lead: [], support: [], responsible: [] };
  labels.forEach((m, i) => {
    const role = LABELS.find(([re]) => re.test(m[1] ?? ''))?.[1] ?? 'responsible';
    const from = (m.index ?? 0) + m[0].length;
    const to = labels[i + 1]?.index ?? inner.length;
    const units = splitUnits(inner.slice(from, to));
    if (role === 'responsible') {
      // 责任单位：市商务局（牵头）、市财政局 — units marked （牵头） lead, the rest support.
      const marked = units.filter((u) => /[（(]牵头[）)]$/.test(u));
      if (marked.length) {
        roles.lead.push(...marked.map((u) => u.replace(/[（(]牵头[）)]$/, '')));
        roles.support.push(...units.filter((u) => !marked.includes(u)));
        return;
      }
    }
    roles[role].push(...units);
  });
  return roles.lead.length + roles.support.length + roles.responsible.length ? roles : null;
}

function parseVerbs(inner: string): Roles | null {
  const roles: Roles = { lead: [], support: [], responsible: [] };
  for (const clause of inner.split(/[，；,;]/)) {
    const c = clause.trim();
    if (!c) continue;
    const hit = VERB_ROLE.find(([re]) => re.test(c));
    if (!hit) return null;
    const units = splitUnits((hit[0].exec(c)?.[1] ?? '').replace(/等$/, ''));
    if (!units.length || units.some((u) => u.length > 30)) return null;
    roles[hit[1]].push(...units);
  }
  return roles.lead.length + roles.support.length + roles.responsible.length ? roles : null;
}

function splitUnits(list: string): string[] {
  return list
    .split(/[、，；,;]/)
    .map((u) => u.trim().replace(/^(和|及|以及)/, '').replace(/(等|等部门|等单位)$/, '').trim())
    .filter((u) => u.length > 0);
}

interface Group {
  start: number;
  end: number;
}

/** Top-level （…） groups with their nested brackets balanced. */
function bracketGroups(text: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1 });
    }
  }
  return groups;
}
