// The lexicon (src/lexicon/): one home for numerals, deadlines and plan periods, units,
// role words, organ names, document types, brackets and table headers. Every stage reads
// through it, so a numeral, a deadline or a unit list means the same thing everywhere.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addYears, findDates, isDateLine, readDate } from '../src/lexicon/dates.js';
import { canonicalDocNumber, issuerOfDocNumber } from '../src/lexicon/doc-numbers.js';
import { lifecycleEventOf } from '../src/lexicon/lifecycle.js';
import { describe, expect, it } from 'vitest';
import { quoteSpans } from '../src/lexicon/brackets.js';
import { findDeadlines, planPeriod } from '../src/lexicon/deadlines.js';
import { docTypeOf } from '../src/lexicon/doc-types.js';
import { readNumeral, toChineseNumeral } from '../src/lexicon/numerals.js';
import { isUnitName, splitUnits } from '../src/lexicon/organs.js';
import { REVIEW_PART, reviewYears } from '../src/lexicon/parts.js';
import { FIRST_LISTED_LEADS, roleOfLabel } from '../src/lexicon/roles.js';
import { columnRole, columnYear, mayOpenRow } from '../src/lexicon/table-columns.js';
import { matchUnit } from '../src/lexicon/units.js';
import { parse } from '../src/index.js';

describe('readNumeral', () => {
  it.each([
    ['12', 12],
    ['3,000', 3000],
    ['1.5', 1.5],
    ['１２', 12],
    ['十二', 12],
    ['一百零三', 103],
    ['两百五十', 250],
    ['两百五', 250],
    ['一千零五', 1005],
    ['一万五', 15000],
    ['一亿二千万', 120000000],
    ['二〇二五', 2025],
    ['二零二四', 2024],
    ['百分之九十五', 95],
    ['一点五', 1.5],
    ['壹佰壹拾壹', 111],
  ] as const)('%s → %d', (text, value) => {
    expect(readNumeral(text)).toBe(value);
  });

  it.each(['', '十四五', '三五', '一批', 'abc', '1.2.3'])('%s is no numeral', (text) => {
    expect(readNumeral(text)).toBeNull();
  });

  // The shared numeral table beside the repository (numeral<TAB>value), when present.
  const table = fileURLToPath(new URL('../../shared/eval/numerals.tsv', import.meta.url));
  it.skipIf(!existsSync(table))('reads every numeral of ../shared/eval/numerals.tsv', () => {
    const rows = readFileSync(table, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(50);
    const wrong = rows.filter(([numeral, value]) => readNumeral(numeral ?? '') !== Number(value)).map(([n, v]) => `${n} → ${readNumeral(n ?? '')} (want ${v})`);
    expect(wrong).toEqual([]);
  });

  it('writes small numbers back as markers are printed', () => {
    expect([3, 12, 20, 105, 110].map(toChineseNumeral)).toEqual(['三', '十二', '二十', '一百零五', '一百一十']);
  });

  it('reads a numeral the same in a marker, a date and a target', () => {
    const doc = parse('关于印发行动计划的通知\n一、主要任务\n（十二）建设绿道。到二〇二五年，新建绿道两百五十公里。\n二〇二四年十月三十一日\n');
    const section = doc.sections[0]?.children[0];
    expect(section?.number).toBe(12);
    expect(doc.meta.issuedDate).toBe('2024-10-31');
    expect(doc.targets.map((t) => [t.value, t.unit, t.year])).toEqual([[250, '公里', 2025]]);
  });
});

describe('deadlines and plan periods', () => {
  it.each([
    ['到2025年，覆盖率达到90%', 2025],
    ['2025年底前完成改造', 2025],
    ['到二〇二五年，建成30个', 2025],
    ['“十四五”末，达到95%', 2025],
    ['到“十五五”期末，不低于9.5平方米', 2030],
    ['十三五期间完成', 2020],
    ['2021年底，基本完成编制', 2021],
    ['2020年初步建成300个示范性职业教育集团', 2020],
  ] as const)('%s → %d', (text, year) => {
    expect(findDeadlines(text).map((d) => d.year)).toEqual([year]);
  });

  it('reads 今年 and 明年 only with the document year', () => {
    expect(findDeadlines('今年完成改造')).toEqual([]);
    expect(findDeadlines('今年完成改造，明年全面推开', 2024).map((d) => d.year)).toEqual([2024, 2025]);
    expect(findDeadlines('去年居民消费价格上涨2.6%，比去年预算增加4000亿元', 2013).map((d) => d.year)).toEqual([2012]);
  });

  it('does not take a baseline year or a span for a deadline', () => {
    expect(findDeadlines('较2020年下降10%')).toEqual([]);
    expect(findDeadlines('行动计划（2021—2025年）')).toEqual([]);
    expect(findDeadlines('2019年全省地区生产总值增长6%')).toEqual([]);
  });

  it('counts five-year plans from the first (1953) with the pause before the third (1966)', () => {
    expect([1, 2, 3, 11, 13, 14, 15].map((n) => planPeriod(n))).toEqual([
      { from: 1953, to: 1957 },
      { from: 1958, to: 1962 },
      { from: 1966, to: 1970 },
      { from: 2006, to: 2010 },
      { from: 2016, to: 2020 },
      { from: 2021, to: 2025 },
      { from: 2026, to: 2030 },
    ]);
  });

  it('reads the years a review part names', () => {
    expect(reviewYears('1998年工作回顾和1999年工作的总体要求')).toEqual({ reviewed: 1998, planned: 1999, plansInPart: true });
    expect(reviewYears('2013年工作回顾')).toEqual({ reviewed: 2013, planned: 2014, plansInPart: false });
    expect(reviewYears('主要任务')).toBeNull();
    expect(reviewYears('2022年数字经济发展取得显著成效')).toEqual({ reviewed: 2022, planned: 2023, plansInPart: false });
    expect(reviewYears('到2025年数字化转型取得显著成效')).toBeNull();
  });

  it('finds review years only in a review part’s title (the targets stage tests REVIEW_PART first and asks reviewYears only then)', () => {
    const titles = ['2013年工作回顾', '2015年上半年工作总结', '一、2020年基本情况和2021年工作安排', '2019年及2020年', '2021年主要任务', '过去一年（2022年）主要进展', '2023年目标'];
    for (const title of titles) if (reviewYears(title) !== null) expect(REVIEW_PART.test(title)).toBe(true);
    expect(titles.filter((t) => reviewYears(t) !== null).length).toBeGreaterThan(2);
  });
});

describe('units', () => {
  it.each([
    ['万吨/天，', '吨/天'],
    ['条（段）“美丽街区”', '条（段）'],
    ['平方米/人', '平方米/人'],
    ['公里/平方公里', '公里/平方公里'],
    ['TFLOPS/w的芯片', 'TFLOPS/w'],
    ['T OPS/w（以16位浮点为基准）', 'T OPS/w'],
    ['km，', 'km'],
    ['PFlops', 'PFlops'],
    ['Gbps的', 'Gbps'],
    ['个百分点', '个百分点'],
  ] as const)('%s → %s', (rest, unit) => {
    expect(matchUnit(rest.startsWith('万') ? rest.slice(1) : rest)?.unit).toBe(unit);
  });

  it.each(['G基站', 'D打印', '年底前', '部门', '条件'])('%s starts no unit', (rest) => {
    expect(matchUnit(rest)).toBeNull();
  });
});

describe('organ names and unit lists', () => {
  it.each([
    ['认监委、标准委', ['认监委', '标准委']],
    ['各区、县级市人民政府', ['各区、县级市人民政府']],
    ['省工业和信息化厅、省财政厅', ['省工业和信息化厅', '省财政厅']],
    ['区城管执法局和属地街镇', ['区城管执法局', '属地街镇']],
    ['市科技局，市发展改革委、市财政局等', ['市科技局', '市发展改革委', '市财政局']],
    ['申通地铁\n集团', ['申通地铁集团']],
    ['区建设管理委\n区绿化市容局', ['区建设管理委', '区绿化市容局']],
  ] as const)('%s', (list, units) => {
    expect(splitUnits(list)).toEqual(units);
  });

  it('knows organs and collectives from prose', () => {
    expect(['市发展改革委', '各区政府', '属地街镇', '区“两旧”专班'].every(isUnitName)).toBe(true);
    expect(['产业园区', '加强组织领导', '技工院校内由人力资源社会保障行政部门负责'].some(isUnitName)).toBe(false);
  });
});

describe('role words, document types, brackets and table headers', () => {
  it('maps role labels to roles', () => {
    expect(['牵头单位', '配合部门', '责任单位', '承办单位', '参加单位', '负责部门'].map(roleOfLabel)).toEqual([
      'lead',
      'support',
      'responsible',
      'responsible',
      'support',
      'responsible',
    ]);
  });

  it('knows the conventions that make the first-listed unit the lead', () => {
    expect(['列第一位者为牵头单位', '排在第一位的部门为牵头部门', '排在首位的为牵头单位'].every((t) => FIRST_LISTED_LEADS.test(t))).toBe(true);
    expect(FIRST_LISTED_LEADS.test('排在第一位的是创新能力')).toBe(false);
  });

  it('reads the document type from a title', () => {
    expect(docTypeOf('关于加快推进公园城市建设的实施意见')).toBe('实施意见');
    expect(docTypeOf('智能网联汽车道路测试与示范应用管理规范（试行）')).toBe('规范');
    expect(docTypeOf('北京市消费品标准升级和质量提升规划（2016—2020年）')).toBe('规划');
  });

  it('pairs quotes as a reader does, a typo’s second opening quote closing the first', () => {
    const text = '把“四化“要求作为条件，推进“十四五”规划';
    expect(quoteSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['“四化“', '“十四五”']);
  });

  it('reads table headers', () => {
    expect(['序号', '指标名称', '指标属性', '基准值（2020年）', '目标值（2025年）', '“十五五”目标', '牵头单位', '主要工作内容', '指标值'].map(columnRole)).toEqual([
      'number',
      'indicator',
      'attribute',
      'baseline',
      'target',
      'target',
      'lead',
      'content',
      null,
    ]);
    expect(['目标值（2025年）', '“十五五”目标', '近期规划'].map(columnYear)).toEqual([2025, 2030, null]);
  });

  it('says a header may open a row whenever it names a row-opening role', () => {
    const headers = ['序号', '序 号', 'No.', '类别', '领域', '指标', '指标名称', '名称', '项目', '重点任务', '主要工作内容', '工作措施', '牵头单位', '单位', '属性', '目标值', '（2025年）', '备注', '完成时限', '指标值', '任务类型', '事项'];
    for (const header of headers) {
      const role = columnRole(header);
      if (role === 'number' || role === 'group' || role === 'indicator' || role === 'content') expect(mayOpenRow(header), header).toBe(true);
    }
    expect(mayOpenRow('牵头单位')).toBe(false);
  });
});

describe('dates', () => {
  it('reads every printed form of a date, in order, with its offsets', () => {
    const text = '2017年7月7日印发，二〇二四年十月三十一日起，2019-02-13 与 2019.2.3，一九九四年十二月六日';
    expect(findDates(text).map((d) => [d.iso, text.slice(d.start, d.end)])).toEqual([
      ['2017-07-07', '2017年7月7日'],
      ['2024-10-31', '二〇二四年十月三十一日'],
      ['2019-02-13', '2019-02-13'],
      ['2019-02-03', '2019.2.3'],
      ['1994-12-06', '一九九四年十二月六日'],
    ]);
  });

  it('rejects impossible days and reads a labelled compact date', () => {
    expect(findDates('2023年2月30日')).toEqual([]);
    expect(readDate('20150617')).toBe('2015-06-17');
    expect(readDate('2015 年 6 月 17 日')).toBe('2015-06-17');
    expect(readDate('版本号 1.2.3')).toBeNull();
  });

  it('knows a signature date line, and adds years the day before the anniversary', () => {
    expect(isDateLine('二〇二二年三月十八日')).toBe(true);
    expect(isDateLine('2022年3月18日印发')).toBe(false);
    expect(addYears('2023-02-01', 5)).toBe('2028-01-31');
    expect(addYears('2024-03-01', 1)).toBe('2025-02-28');
  });
});

describe('document numbers', () => {
  it('writes every bracket form canonically, with spaces and 第 dropped', () => {
    for (const printed of ['京政办发〔2016〕60号', '京政办发[2016]60号', '京政办发（2016）60号', '京政办发【2016】 60 号', '京政办发［2016］第60号']) {
      expect(canonicalDocNumber(printed)).toBe('京政办发〔2016〕60号');
    }
  });

  it('reads orders: the State Council files them as 国令, others keep their organ and numeral', () => {
    expect(canonicalDocNumber('中华人民共和国国务院令第707号')).toBe('国令第707号');
    expect(canonicalDocNumber('中华人民共和国主席令第三号')).toBe('主席令第三号');
    expect(canonicalDocNumber('公安部令第8号')).toBe('公安部令第8号');
  });

  it('names the issuer of an unambiguous code only', () => {
    expect(issuerOfDocNumber('国办发〔2019〕5号')).toBe('国务院办公厅');
    expect(issuerOfDocNumber('国令第707号')).toBe('国务院');
    expect(issuerOfDocNumber('鲁政办字〔2020〕3号')).toBe('山东省人民政府办公厅');
    expect(issuerOfDocNumber('宁政发〔2020〕3号')).toBeNull();
    expect(issuerOfDocNumber('沪建建材〔2021〕694号')).toBeNull();
  });
});

describe('lifecycle events', () => {
  it('takes a clause\'s last event word outside quotes', () => {
    expect(lifecycleEventOf('某会议批准的《关于修改〈某条例〉的决定》第一次修正')?.event).toBe('amended');
    expect(lifecycleEventOf('某会议通过')?.event).toBe('adopted');
    expect(lifecycleEventOf('国务院令第360号公布')?.event).toBe('promulgated');
    expect(lifecycleEventOf('施行')?.event).toBe('effective');
  });

  it('reads 通过的《…修正案》 as an amendment and a doc type as no event', () => {
    expect(lifecycleEventOf('第九届全国人民代表大会常务委员会第十三次会议通过的《中华人民共和国刑法修正案》')?.event).toBe('amended');
    expect(lifecycleEventOf('关于加快推进本区公园城市建设实施意见')).toBeNull();
  });
});
