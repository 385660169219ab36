// Behaviour by behaviour, what the parser must get right on the fixture documents.
// The goldens in fixtures/ pin the whole output; these assertions say what matters.
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type PolicyDocument, parse } from '../src/index.js';
import { DIVISION_STYLES, NUMBERING_STYLES, formatMarker, matchMarker, numeralValue } from '../src/parse/numbering.js';
import { FURNITURE_PATTERNS, furnitureGroups, matchesFurniturePattern } from '../src/transform/furniture.js';
import { SEPARATORS, titleStart } from '../src/parse/from-policy-text.js';
import { everyMatchHolds, holdsOneOf, startCondition } from '../src/util/regex-start.js';
import { DATE_PRE_CHECKS } from '../src/lexicon/dates.js';
import { DEADLINE_PRE_CHECKS } from '../src/lexicon/deadlines.js';
import { HISTORY_PRE_CHECKS } from '../src/transform/history.js';
import { META_PRE_CHECKS } from '../src/transform/meta.js';
import { ATTACHMENT_MARKER_START } from '../src/parse/attachments.js';
import { allSections, at, listDir, outlineOf } from './helpers.js';

const fixture = (name: string): PolicyDocument => parse(readFileSync(at(`fixtures/parse/${name}/input.txt`), 'utf8'), { path: name });
const find = (doc: PolicyDocument, title: string) => [...allSections(doc.sections)].find((s) => s.title === title);

describe('section tree', () => {
  it('takes the divisions above the article (编, 章, 节) from the numbering styles', () => {
    expect([...DIVISION_STYLES].map((key) => formatMarker(key, 1))).toEqual(['第一编', '第一章', '第一节']);
  });

  it('splits a heading from the body on its line', () => {
    const doc = fixture('heading-inline-body');
    const s = find(doc, '加强组织领导');
    expect(s?.marker).toBe('（一）');
    expect(s?.text).toBe('充分发挥省质量工作领导小组的统筹协调作用，明确职责分工。');
  });

  it('reads half-width brackets and markers followed by a space', () => {
    expect(outlineOf(fixture('heading-half-width-brackets').sections)).toEqual([
      'part 一、 主要任务',
      '  section （一） 推进标准化建设',
      '    item 1. 完善地方标准体系',
      '      subitem （1） 开展标准比对',
      '      subitem （2） 发布比对结果',
      '    item 2、 建设公共服务平台',
    ]);
  });

  it('keeps continuation paragraphs with the item above them', () => {
    const doc = fixture('continuation-paragraph');
    expect(find(doc, '强化食品安全保障')?.text).toContain('开展以整治无证经营为重点的综合治理行动');
    expect(find(doc, '落实企业主体责任')?.text.split('\n')).toHaveLength(2);
  });

  it('does not take a table-of-contents line for a heading', () => {
    const doc = fixture('toc-line-not-heading');
    expect(doc.sections.map((s) => s.title)).toEqual(['总体要求', '重点任务', '保障措施']);
    expect(doc.preamble).not.toContain('二、重点任务');
  });

  it('creates implicit parents where numbering restarts with no parent heading', () => {
    const doc = fixture('numbering-restart-implicit-part');
    expect(doc.sections).toHaveLength(3);
    expect(doc.sections.every((s) => s.implicit && s.marker === null && s.title === null)).toBe(true);
    expect(doc.sections.map((s) => s.children.map((c) => c.title))).toEqual([
      ['指导思想', '主要目标'],
      ['完善标准体系', '强化品牌建设'],
      ['加强组织领导', '强化督促检查'],
    ]);
    expect(doc.tasks.map((t) => t.title)).toEqual(['加快地方标准制定', '培育团体标准', '打造区域品牌']);
    expect(doc.messages.filter((m) => m.code === 'numbering-gap')).toEqual([]);
  });

  it('keeps numbering that continues across parents under the right parent', () => {
    const doc = fixture('numbering-continues-across-parents');
    const parts = doc.sections[0]?.children ?? [];
    expect(parts.map((p) => p.children.map((c) => c.number))).toEqual([[1, 2], [3, 4]]);
    expect(doc.messages).toEqual([]);
  });

  it('puts a 专栏 box inside its part, holding its bullets', () => {
    const doc = fixture('box-bullets');
    const part = doc.sections[0];
    expect(part?.children.map((c) => c.kind)).toEqual(['section', 'section', 'box', 'section']);
    const box = part?.children[2];
    expect(box?.title).toBe('产业升级重点工程');
    expect(box?.children.map((c) => [c.kind, c.title])).toEqual([
      ['bullet', '技术改造工程'],
      ['bullet', '集群培育工程'],
    ]);
    expect(doc.tasks.map((t) => t.title)).not.toContain('技术改造工程');
  });

  it('reads 一是/二是 enumerations, titled by their first clause', () => {
    const doc = fixture('enumeration-yishi');
    expect(outlineOf(doc.sections)).toEqual([
      'part 三、 方案有哪些亮点',
      '  enumeration 一是 坚持标准引领',
      '  enumeration 二是 注重创新驱动',
      'part 四、 如何抓好落实',
      '  enumeration 一是 加强统筹',
    ]);
  });

  it('nests chapters, sections and articles of a regulation', () => {
    const doc = fixture('legal-chapters-articles');
    expect(doc.meta.title).toBe('某省产品质量监督条例');
    expect(doc.meta.docType).toBe('条例');
    const kinds = doc.sections.map((c) => [c.marker, c.children.map((x) => `${x.marker}${x.children.map((y) => y.marker).join('')}`)]);
    expect(kinds).toEqual([
      ['第一章', ['第一条', '第二条']],
      ['第二章', ['第一节第三条第四条', '第二节第五条']],
      ['第三章', ['第六条']],
    ]);
    const article4 = [...allSections(doc.sections)].find((s) => s.marker === '第四条');
    expect(article4?.children.map((c) => c.marker)).toEqual(['（一）', '（二）']);
    expect(doc.tasks).toEqual([]);
  });

  it('warns about a numbering gap with its place', () => {
    const doc = fixture('numbering-gap-message');
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]?.code).toBe('numbering-gap');
    expect(doc.messages[0]?.message).toContain('（三）');
    expect(doc.messages[0]?.position?.start.line).toBe(4);
  });
});

describe('tasks and departments', () => {
  it('reads lead, support and responsible units in their printed forms', () => {
    const doc = fixture('department-lead-support');
    const units = doc.tasks.map((t) => [t.title, t.lead, t.support, t.responsible]);
    expect(units).toEqual([
      ['开展质量提升专项行动', ['市市场监管局'], ['市发展改革委', '市经济信息化局', '市商务局'], []],
      ['加强品牌建设', ['市商务局', '市市场监管局'], ['各区政府'], []],
      ['推进标准化建设', ['市市场监管局'], ['市农业农村局'], []],
      ['优化营商环境', ['市发展改革委'], ['市司法局', '市政务服务局'], []],
      ['强化质量监管', [], [], ['各区政府']],
    ]);
  });

  it('reads the first-listed-leads convention wherever the text states it, and only there', () => {
    // The tasks stage reads lines for the convention only where the whole text holds its closing word (FIRST_LISTED_WORD).
    const plan = (note: string) =>
      parse(`某区质量提升行动方案\n\n一、主要任务\n（一）开展质量提升专项行动。加强质量监管。（区市场监管局、区发展改革委、区商务委负责${note}）\n`).tasks.map((t) => [t.lead, t.support, t.responsible]);
    expect(plan('，列第一位者为牵头部门，下同')).toEqual([[['区市场监管局'], ['区发展改革委', '区商务委'], []]]);
    expect(plan('')).toEqual([[[], [], ['区市场监管局', '区发展改革委', '区商务委']]]);
  });
});

describe('targets', () => {
  it('gives each indicator sharing one value its own target', () => {
    const doc = fixture('target-shared-value');
    const rows = doc.targets.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year]);
    expect(rows).toEqual([
      ['农产品质量安全例行监测合格率', 'gt', 98, '%', 2025],
      ['食品安全抽检合格率', 'gt', 98, '%', 2025],
      ['药品监督抽检合格率', 'gt', 99, '%', 2025],
      ['制造业质量竞争力指数', 'gte', 86, null, 2025],
      ['装配式建筑占新建建筑面积的比例', 'approx', 40, '%', 2025],
    ]);
  });

  it('takes the deadline year that governs the paragraph or the enclosing goals', () => {
    const doc = fixture('target-governing-year');
    const rows = doc.targets.map((t) => [t.value, t.unit, t.year, t.aspirational]);
    expect(rows).toEqual([
      [95, '%', 2025, false],
      [10, '家', 2025, false],
      [300, '件', 2025, true],
    ]);
    for (const t of doc.targets) expect(t.sectionId).toMatch(/^1\.1\.\d$/);
  });
});

describe('metadata, furniture and references', () => {
  it('reads an infobox and canonicalises the document number', () => {
    const { meta, preamble } = fixture('meta-infobox');
    expect(meta).toMatchObject({
      title: '某市质量发展规划（2016—2020年）',
      docNumber: '某政发〔2016〕12号',
      issuer: '某市人民政府',
      publishedDate: '2016-08-01',
      docType: '规划',
      period: { from: 2016, to: 2020 },
    });
    expect(preamble).not.toMatch(/中文名|基本信息/);
  });

  it('reads labelled rows: a label, white space of any width, either colon; never a label inside a longer word', () => {
    const text = [
      '基本信息',
      '- 文件名称 ：某市质量提升活动方案',
      '- 发文机关\u3000：某市人民政府',
      '- 文号:某政发〔2020〕3号',
      '- 发布时间：2020年5月6日',
      '一、总体要求',
      '本文件名称：不是标题。',
      '（一）名称：质量。',
    ].join('\n');
    expect(parse(text, { path: 'labelled-rows.txt' }).meta).toMatchObject({
      title: '某市质量提升活动方案',
      issuer: '某市人民政府',
      docNumber: '某政发〔2020〕3号',
      publishedDate: '2020-05-06',
    });
  });

  it('reads the header, addressees and signature block', () => {
    const doc = fixture('meta-signature');
    expect(doc.meta).toMatchObject({
      title: '某省人民政府办公厅关于加快质量品牌建设的实施意见',
      docNumber: '某政办发〔2019〕18号',
      issuer: '某省人民政府办公厅',
      issuedDate: '2019-03-15',
      publishedDate: '2019-03-20',
      docType: '实施意见',
      addressees: ['各市（州）人民政府', '省政府各部门、各直属机构'],
    });
    expect(doc.preamble).toBe('为加快质量品牌建设，经省政府同意，现提出如下实施意见。');
    const last = doc.sections.at(-1)?.children.at(-1);
    expect(last?.text).toBe('各地要高度重视。');
  });

  it('drops page furniture from every text field', () => {
    const doc = fixture('furniture-header-footer');
    const text = JSON.stringify([doc.preamble, [...allSections(doc.sections)].map((s) => [s.title, s.text])]);
    for (const noise of ['首页', '当前位置', '浏览次数', '字号', '扫一扫', '分享到', '打印', '版权所有', '邮编', 'ICP']) {
      expect(text).not.toContain(noise);
    }
    expect(doc.meta.title).toBe('某市市场监督管理局关于开展质量月活动的通知');
    expect(doc.meta.publishedDate).toBe('2023-09-01');
    expect(doc.meta.issuedDate).toBe('2023-08-30');
    expect(doc.sections.map((s) => s.title)).toEqual(['活动主题', '工作要求']);
  });

  it('lists cited documents with their numbers in canonical form', () => {
    const doc = fixture('references-doc-number');
    expect(doc.references.map((r) => [r.title, r.docNumber])).toEqual([
      ['国务院办公厅关于印发消费品标准和质量提升规划（2016—2020年）的通知', '国办发〔2016〕68号'],
      ['中共中央 国务院关于开展质量提升行动的指导意见', '中发〔2017〕24号'],
      ['关于质量提升行动的实施意见', '某发〔2018〕3号'],
    ]);
  });
});

describe('task tables', () => {
  it('reads a tab-separated task table into tasks with their units', () => {
    const doc = fixture('task-table');
    expect(doc.tasks.map((t) => [t.title, t.lead, t.support])).toEqual([
      ['建立质量分级制度', ['市市场监管局'], ['市商务局', '市财政局']],
      ['开展质量标杆培育', ['市经济信息化局'], ['市市场监管局']],
      ['完善质量激励政策', ['市财政局'], []],
    ]);
  });

  it('splits a cell listing several units on lines (an HTML <br>) or spaces', () => {
    const html = '<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>' +
      '<tr><td>1</td><td>建立质量分级制度</td><td>市市场监管局<br>市商务局</td><td>市财政局、市统计局</td></tr>' +
      '<tr><td>2</td><td>开展质量标杆培育</td><td>市经济信息化局</td><td>市市场监管局</td></tr></table>';
    const doc = parse(`<html><body><p>一、主要任务</p>${html}</body></html>`, { path: 'tasks.html' });
    expect(doc.tasks.map((t) => [t.title, t.lead, t.support])).toEqual([
      ['建立质量分级制度', ['市市场监管局', '市商务局'], ['市财政局', '市统计局']],
      ['开展质量标杆培育', ['市经济信息化局'], ['市市场监管局']],
    ]);
  });

  it('reads a Markdown task table under a part', () => {
    const doc = fixture('task-table-markdown');
    expect(doc.sections[0]?.children.map((c) => c.title)).toEqual(['推进标准化建设', '加强计量基础设施建设']);
    expect(doc.tasks.map((t) => [t.title, t.responsible])).toEqual([
      ['推进标准化建设', ['市市场监管局', '各区政府']],
      ['加强计量基础设施建设', ['市市场监管局']],
    ]);
  });
});

describe('the numbering table', () => {
  // titleStart skips the pattern where a Han character follows the marker or one space.
  it('finds where a title starts as SEPARATORS does, which matches no code unit from U+4E00 to U+FEFE', () => {
    const separator = new RegExp(`^[${SEPARATORS.source.slice(1, -2)}]$`);
    expect(separator.test(' ') && separator.test('：') && separator.test('\u3000') && !separator.test('第')).toBe(true);
    const inRange = [...Array(0xfeff - 0x4e00).keys()].map((k) => String.fromCharCode(0x4e00 + k));
    expect(inRange.filter((c) => separator.test(c))).toEqual([]);
    const bySeparators = (value: string, from: number) => {
      SEPARATORS.lastIndex = from;
      SEPARATORS.exec(value);
      return SEPARATORS.lastIndex;
    };
    for (const value of ['第三条本办法', '第三条 本办法', '第三条  本办法', '第三条：本办法', '第三条\u3000本办法', '一、 总则', '1. 目标', '1.', '第三条 ', '第三条 \ufeff本', '第三条 ．本', '（一）　加强']) {
      const from = matchMarker(value)?.marker.length ?? 0;
      expect(titleStart(value, from), value).toBe(bySeparators(value, from));
    }
  });

  // matchMarker tries only the styles whose `starts` holds a line's first character: a pattern
  // edited to match at another character would silently never run there.
  it('names in `starts` every first character its pattern matches, on every line of the seeds and fixtures', () => {
    const texts = [
      ...listDir('seeds').map((n) => readFileSync(at(`seeds/${n}`), 'utf8')),
      ...listDir('fixtures/parse')
        .filter((n) => existsSync(at(`fixtures/parse/${n}/input.txt`)))
        .map((n) => readFileSync(at(`fixtures/parse/${n}/input.txt`), 'utf8')),
    ];
    const lines = texts.flatMap((t) => t.split('\n').map((l) => l.trim())).filter((l) => l !== '');
    const misses: string[] = [];
    let matched = 0;
    for (const line of lines) {
      for (const style of NUMBERING_STYLES) {
        if (!style.pattern.test(line)) continue;
        matched++;
        if (!style.starts.includes(line[0] as string)) misses.push(`${style.key}: ${line.slice(0, 20)}`);
      }
    }
    expect(matched).toBeGreaterThan(400);
    expect(misses).toEqual([]);
  });

  // On a 第 line matchMarker tries only the styles whose `keyword` is the first character after
  // the numeral: a 第 style without one, or a pattern allowing more between 第 and its keyword,
  // would silently stop matching. Its answer must be the whole table's, tried in order.
  it('finds on 第 lines the marker the whole table finds, tried in order', () => {
    const everyStyle = (line: string) => {
      for (const style of NUMBERING_STYLES) {
        const m = style.pattern.exec(line);
        if (!m) continue;
        const number = m[1] === undefined ? null : numeralValue(m[1]);
        if (m[1] !== undefined && number === null) continue;
        return { key: style.key, marker: m[0].trim(), number };
      }
      return null;
    };
    const lines = ['第一条 为了', '第 7-1 条', '第 十 章 附则', '第三章之一 附则', '第一编 总则', '第二节 一般规定', '第一部分 总体要求', '第二篇 发展目标', '第12条', '第三条规定的', '第一批试点', '第二十五 条', '第\u3000三\u3000章'];
    for (const name of listDir('seeds')) lines.push(...readFileSync(at(`seeds/${name}`), 'utf8').split('\n').map((l) => l.trim()));
    const ordinal = lines.filter((l) => l.startsWith('第'));
    let found = 0;
    for (const line of ordinal) {
      const m = matchMarker(line);
      expect(m && { key: m.style.key, marker: m.marker, number: m.number }, line).toEqual(everyStyle(line));
      if (m) found++;
    }
    for (const style of NUMBERING_STYLES) if (style.starts.includes('第')) expect(style.keyword, style.key).toBeTruthy();
    expect(found).toBeGreaterThan(8);
  });
});

describe('page furniture patterns', () => {
  // matchesFurniturePattern tries an alternative of FURNITURE_PATTERNS only on a line holding
  // one of the starts regex-start.ts reads from it: a misread would silently skip furniture.
  it('matches exactly where one of FURNITURE_PATTERNS does, on the seeds, the fixtures and furniture of every kind', () => {
    const furniture = [
      '扫一扫在手机打开当前页', '请扫码关注', '微信公众号', '分享到：', '字体：【大 中 小】', '字号：大', '浏览次数：1024', '阅读量：3',
      '点击数：5', '访问次数：9', '打印本页', '【打印】【关闭】', '加入收藏', '返回顶部', '我要纠错', 'Copyright © 2020 某某网', 'copyright 2020',
      'ALL RIGHTS RESERVED', '©某某', '京ICP备12345号', 'icp备', '网站标识码：1100000088', '公网安备 11010202000001号', '技术支持：某某公司', '网站地图',
      '主办单位：某某市人民政府办公厅 承办单位：某某信息中心', '承办：某某网', 'Processed in 0.0123 second(s)', 'seo seo', 'SEO', '当前位置：首页 > 政策文件',
      '您现在的位置：首页', '首页 》 法规', '首页/政策', '上一篇：关于……', '下一篇', '更多>>', '相关文章', '法规中心', '联系我们', '隐私政策',
      '邮政编码：100000', '电话：010-12345678', 'E-mail：a@b.cn', 'email: a@b.cn', 'QQ：12345', 'qq: 1', '网址：www.gov.cn', '【字体：大 中 小】【打印】',
      '声明', '免责声明：', '核心提示：本条例', '责任编辑：张三', '来源：新华网', '稿源：某报', '关键词：条例', '主题分类：综合', '基本信息', '搜索', '正文',
      '中国甘肃网 2017-07-12 17:17', '2017-07-12', '发布时间：2020-1-2 09:03:18', '• 首页', '· 更多', '* 返回',
    ];
    const texts = [
      ...listDir('seeds').map((n) => readFileSync(at(`seeds/${n}`), 'utf8')),
      ...listDir('fixtures/parse')
        .filter((n) => existsSync(at(`fixtures/parse/${n}/input.txt`)))
        .map((n) => readFileSync(at(`fixtures/parse/${n}/input.txt`), 'utf8')),
    ];
    const lines = [...texts.flatMap((t) => t.split('\n').map((l) => l.trim())), ...furniture, ...furniture.map((l) => `第一条 ${l}`), ...furniture.map((l) => `${l}。`)];
    const anyPattern = (line: string) => FURNITURE_PATTERNS.some((re) => re.test(line));
    expect(lines.filter((line) => matchesFurniturePattern(line) !== anyPattern(line))).toEqual([]);
    expect(furniture.filter((line) => !anyPattern(line))).toEqual([]);
    expect(lines.filter(anyPattern).length).toBeGreaterThan(furniture.length * 2);
  });

  it("are grouped in the CLI's bundle as the library groups them (the build writes the groups in)", () => {
    const bundle = readFileSync(at('dist/bundle/policy-parse.cjs'), 'utf8');
    // The groups are JSON in one string literal, in whichever quotes the bundler printed it.
    const literal = /function builtFurnitureGroups\(\)\s*\{\s*return\s*JSON\.parse\(((['"`])(?:(?!\2)[^\\]|\\.)*\2)\)/s.exec(bundle)?.[1];
    expect(literal, 'the bundle returns the groups').toBeDefined();
    expect(JSON.parse(runInNewContext(literal as string))).toEqual(furnitureGroups(FURNITURE_PATTERNS));
  });

  it('reads what every match of a pattern starts with (regex-start.ts)', () => {
    const starts = (source: string, flags = '') => {
      const c = startCondition(source, flags);
      return { anchored: c.anchored, prefixes: c.prefixes && [...c.prefixes].sort(), ...(c.contains ? { contains: c.contains } : {}) };
    };
    expect(starts('abc')).toEqual({ anchored: false, prefixes: ['ab'], contains: 'a' });
    expect(starts('^ab|c')).toEqual({ anchored: false, prefixes: ['ab', 'c'] });
    expect(starts('^(?:ab|c)d')).toEqual({ anchored: true, prefixes: ['ab', 'cd'], contains: 'd' });
    expect(starts('a?b')).toEqual({ anchored: false, prefixes: ['ab', 'b'], contains: 'b' });
    expect(starts('(?:ab)*c')).toEqual({ anchored: false, prefixes: ['ab', 'c'], contains: 'c' });
    expect(starts('x(?=y)\\bz{0,2}$')).toEqual({ anchored: false, prefixes: ['x', 'xz'], contains: 'x' });
    // Starts unknown, but a character required: a date's -.
    expect(starts('^\\S{0,20}\\s*\\d{4}-\\d{1,2}')).toEqual({ anchored: true, prefixes: null, contains: '-' });
    expect(starts('[a-c\\]]\\.', '')).toEqual({ anchored: false, prefixes: ['].', 'a.', 'b.', 'c.'], contains: '.' });
    expect(starts('Ab', 'i')).toEqual({ anchored: false, prefixes: ['AB', 'Ab', 'aB', 'ab'] });
    expect(starts('[^a]b', 'i')).toEqual({ anchored: false, prefixes: null });
    expect(starts('\\u4e00\\d')!.prefixes).toHaveLength(10);
    // No condition where a match may start with anything, or where the source is not read.
    for (const [source, flags] of [['[^a]b', ''], ['.b', ''], ['\\Sb', ''], ['a*', ''], ['(a)\\1', ''], ['ab', 'm'], ['ab', 'u'], ['ǅ', 'i'], ['[\\u4e00-\\u9fff]', '']]) {
      expect(startCondition(source as string, flags).prefixes, source).toBeNull();
    }
    // Every match found in text starts with one of the prefixes, and holds the character required.
    const text = 'ab abc  x1 Copyright 2020 seo SEO xz 首页 > 第12条 a-b 2017-07-12';
    for (const source of ['ab+c?', '[a-z]\\d|x\\d', 'c[Oo]py', 'seo(\\s+seo)*', '首页\\s*(>|》)', '第\\s*\\d+条', 'a-?b', '\\d{2}条', '\\S{0,4}\\d{4}-\\d']) {
      const { prefixes, contains } = startCondition(source, 'i');
      expect(prefixes !== null || contains !== null, source).toBe(true);
      for (const m of text.matchAll(new RegExp(source, 'gi'))) {
        if (prefixes) expect(prefixes.some((p) => text.startsWith(p, m.index)), `${source} at ${m.index}`).toBe(true);
        if (contains) expect(m[0].includes(contains), `${source} at ${m.index}`).toBe(true);
      }
    }
  });

  it('reads whether every match of a pattern holds a mark, which the pre-checks of dates, deadlines, numbers and clauses rely on', () => {
    const holds: Array<[RegExp, string]> = [
      [/a号b/, '号'],
      [/(?:x号|y号)/, '号'],
      [/(号)+/, '号'],
      [/[号令]/, '号令'],
      [/(\d{4})[-/.](\d{1,2})/g, '-/.'],
      [/(?<![比较])去年(?!同期)/g, '年'],
      [/有效期(?:限)?(?:为)?(\d{1,3})年/, '期'],
    ];
    for (const [re, marks] of holds) expect(everyMatchHolds(re, marks), re.source).toBe(true);
    // An optional mark, an alternative without one, a mark only looked at, a class wider than the marks,
    // case folding, a source not read: no promise.
    const loose: Array<[RegExp, string]> = [
      [/a号?b/, '号'],
      [/号*/, '号'],
      [/x|号/, '号'],
      [/(?:x号|y)/, '号'],
      [/a(?=号)/, '号'],
      [/[号令]/, '号'],
      [/号/i, '号'],
      [/(号)\1/, '号'],
      [/\p{Script=Han}号/u, '号'],
    ];
    for (const [re, marks] of loose) expect(everyMatchHolds(re, marks), re.source).toBe(false);
    // What it says holds is true of every match found in text.
    const text = '到2025年底，有效期为5年，2017-07-12印发，国务院令第707号，去年同期，今年';
    for (const [re, marks] of holds) for (const m of text.matchAll(new RegExp(re.source, 'g'))) expect(holdsOneOf(m[0], marks), `${re.source}: ${m[0]}`).toBe(true);
    expect(holdsOneOf('2017.07', '-/.')).toBe(true);
    expect(holdsOneOf('二〇一七年', '-/.')).toBe(false);
  });

  it('holds every pre-check of dates, deadlines, numbers, clauses and date labels to the patterns it skips', () => {
    const preChecks = [...DATE_PRE_CHECKS, ...DEADLINE_PRE_CHECKS, ...HISTORY_PRE_CHECKS, ...META_PRE_CHECKS];
    expect(preChecks.length).toBe(9);
    for (const { patterns, marks } of preChecks) {
      expect(patterns.length).toBeGreaterThan(0);
      for (const re of patterns) expect(everyMatchHolds(re, marks), `/${re.source}/ without one of ${marks}`).toBe(true);
    }
    // An attachment's marker is tried only on a line starting with its first character.
    const { pattern, first } = ATTACHMENT_MARKER_START;
    const start = startCondition(pattern.source, pattern.flags);
    expect(start.anchored).toBe(true);
    expect(start.prefixes?.length).toBeGreaterThan(0);
    for (const prefix of start.prefixes ?? []) expect(prefix.startsWith(first), prefix).toBe(true);
  });
});
