// Property tests: whatever text comes in — random Unicode, policy-shaped noise, or the
// bundled seeds cut up and garbled — parse() must not throw, must return a document the
// zod schema accepts, and every position, sibling order and id must hold up. Runs are
// seeded, so a failure reproduces; fast-check prints the shrunk counterexample.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyDocument, normalise, parse, type Position, type Section } from '../src/index.js';
import { ACCEPT_RULES, REJECT_RULES } from '../src/targets/rules.js';
import { at, listDir } from './helpers.js';

// Fixed so CI is deterministic. To hunt for new counterexamples locally, vary them:
// PROP_SEED=7 PROP_SCALE=20 npx vitest run tests/property.test.ts
const SEED = Number(process.env.PROP_SEED ?? 20240611);
const SCALE = Number(process.env.PROP_SCALE ?? 1);

// ---------------------------------------------------------------------------------------
// Invariants

/** Where `offset` falls in `input`, counting CR, LF and CRLF as one line break each. */
function pointAt(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = input.charCodeAt(i);
    if (c === 10 || (c === 13 && input.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function positionProblems(input: string, where: string, p: Position): string[] {
  const problems: string[] = [];
  const { start, end } = p;
  if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= input.length)) {
    problems.push(`${where}: offsets ${start.offset}..${end.offset} outside 0 <= start <= end <= ${input.length}`);
  }
  for (const [name, point] of [['start', start], ['end', end]] as const) {
    if (point.line < 1 || point.column < 1) problems.push(`${where}: ${name} ${point.line}:${point.column} below 1:1`);
    if (point.offset >= 0 && point.offset <= input.length) {
      const expected = pointAt(input, point.offset);
      if (expected.line !== point.line || expected.column !== point.column) {
        problems.push(
          `${where}: ${name} says ${point.line}:${point.column} but offset ${point.offset} is at ${expected.line}:${expected.column}`,
        );
      }
    }
  }
  return problems;
}

/** Every broken invariant of `doc` parsed from `input`, as readable lines (empty: all hold). */
function problemsOf(input: string, doc: PolicyDocument, format?: string): string[] {
  const problems: string[] = [];
  const checked = PolicyDocument.safeParse(doc);
  if (!checked.success) problems.push(`schema: ${checked.error.message}`);

  const ids: string[] = [];
  const sectionIds = new Set<string>();
  const walk = (sections: readonly Section[], parent: Section | null): void => {
    let previous: Section | null = null;
    for (const s of sections) {
      const where = `section ${s.id} (${s.kind} ${s.marker ?? '∅'})`;
      ids.push(s.id);
      sectionIds.add(s.id);
      problems.push(...positionProblems(input, where, s.position));
      // A heading's position slices the source back to its marker (HTML positions point at markup).
      if (format !== 'html' && !s.implicit && s.marker) {
        const sliced = input.slice(s.position.start.offset, s.position.end.offset);
        const firstLine = (normalise(sliced).text.split('\n')[0] ?? '').replace(/^[#|\s]+/, '');
        if (!firstLine.startsWith(s.marker)) problems.push(`${where}: its position slices to ${JSON.stringify(sliced.slice(0, 40))}, not its marker`);
      }
      if (previous && s.position.start.offset < previous.position.start.offset) {
        problems.push(`${where}: starts at ${s.position.start.offset}, before its previous sibling ${previous.id} at ${previous.position.start.offset}`);
      }
      if (parent && s.position.start.offset < parent.position.start.offset) {
        problems.push(`${where}: starts at ${s.position.start.offset}, before its parent ${parent.id} at ${parent.position.start.offset}`);
      }
      walk(s.children, s);
      previous = s;
    }
  };
  walk(doc.sections, null);
  walk(doc.attachments, null);

  for (const t of doc.tasks) {
    ids.push(t.id);
    problems.push(...positionProblems(input, `task ${t.id}`, t.position));
    if (!sectionIds.has(t.sectionId)) problems.push(`task ${t.id}: sectionId ${t.sectionId} names no section`);
  }
  for (const g of doc.targets) {
    ids.push(g.id);
    problems.push(...positionProblems(input, `target ${g.id}`, g.position));
    if (g.sectionId !== null && !sectionIds.has(g.sectionId)) problems.push(`target ${g.id}: sectionId ${g.sectionId} names no section`);
  }
  doc.references.forEach((r, i) => problems.push(...positionProblems(input, `reference ${i}`, r.position)));
  // Why each quantity was or was not taken: a known rule, a place in the source, a section that exists.
  (doc.explain ?? []).forEach((e, i) => {
    problems.push(...positionProblems(input, `explanation ${i} (${e.rule})`, e.position));
    if (!Object.hasOwn(ACCEPT_RULES, e.rule) && !Object.hasOwn(REJECT_RULES, e.rule)) problems.push(`explanation ${i}: unknown rule ${e.rule}`);
    if (e.accepted !== Object.hasOwn(ACCEPT_RULES, e.rule)) problems.push(`explanation ${i}: ${e.rule} ${e.accepted ? 'accepted' : 'rejected'}`);
    if (e.sectionId !== null && !sectionIds.has(e.sectionId)) problems.push(`explanation ${i}: sectionId ${e.sectionId} names no section`);
  });
  for (const g of doc.targets) if (!Object.hasOwn(ACCEPT_RULES, g.rule)) problems.push(`target ${g.id}: unknown rule ${g.rule}`);
  doc.messages.forEach((m, i) => {
    if (m.position) problems.push(...positionProblems(input, `message ${i} (${m.code})`, m.position));
  });

  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`id ${id} is not unique`);
    seen.add(id);
  }
  return problems;
}

/** The property every input must satisfy: parse() returns, and nothing in `problemsOf`. */
function holdsFor(input: string, format?: 'text' | 'html' | 'markdown'): PolicyDocument {
  const doc = parse(input, { path: 'property.txt', explain: true, ...(format ? { format } : {}) });
  expect(problemsOf(input, doc, format)).toEqual([]);
  return doc;
}

/** How many generated documents had each feature: a generator that never makes any is vacuous. */
function tally(): { count: (doc: PolicyDocument) => void; seen: Record<string, number> } {
  const seen = { nested: 0, tasks: 0, targets: 0, references: 0, messages: 0 };
  return {
    seen,
    count(doc) {
      if (doc.sections.some((s) => s.children.length)) seen.nested++;
      if (doc.tasks.length) seen.tasks++;
      if (doc.targets.length) seen.targets++;
      if (doc.references.length) seen.references++;
      if (doc.messages.length) seen.messages++;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Arbitraries

/** Any UTF-16 code unit, lone surrogates included: what a JS string can hold. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));

const MARKERS = [
  '一、', '二、', '三、', '十二、', '（一）', '（二）', '（十）', '(三)', '（1）', '(2)', '1.', '2．', '3、', '10.',
  '①', '②', '⑩', '⒈', '第一章', '第二章', '第一节', '第一条', '第十二条', '第一百零一条之一', '第一编',
  '专栏1', '专栏', '——', '一是', '二是', '# ', '## ', '### ', '| ', ' |', '|---|---|', '- ',
];
const WORDS = [
  '牵头单位：', '配合单位：', '责任单位：', '责任部门：', '（牵头）', '主要任务', '重点任务', '保障措施', '组织实施',
  '总体要求', '指导思想', '发展目标', '到2020年', '到2025年，', '达到', '超过', '不低于', '控制在', '以上', '以下',
  '左右', '力争', '提高', '下降', '95%', '3.5％', '万元', '亿元', '个', '家', '《', '》', '国办发〔2016〕68号', '京政办发[2016]60号',
  '市发展改革委', '市商务局、市财政局', '各区人民政府', '。', '，', '；', '：', '？', '、', '（', '）', '(', ')', '【', '】', '[', ']',
  '“', '”', '质量', '標準', '規劃', '發展', '國務院', '智慧財產權', '年', '月', '日', '%', '％', '0', '1', '2', '9', '２０２０',
  '<!-- INFO END -->', '<p>', '</p>', '<br>', '&nbsp;', '打印本页', '关闭窗口', '2016—2020年', '2016-2020年',
  // Whole clauses, so targets, references and tasks turn up too.
  '到2020年，消费品质量监督抽查合格率超过92%。', '新培育示范企业12家，', '力争全市研发投入增长10%左右。',
  '《国务院办公厅关于印发消费品标准和质量提升规划的通知》（国办发〔2016〕68号）', '（市市场监管局牵头，市商务局配合）',
  // Attribution, table and target forms the rules read, so their edges are exercised too.
  '（区政务服务办会同有关部门负责）', '（各区、县级市人民政府负责，列第一位者为牵头部门，下同）', '由市绿化市容局牵头，市相关部门配合',
  '市发展改革委会同市财政局等部门制定', '（牵头单位：区财政局；责任单位：区审计局）', '序号', '指标名称', '目标值（2025年）', '基准值',
  '约束性', '牵头单位', '主要工作内容', '附件1', '附件：', '第一部分', '建成1000亩以上开放休闲林地5个', '由12万吨/天，提高至24万吨/天',
  '分别达到95%和90%', '3—5个', '“十四五”末', '到二〇二五年', '百分之九十', '两百五十', '不少于计划量的15%', '15分钟内',
];
const SPACES = ['\n', '\n', '\r\n', '\r', '\t', ' ', '\u3000', '\u00a0', '\uFEFF', '\u200b', '\u2028'];

/** One token of the policy alphabet: markers, vocabulary, CJK, whitespace, line breaks. */
const policyToken = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: cjk },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: codeUnit },
);
const policySoup = fc.array(policyToken, { maxLength: 120 }).map((tokens) => tokens.join(''));

/** Line-shaped text: an optional indent, a marker, a heading or body, a line break. */
const policyLine = fc
  .tuple(
    fc.constantFrom('', '', '', ' ', '  ', '\u3000\u3000', '\t', '\u00a0'),
    fc.option(fc.constantFrom(...MARKERS), { nil: '' }),
    fc.array(fc.oneof(fc.constantFrom(...WORDS), cjk), { maxLength: 12 }),
    fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n'),
  )
  .map(([indent, marker, words, end]) => `${indent}${marker}${words.join('')}${end}`);
const policyLines = fc.array(policyLine, { maxLength: 40 }).map((lines) => lines.join(''));

const format = fc.constantFrom(undefined, 'text', 'html', 'markdown' as const);

// ---------------------------------------------------------------------------------------
// Mutations of the seed documents

const seedNames = listDir('seeds').filter((name) => name.endsWith('.txt'));
const seedLines = new Map(seedNames.map((name) => [name, readFileSync(at(`seeds/${name}`), 'utf8').split('\n')]));
const traditionalLines = seedLines.get(seedNames.find((n) => n.startsWith('000')) ?? '') ?? [];

const MARKER_IN_LINE = /[（(]?[一二三四五六七八九十百零〇\d]+[、.．）)]|第[一二三四五六七八九十百零〇]+[编章节条]|[①-⑳]|专栏\d*/;

type Garble = 'dot' | 'arabic' | 'unclosed' | 'widths' | 'insert';

type Mutation =
  | { kind: 'shuffle'; at: number; length: number; seed: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number; to: number }
  | { kind: 'garble'; at: number; how: Garble; inserted: string; where: number }
  | { kind: 'truncate'; at: number; cut: number; rest: boolean }
  | { kind: 'join'; at: number; glue: string }
  | { kind: 'graft'; at: number; from: number; count: number };

const index = fc.nat({ max: 100_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('shuffle' as const), at: index, length: fc.integer({ min: 2, max: 400 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: index, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index, count: fc.integer({ min: 1, max: 10 }), to: index }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: index,
    how: fc.constantFrom<Garble>('dot', 'arabic', 'unclosed', 'widths', 'insert'),
    inserted: fc.string({ unit: cjk, minLength: 1, maxLength: 3 }),
    where: index,
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: index, cut: index, rest: fc.boolean() }),
  fc.record({ kind: fc.constant('join' as const), at: index, glue: fc.constantFrom('', ' ', '\u3000', '。') }),
  fc.record({ kind: fc.constant('graft' as const), at: index, from: index, count: fc.integer({ min: 1, max: 15 }) }),
);

/** Deterministic Fisher–Yates from a numeric seed (fast-check supplies the seed). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function garble(line: string, how: Garble, inserted: string, where: number): string {
  const match = MARKER_IN_LINE.exec(line);
  if (!match) return line;
  const [marker] = match;
  let changed: string;
  switch (how) {
    case 'dot': // 一、 → 一.
      changed = marker.replace(/[、．]/, '.');
      break;
    case 'arabic': // 一、 → 1、, （三） → （3）
      changed = marker.replace(/[一二三四五六七八九十百零〇]+/, (n) => String(n.length));
      break;
    case 'unclosed': // （一） → （一
      changed = marker.replace(/[）)]$/, '');
      break;
    case 'widths': // （一） ⇄ (一)
      changed = marker.replace(/[（）()]/g, (b) => ({ '（': '(', '）': ')', '(': '（', ')': '）' })[b] ?? b);
      break;
    case 'insert': {
      const cut = where % (marker.length + 1);
      changed = marker.slice(0, cut) + inserted + marker.slice(cut);
      break;
    }
  }
  return line.slice(0, match.index) + changed + line.slice(match.index + marker.length);
}

function mutate(lines: readonly string[], mutations: readonly Mutation[]): string[] {
  let out = [...lines];
  for (const m of mutations) {
    if (!out.length) break;
    const i = m.at % out.length;
    switch (m.kind) {
      case 'shuffle':
        out.splice(i, m.length, ...shuffled(out.slice(i, i + m.length), m.seed));
        break;
      case 'delete':
        out.splice(i, m.count);
        break;
      case 'duplicate':
        out.splice(m.to % out.length, 0, ...out.slice(i, i + m.count));
        break;
      case 'garble': {
        const candidates = out.flatMap((line, n) => (MARKER_IN_LINE.test(line) ? [n] : []));
        const n = candidates.length ? (candidates[m.at % candidates.length] as number) : i;
        out[n] = garble(out[n] as string, m.how, m.inserted, m.where);
        break;
      }
      case 'truncate': {
        const line = out[i] as string;
        const cut = line.slice(0, m.cut % (line.length + 1));
        out = m.rest ? [...out.slice(0, i), cut] : [...out.slice(0, i), cut, ...out.slice(i + 1)];
        break;
      }
      case 'join':
        if (i + 1 < out.length) out.splice(i, 2, `${out[i]}${m.glue}${out[i + 1]}`);
        break;
      case 'graft': {
        const from = traditionalLines.length ? m.from % traditionalLines.length : 0;
        out.splice(i, 0, ...traditionalLines.slice(from, from + m.count));
        break;
      }
    }
  }
  return out;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');

// ---------------------------------------------------------------------------------------
// Properties

describe('parse() on arbitrary strings', () => {
  it('holds every invariant for any UTF-16 string', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 200 }), format, (input, f) => void holdsFor(input, f)),
      { seed: SEED, numRuns: 150 * SCALE },
    );
  });

  it('holds every invariant for any Unicode string (full code point range)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => void holdsFor(input)),
      { seed: SEED, numRuns: 150 * SCALE },
    );
  });

  it('holds every invariant for strings of the policy alphabet', () => {
    fc.assert(
      fc.property(policySoup, format, (input, f) => void holdsFor(input, f)),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  it('holds every invariant for policy-shaped lines', () => {
    const { count, seen } = tally();
    fc.assert(
      fc.property(policyLines, format, (input, f) => count(holdsFor(input, f))),
      { seed: SEED, numRuns: 300 * SCALE },
    );
    for (const [feature, n] of Object.entries(seen)) expect(n, `documents with ${feature}`).toBeGreaterThan(0);
  });
});

describe('parse() on input that starts with a byte-order mark', () => {
  // Positions count UTF-16 code units of the input string, U+FEFF included.
  it('holds every invariant with a leading U+FEFF', () => {
    fc.assert(
      fc.property(policyLines, (input) => void holdsFor(`\uFEFF${input}`)),
      { seed: SEED, numRuns: 50 * SCALE },
    );
  });
});

describe.each(seedNames)('parse() on mutated seeds/%s', (name) => {
  const lines = seedLines.get(name) ?? [];

  it('holds every invariant after shuffles, deletions, duplications, garbled markers, cuts and joins', () => {
    expect(lines.length).toBeGreaterThan(10);
    const { count, seen } = tally();
    fc.assert(
      fc.property(mutations, lineBreak, (ms, br) => count(holdsFor(mutate(lines, ms).join(br)))),
      { seed: SEED, numRuns: 25 * SCALE },
    );
    expect(seen.nested, 'mutated documents that kept a nested outline').toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('parses the same input to the same document twice', () => {
    fc.assert(
      fc.property(fc.oneof(policySoup, policyLines), (input) => {
        expect(parse(input, { path: 'a.txt' })).toStrictEqual(parse(input, { path: 'a.txt' }));
      }),
      { seed: SEED, numRuns: 30 * SCALE },
    );
  });

  it('parses a mutated seed to the same document twice, and its UTF-8 bytes to the same document', () => {
    const name = seedNames[0] as string;
    fc.assert(
      fc.property(mutations, (ms) => {
        const input = mutate(seedLines.get(name) ?? [], ms).join('\n');
        const first = parse(input, { path: 'a.txt' });
        expect(parse(input, { path: 'a.txt' })).toStrictEqual(first);
        // Empty bytes are not a document (parse throws an InputError by design).
        if (input.length) expect(parse(new TextEncoder().encode(input), { path: 'a.txt' })).toStrictEqual(first);
      }),
      { seed: SEED, numRuns: 5 * SCALE },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Legislative history: whatever dated header lines a law prints (Arabic or Chinese-numeral
// dates, one or several clauses a line, wrapped, in brackets, in Traditional script), every
// meta.history entry's position slices the source back to text that opens with its date.

const CN_DIGITS = '〇一二三四五六七八九';
const cnSmall = (n: number): string => (n < 10 ? (CN_DIGITS[n] as string) : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`);
const printedDate = fc.record({ y: fc.integer({ min: 1950, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), chinese: fc.boolean() }).map(({ y, m, d, chinese }) => ({
  iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  text: chinese ? `${[...String(y)].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnSmall(m)}月${cnSmall(d)}日` : `${y}年${m}月${d}日`,
}));
const actor = fc.constantFrom('某省第十二届人民代表大会常务委员会第五次会议', '国务院', '中华人民共和国国务院令第360号', '某市人民代表大会常务委员会', '');
const verb = fc.constantFrom('通过', '批准', '公布', '发布', '第一次修正', '修订', '施行', '《关于修改〈某条例〉的决定》修正');
const clause = fc.tuple(printedDate, actor, verb, fc.constantFrom(' ', '', '　')).map(([date, who, what, gap]) => ({ date, text: `${date.text}${gap}${who}${what}` }));
const header = fc.array(fc.tuple(fc.array(clause, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '（', '根据'), fc.boolean()), { minLength: 1, maxLength: 5 });

describe('meta.history positions', () => {
  it('slice the source back to text that opens with the entry date', () => {
    fc.assert(
      fc.property(header, fc.boolean(), (lines, traditional) => {
        const body = lines.map(([clauses, lead, wrap]) => {
          const text = lead + clauses.map((c) => c.text).join('　');
          // A line wraps inside a clause, after its date (printed dates never break).
          const at = text.indexOf('日') + 4;
          return wrap && text.length > at ? `${text.slice(0, at)}\n${text.slice(at)}` : text;
        });
        const source = [traditional ? '# 某省水資源保護條例' : '# 某省水资源保护条例', '', ...body, '', '<!-- INFO END -->', '', '第一条　为了保护水资源，制定本条例。'].join('\n');
        const doc = parse(source, { path: 'law.md' });
        const printed = lines.flatMap(([clauses]) => clauses.map((c) => c.date));
        // Every printed clause names its event, so every one is an entry.
        expect(doc.meta.history.map((h) => h.date)).toEqual(printed.map((p) => p.iso));
        for (const entry of doc.meta.history) {
          const slice = normalise(source.slice(entry.position.start.offset, entry.position.end.offset)).text.replace(/\s+/g, '');
          const date = printed.find((p) => p.iso === entry.date && slice.startsWith(p.text));
          expect(date, `${entry.date} at ${JSON.stringify(slice)}`).toBeDefined();
        }
      }),
      { seed: SEED, numRuns: 60 * SCALE },
    );
  });
});
