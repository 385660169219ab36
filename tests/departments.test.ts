// Canonical department names (issue 14): canonicalUnit() on the forms documents print, the
// document's place, and the canonical names in the output, the task CSV and the HTML report.
// Names here are chosen to show each form, in places and organs other than the evaluation
// set's where the form allows; the set itself is scored in tests/corpus/departments.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalUnit, documentPlace, parse, renderReport } from '../src/index.js';
import { tableRows } from '../bin/lib/tables.js';
import { parse as parseYaml } from 'yaml';
import { type NamePair, at, scorePairs } from './helpers.js';

const same = (a: string, b: string, place?: string) => {
  expect(canonicalUnit(a, { place }).name, `${a} / ${b} in ${place ?? 'national'}`).toBe(canonicalUnit(b, { place }).name);
};
const apart = (a: string, b: string, place?: string) => {
  expect(canonicalUnit(a, { place }).name, `${a} / ${b} in ${place ?? 'national'}`).not.toBe(canonicalUnit(b, { place }).name);
};

describe('canonicalUnit: local organs', () => {
  it('reads a bare 市/区/省 prefix in the document\'s place and spells out the short name', () => {
    expect(canonicalUnit('市人社局', { place: '南京' }).name).toBe('南京市人力资源和社会保障局');
    expect(canonicalUnit('区卫健委', { place: '上海市徐汇区' }).name).toBe('上海市徐汇区卫生健康委员会');
    expect(canonicalUnit('省发改委', { place: '浙江' }).name).toBe('浙江省发展和改革委员会');
  });

  it('gives one name to the short, the long and the place-prefixed forms of one organ', () => {
    same('市人社局', '南京市人力资源和社会保障局', '南京');
    same('市人力资源社会保障局', '南京市人力资源和社会保障局', '南京');
    same('区规划资源局', '徐汇区规划和自然资源局', '上海市徐汇区');
    same('徐汇区规划和自然资源局', '上海市徐汇区规划和自然资源局', '上海市徐汇区');
    same('省市场监管局', '浙江省市场监督管理局', '浙江');
    same('市政府', '南京市人民政府', '南京');
    same('县政府', '县人民政府');
  });

  it('keeps organs of different levels and different organs apart', () => {
    apart('市财政局', '区财政局', '上海市徐汇区');
    apart('省财政厅', '财政部', '浙江');
    apart('市发展改革委', '市商务委', '上海');
    apart('区卫健委', '区医保局', '上海市徐汇区');
  });

  it('names the Party committee\'s organs with 中共 and the place', () => {
    same('市委组织部', '中共南京市委组织部', '南京');
    expect(canonicalUnit('市委', { place: '南京' }).name).toBe('中共南京市委员会');
    expect(canonicalUnit('团省委', { place: '浙江' }).name).toBe('共青团浙江省委员会');
  });

  it('reads a district named alone as its government', () => {
    expect(canonicalUnit('徐汇区', { place: '上海' }).name).toBe('上海市徐汇区人民政府');
    expect(canonicalUnit('开发区', { place: '上海' }).name).toBe('开发区');
  });

  it('links organs renamed by the local reforms, 2018 in provinces and 2019 below', () => {
    expect(canonicalUnit('省环境保护厅', { place: '浙江' })).toEqual({ name: '浙江省环境保护厅', successor: '浙江省生态环境厅', since: '2018' });
    expect(canonicalUnit('市工商局', { place: '南京' })).toEqual({ name: '南京市工商行政管理局', successor: '南京市市场监督管理局', since: '2019' });
  });

  it('keeps collectives and kinds of body as printed', () => {
    for (const name of ['各区政府', '有关部门', '属地街镇', '各成员单位']) expect(canonicalUnit(name, { place: '上海' }).name).toBe(name);
  });
});

describe('canonicalUnit: national organs and their offices', () => {
  it('gives the full name for short names and the 中华人民共和国 form', () => {
    same('国家卫健委', '国家卫生健康委员会');
    same('卫生健康委', '国家卫生健康委员会');
    same('教育部', '中华人民共和国教育部');
    same('外汇局', '国家外汇管理局');
  });

  it('links merged and renamed organs with the date, through a chain', () => {
    expect(canonicalUnit('国家林业局')).toEqual({ name: '国家林业局', successor: '国家林业和草原局', since: '2018-03' });
    const health = canonicalUnit('卫生部');
    expect(health.successor).toBe('国家卫生和计划生育委员会');
    expect(canonicalUnit(health.successor ?? '').successor).toBe('国家卫生健康委员会');
    expect(canonicalUnit('铁道部').successors).toEqual(['国家铁路局', '中国铁路总公司']);
  });

  it('reads a short name two organs shared by the document\'s date', () => {
    expect(canonicalUnit('国家计委', { date: '1990-05-01' }).name).toBe('国家计划委员会');
    expect(canonicalUnit('国家计委', { date: '2000-05-01' }).name).toBe('国家发展计划委员会');
  });

  it('names a national organ\'s office in a province or listed city', () => {
    same('江苏证监局', '中国证监会江苏监管局');
    same('深圳证监局', '中国证券监督管理委员会深圳监管局');
    same('人民银行浙江省分行', '中国人民银行浙江省分行');
    same('市税务局', '国家税务总局南京市税务局', '南京');
    expect(canonicalUnit('浙江银保监局')).toMatchObject({ successor: '国家金融监督管理总局浙江监管局', since: '2023-07' });
  });

  it('reads a bare 司 in a ministry\'s document as one of its departments', () => {
    expect(canonicalUnit('规划司', { issuer: '国家发展改革委' }).name).toBe('国家发展和改革委员会规划司');
    expect(canonicalUnit('规划司').name).toBe('规划司');
  });

  it('never throws on odd names', () => {
    for (const name of ['', '市', '省委', '（', '中华人民共和国', 'ABC局', '市市市']) expect(() => canonicalUnit(name, { place: '上海' })).not.toThrow();
  });
});

describe('documentPlace', () => {
  it('reads the issuer, the title, then the number\'s province code', () => {
    expect(documentPlace({ issuer: '上海市徐汇区人民政府' })).toBe('上海市徐汇区');
    expect(documentPlace({ issuer: '南京市人民政府办公厅' })).toBe('南京市');
    expect(documentPlace({ title: '浙江省数字经济发展规划' })).toBe('浙江省');
    expect(documentPlace({ docNumber: '浙政办发〔2020〕1号' })).toBe('浙江省');
    expect(documentPlace({ issuer: '国务院办公厅' })).toBeNull();
  });

  it('reads a headerless text: a city text (我市) by the city it names most, else the province', () => {
    expect(documentPlace({}, '为推动我市发展……南京市人民政府……南京市委……江苏')).toBe('南京市');
    expect(documentPlace({}, '全省……浙江……浙江……省发展改革委')).toBe('浙江省');
    expect(documentPlace({}, '无地名')).toBeNull();
  });
});

describe('canonical names in the outputs', () => {
  const text = readFileSync(at('seeds/003_afbcd9f398c9ccd6.txt'), 'utf8');
  const doc = parse(text, { path: 'seeds/003.txt' });

  it('lists every unit the tasks name once, with its canonical name', () => {
    const named = new Set(doc.tasks.flatMap((t) => [...t.lead, ...t.support, ...t.responsible]));
    expect(doc.departments.map((d) => d.name).sort()).toEqual([...named].sort());
    expect(doc.departments.find((d) => d.name === '认监委')?.canonical).toBe('国家认证认可监督管理委员会');
  });

  it('adds canonical columns to the task table', () => {
    const rows = tableRows(doc).tasks;
    const task = doc.tasks.find((t) => t.support.includes('认监委'));
    const row = rows.find((r) => r.includes(task?.id ?? ''));
    expect(row?.join('|')).toContain('国家认证认可监督管理委员会');
  });

  it('shows the departments leading the most tasks in the HTML report', () => {
    const html = renderReport([doc]);
    expect(html).toContain('<table id="lead-departments">');
    const lead = doc.departments.find((d) => doc.tasks.some((t) => t.lead.includes(d.name)));
    expect(html).toContain(lead?.canonical ?? '∅');
  });
});

describe('the second list of department pairs (fixtures/departments)', () => {
  const { pairs } = parseYaml(readFileSync(at('fixtures/departments/second-pairs.yaml'), 'utf8')) as { pairs: NamePair[] };
  const result = scorePairs(pairs, canonicalUnit);

  it('gets at least 0.95 of 100 pairs from other documents right', () => {
    expect(pairs.length).toBe(100);
    expect(result.wrong.length, result.wrong.join('\n')).toBeLessThanOrEqual(5);
    expect(result.score).toBeGreaterThanOrEqual(0.95);
    expect(result.datesRight).toBe(result.right.successor);
  });
});
