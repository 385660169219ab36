// Department attributions of a task: who leads, who supports, who is responsible.
// Input: a task's own text. Output: the units it names, by role, read from
//  - bracketed labels: （牵头单位：监督司；配合单位：认监委、标准委）, （责任单位：市商务局（牵头）、市财政局）;
//  - bracketed verbs: （省发展改革委牵头，省财政厅配合）, （各区政府负责）, （X会同有关部门负责）;
//  - a convention stated once (列第一位者为牵头部门，下同): in （A、B、C负责） A leads, B and C support;
//  - prose: 由X牵头，Y、Z配合 / 组成, X会同Y等部门…, X牵头Y…, X为牵头单位，Y为成员单位, 请X负责.
// Units are kept whole as printed and split on 、 ， ；, on 和/及 between two unit names, but a
// collective with an inner 、 (各区、县级市) stays one unit. The role words are in lexicon/roles.ts.
import { bracketGroups, opensBracket } from '../lexicon/brackets.js';
import { isGenericUnit, isUnitName, splitOutside, splitUnits } from '../lexicon/organs.js';
import { FIRST_LISTED_CLAUSE, FIRST_LISTED_LEADS, FIRST_LISTED_WORD, ROLE_OR_PARTNER, ROLE_LABEL_ALTERNATION, ROLE_VERBS, type Role, roleOfLabel } from '../lexicon/roles.js';

export interface Attribution {
  lead: string[];
  support: string[];
  responsible: string[];
  /** Offsets of the first text it was read from. */
  start: number;
  end: number;
  /** Read from prose (由X牵头…), not from a bracket, label or table. */
  prose?: boolean;
}

export interface AttributionOptions {
  /** The document said once that the first unit listed leads (列第一位者为牵头部门，下同). */
  firstListedLeads?: boolean;
  /** Also read prose (由X牵头，Y配合): for items whose text carries no bracket. */
  prose?: boolean;
}

type Roles = Record<Role, string[]>;
const empty = (): Roles => ({ lead: [], support: [], responsible: [] });
const count = (r: Roles): number => r.lead.length + r.support.length + r.responsible.length;

/** Whether the document states the first-listed-leads convention anywhere. */
export function statesFirstListedLeads(text: string): boolean {
  return FIRST_LISTED_LEADS.test(text);
}

/** Whether `text` may state the convention at all: every statement holds FIRST_LISTED_WORD (most documents hold none). */
export function mayStateFirstListedLeads(text: string): boolean {
  return text.includes(FIRST_LISTED_WORD);
}

/** The attribution of a task's text, or null: every bracket that names units, merged in order; else prose. */
export function parseAttribution(text: string, options: AttributionOptions = {}): Attribution | null {
  // Without prose, only a bracket group can hold one (bracketGroups): most texts open no bracket.
  if (!options.prose && !opensBracket(text)) return null;
  // Every attribution names a role (牵头, 配合, 负责, 责任单位 …) or a partner (会同): most texts name none.
  if (!ROLE_OR_PARTNER.test(text)) return null;
  const merged = empty();
  let first: { start: number; end: number } | null = null;
  for (const group of bracketGroups(text)) {
    const inner = text.slice(group.start + 1, group.end - 1);
    const roles = parseGroup(inner, options);
    if (!roles) continue;
    first ??= group;
    for (const role of ['lead', 'support', 'responsible'] as const) {
      for (const unit of roles[role]) if (!merged[role].includes(unit)) merged[role].push(unit);
    }
  }
  if (first) return { ...strongestRole(merged), ...first };
  if (options.prose) return parseProse(text);
  return null;
}

/** A bracket that names a role but could not be read: worth a warning. */
export function hasUnreadAttribution(text: string): boolean {
  return bracketGroups(text).some((g) => /牵头|配合单位|配合部门|责任单位|责任部门/.test(text.slice(g.start, g.end)));
}

/** The units of one bracket: labelled (牵头单位：…) or verbs (X牵头，Y配合), or null. */
export function parseGroup(inner: string, options: AttributionOptions = {}): Roles | null {
  // A convention rides along in the first bracket: …负责，列第一位者为牵头部门，下同.
  const body = inner.replace(FIRST_LISTED_CLAUSE, '').replace(/[，,。；;]?\s*以下均.*$/, '');
  return parseLabelled(body) ?? parseVerbs(body, options);
}

const LABELLED = new RegExp(`(${ROLE_LABEL_ALTERNATION}|[\\u4e00-\\u9fff]{2,6}?)\\s*[：:]`, 'g');

function parseLabelled(inner: string): Roles | null {
  const labels = [...inner.matchAll(LABELLED)].filter((m) => roleOfLabel(m[1] ?? '') !== null || /范围|备注|说明|时限|时间|期限/.test(m[1] ?? ''));
  if (!labels.length || (labels[0]?.index ?? 0) > 1 || roleOfLabel(labels[0]?.[1] ?? '') === null) return null;
  const roles = empty();
  labels.forEach((m, i) => {
    const role = roleOfLabel(m[1] ?? '');
    if (!role) return; // 适用范围：… names no unit
    const from = (m.index ?? 0) + m[0].length;
    const to = labels[i + 1]?.index ?? inner.length;
    // （牵头单位：A、B政府。配合单位：C）: the 。 ends the label's list, not a unit's name.
    const units = splitUnits(inner.slice(from, to).replace(/[。；;，,\s]+$/, ''));
    // 责任单位：市商务局（牵头）、市财政局 — units marked （牵头） lead, the rest support.
    const marked = units.filter((u) => /[（(]牵头[）)]$/.test(u));
    if (role === 'responsible' && marked.length) {
      roles.lead.push(...marked.map((u) => u.replace(/[（(]牵头[）)]$/, '')));
      roles.support.push(...units.filter((u) => !marked.includes(u)));
      return;
    }
    roles[role].push(...units.map((u) => u.replace(/[（(]牵头[）)]$/, '')));
  });
  return count(roles) ? roles : null;
}

/** 会同 inside a verb clause: X会同Y负责 — X leads, Y supports. */
const TOGETHER = /^(.+?)(?:要|应|将)?会同(.+)$/;

/** Whether a clause of a bracket ends in a role verb (ROLE_VERBS) or 指导: only such a clause names units by role. */
function endsInRoleVerb(clause: string): boolean {
  const c = clause.trim();
  return GUIDES.test(c) || ROLE_VERBS.some(([re]) => re.test(c));
}

/** A clause that says its units guide the work: X指导, X负责指导. */
const GUIDES = /指导$/;

function parseVerbs(inner: string, options: AttributionOptions): Roles | null {
  const clauses = splitOutside(inner, '，；,;。');
  // A bracket none of whose clauses ends in a verb names no roles (以下简称…, 含…): settled
  // before any of its units are split, as the walk below would settle it (found stays empty).
  if (!clauses.some(endsInRoleVerb)) return null;
  const found: Array<{ role: Role | 'guide'; units: string[] }> = [];
  // （A、B，各省级人民政府按职责分工负责）: a list with no verb of its own shares the next one's.
  let waiting: string[] = [];
  for (const clause of clauses) {
    const c = clause.trim();
    if (!c) continue;
    const verb = GUIDES.test(c) ? ({ role: 'guide', re: /^(.+?)(?:等)?(?:负责)?指导$/ } as const) : null;
    const hit = ROLE_VERBS.find(([re]) => re.test(c));
    if (!hit && !verb) {
      const units = splitUnits(c);
      if (!units.length || !units.every(isUnitName)) return null;
      waiting.push(...units);
      continue;
    }
    const head = verb ? (verb.re.exec(c)?.[1] ?? '') : c.replace(hit?.[0] as RegExp, '');
    const together = TOGETHER.exec(head);
    // 全国总工会等和各省级人民政府负责: 等 ends the named units, and the provinces follow.
    const list = (together ? (together[1] ?? '') : head).replace(/等(?=和|及|、)/g, '');
    const units = [...waiting, ...splitUnits(list)];
    waiting = [];
    if (!units.length || units.some((u) => !looksLikeUnitList(u))) return null;
    const role = verb ? 'guide' : (hit?.[1] as Role);
    // X会同Y负责 / X会同有关部门负责: X leads; named partners support.
    found.push({ role: together && role === 'responsible' ? 'lead' : role, units });
    if (together) {
      const partners = splitUnits(together[2] ?? '').filter((u) => !isGenericUnit(u));
      if (partners.length) found.push({ role: 'support', units: partners });
    }
  }
  if (!found.length) return null;
  const roles = empty();
  const hasLead = found.some((f) => f.role === 'lead');
  const hasSupport = found.some((f) => f.role === 'support');
  for (const { role, units } of found) {
    // （X负责，Y配合）: 负责 beside a supporting unit leads; 指导 beside 参与 likewise.
    if ((role === 'responsible' || role === 'guide') && hasSupport && !hasLead) roles.lead.push(...units);
    else if (role === 'guide') roles.responsible.push(...units);
    else roles[role].push(...units);
  }
  // The document's convention: in （A、B、C负责） A leads and the others support.
  if (options.firstListedLeads && !roles.lead.length && !roles.support.length && roles.responsible.length) {
    const [head, ...rest] = roles.responsible;
    return { lead: head ? [head] : [], support: rest, responsible: [] };
  }
  return roles;
}

/** A unit named in several roles keeps the most specific: lead, then support, then responsible. */
function strongestRole(roles: Roles): Roles {
  const lead = [...new Set(roles.lead)];
  const support = [...new Set(roles.support)].filter((u) => !lead.includes(u));
  const responsible = [...new Set(roles.responsible)].filter((u) => !lead.includes(u) && !support.includes(u));
  return { lead, support, responsible };
}

// ───────────────────────────── prose ─────────────────────────────

const UNIT_LIST = '([^，。；：“”（）()]{2,80}?)';
/** Verbs that begin the work after a list of units: 会同市财政局[制定]…. */
const WORK_VERB = '制定|制订|研究|推进|开展|做好|加强|建立|健全|完善|组织|负责|实施|落实|共同|联合|编制|出台|统筹|指导|督促|推动|协调|加快|抓好';
/** Each form with the words it cannot match without (`needs`), so that most sentences skip its pattern. */
const PROSE_FORMS: ReadonlyArray<{ re: RegExp; roles: readonly Role[]; needs: string }> = [
  // 由X牵头，Y、Z配合 / 参与 / 组成 / 为成员单位
  { re: new RegExp(`由${UNIT_LIST}(?:共同)?牵头(?:负责)?[，,、]?(?:${UNIT_LIST}(?:等部门)?(?:配合|参与|参加|组成|为成员单位|共同参与|按职责分工负责))?`), roles: ['lead', 'support'], needs: '牵头' },
  // 由X牵头，会同Y
  { re: new RegExp(`由${UNIT_LIST}牵头[，,]?会同${UNIT_LIST}(?:等)?`), roles: ['lead', 'support'], needs: '会同' },
  // X为牵头单位，Y为成员单位
  { re: new RegExp(`${UNIT_LIST}为牵头(?:单位|部门)[，,；;]?(?:${UNIT_LIST}为(?:成员|参与|配合)(?:单位|部门))?`), roles: ['lead', 'support'], needs: '为牵头' },
  // X会同Y等部门…: the partners end at 等 or where the work begins.
  { re: new RegExp(`^${UNIT_LIST}(?:要|应|将)?会同${UNIT_LIST}(?:等(?:有关|相关)?(?:部门|单位)|(?=${WORK_VERB}))`), roles: ['lead', 'support'], needs: '会同' },
  // X牵头Y各成员单位 / X牵头，Y配合
  { re: new RegExp(`^${UNIT_LIST}牵头[，,]?${UNIT_LIST}(?:配合|参与)`), roles: ['lead', 'support'], needs: '牵头' },
  { re: new RegExp(`^${UNIT_LIST}牵头(?:组织)?((?:区|市|省|县)?[^，。；]{0,20}?(?:各)?成员单位)`), roles: ['lead', 'support'], needs: '牵头' },
  // 请X负责…
  { re: new RegExp(`请${UNIT_LIST}(?:负责|牵头|做好)`), roles: ['responsible'], needs: '请' },
];

/** Prose attributions, read from the item's first sentences only (later ones describe the work). */
function parseProse(text: string): Attribution | null {
  const window = text.slice(0, Math.min(text.length, 400));
  let best: { at: number; roles: Roles; end: number } | null = null;
  for (const sentenceStart of sentenceStarts(window)) {
    const sentence = window.slice(sentenceStart);
    for (const { re, roles: names, needs } of PROSE_FORMS) {
      if (!sentence.includes(needs)) continue;
      const m = re.exec(sentence);
      if (!m || m.index === undefined) continue;
      const roles = empty();
      let ok = true;
      names.forEach((role, i) => {
        const list = m[i + 1];
        if (list === undefined) return;
        const units = splitUnits(list.replace(/^(?:建立|成立|组建|依托)?(?:由)?/, ''));
        if (!units.length || !units.every(isUnitName)) ok = false;
        roles[role].push(...units);
      });
      if (!ok || !roles.lead.length && !roles.responsible.length) continue;
      const at = sentenceStart + m.index;
      if (!best || at < best.at) best = { at, roles, end: at + m[0].length };
    }
    if (best) break;
  }
  return best ? { ...best.roles, start: best.at, end: best.end, prose: true } : null;
}

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length && starts.length < 3; i++) if ('。；'.includes(text[i] as string) && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

// ───────────────────────────── units ─────────────────────────────

/** A unit listed in a bracket: short, no verb of prose. */
function looksLikeUnitList(u: string): boolean {
  return u.length <= 40 && !/^(?:由|在|对|按照|根据|其中)|[。]|内由/.test(u);
}

export { isUnitName, splitUnits };
