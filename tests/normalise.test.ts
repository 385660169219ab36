import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  countScriptCharacters,
  detectScript,
  normalise,
  normaliseCharacters,
  OffsetMap,
  OffsetMapBuilder,
  toSimplified,
  type Script,
} from '../src/normalise/index.js';
import { NEUTRAL, charClasses, openccTables, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../src/normalise/opencc-tables.js';
import { readSource } from '../src/normalise/detect-script.js';
import { PhraseTrie } from '../src/normalise/phrase-trie.js';
import { firstWork, NEEDS_WORK } from '../src/normalise/normalise-characters.js';
import { TW_PHRASE_GUARDS } from '../src/normalise/tw-phrases.js';
import { TW_CONTEXT_GUARDS, TW_CONTEXT_REWRITES } from '../src/normalise/tw-phrases-generated.js';
import { mainlandMarkers, phraseClass, phrasesOf, scriptPhrases } from '../src/normalise/tw-vocabulary.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/normalise/', import.meta.url));
const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
// The laws corpus sits in ../shared beside the repository (skipped where it is absent).
const lawsDir = fileURLToPath(new URL('../../shared/corpus/laws/', import.meta.url));

const fixtureNames = readdirSync(fixturesDir)
  .filter((name) => statSync(join(fixturesDir, name)).isDirectory())
  .sort();
const readFixture = (name: string): string => readFileSync(join(fixturesDir, name, 'input.txt'), 'utf8');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('fixtures', () => {
  it('has the behaviour cases', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining([
        'crlf-and-spaces',
        'mixed-script',
        'punctuation-width',
        'simplified-unchanged',
        'traditional-taiwan-phrases',
        'year-range-dash',
      ]),
    );
  });

  for (const name of fixtureNames) {
    it(name, async () => {
      const { text } = normalise(readFixture(name));
      await expect(text).toMatchFileSnapshot(join(fixturesDir, name, 'output.txt'));
    });
  }

  const expectedScripts: Record<string, Script> = {
    'traditional-taiwan-phrases': 'traditional',
    'simplified-unchanged': 'simplified',
    'simplified-stray-traditional': 'simplified',
    'mixed-script': 'mixed',
    'punctuation-width': 'simplified',
  };
  for (const [name, script] of Object.entries(expectedScripts)) {
    it(`${name} is detected as ${script}`, () => {
      expect(normalise(readFixture(name)).script).toBe(script);
    });
  }

  it('leaves valid Simplified text byte for byte alone', () => {
    const input = readFixture('simplified-unchanged');
    expect(toSimplified(input, 'simplified').changed).toBe(0);
    expect(normalise(input).text).toBe(input);
  });
});

describe('detectScript', () => {
  it('recognises Traditional text', () => {
    expect(detectScript('國務院辦公廳關於印發消費品標準和質量提升規劃的通知')).toBe('traditional');
  });

  it('recognises Simplified text', () => {
    expect(detectScript('国务院办公厅关于印发消费品标准和质量提升规划的通知')).toBe('simplified');
  });

  it('recognises a mix', () => {
    expect(detectScript('国务院办公厅关于印发规划的通知。國務院辦公廳關於印發規劃的通知。')).toBe('mixed');
  });

  it('calls text without Han evidence simplified', () => {
    expect(detectScript('')).toBe('simplified');
    expect(detectScript('GB/T 19001-2016, ISO 9001:2015')).toBe('simplified');
    // Characters shared by both scripts are no evidence either way.
    expect(detectScript('人民大会')).toBe('simplified');
  });

  it('keeps a Simplified document with a couple of stray Traditional characters simplified', () => {
    const text = '以推动高质量發展为主题，加快建设质量强国，为经济社会持续健康发展做出更大贡献，着力提升供给体系质量。';
    expect(detectScript(text)).toBe('simplified');
  });

  it('does not count characters that are valid Simplified as Traditional', () => {
    expect(detectScript('乾隆年间著名的二噁英研究与毕昇')).toBe('simplified');
  });

  it('reads a source once for normalise(): the same counts as countScriptCharacters, and firstWork', () => {
    const work = [...Array(0x10000).keys()].filter((code) => NEEDS_WORK[code] === 1);
    // NEEDS_WORK marks exactly the code units normaliseCharacters changes (． after a digit).
    const changes = (code: number): boolean => normaliseCharacters(`1${String.fromCharCode(code)}`).text !== `1${String.fromCharCode(code)}`;
    expect([...Array(0x10000).keys()].filter((code) => (code < 0xd800 || code > 0xdfff) && changes(code) !== (NEEDS_WORK[code] === 1))).toEqual([]);
    for (const text of ['', '發展质量', '第一条\r\n为了', '１２３', `后${String.fromCharCode(work.at(-1) as number)}`, '\ufeff國']) {
      expect(readSource(text)).toEqual({ ...countScriptCharacters(text), firstWork: firstWork(text) });
    }
  });

  it('finds evidence only from CJK Extension A up (countScriptCharacters reads charClass unguarded)', () => {
    // What detection reads (built alone, for Simplified text) is the table the converters' tables hold.
    const charClass = charClasses();
    expect(openccTables().charClass).toBe(charClass);
    expect(charClass.subarray(0, 0x3400).every((cls) => cls === NEUTRAL)).toBe(true);
    expect(charClass.every((cls) => cls === NEUTRAL || cls === TRADITIONAL_ONLY || cls === SIMPLIFIED_ONLY)).toBe(true);
  });
});

describe('Traditional → Simplified', () => {
  const convert = (text: string): string => normalise(text).text;

  it('uses mainland vocabulary, not opencc twp over-conversions', () => {
    // Mainland wording in Traditional characters: only Taiwan-only phrases would change.
    expect(normalise('建立健全資訊安全指標體系，整合雲端資源。')).toMatchObject({ phrasing: 'mainland', text: '建立健全信息安全指标体系，整合云端资源。' });
    // A Taiwan-phrased text (透過, 網際網路, 智慧財產權): its Taiwan-leaning phrases change too.
    expect(normalise('透過網際網路存取雲端資源，保護智慧財產權。')).toMatchObject({ phrasing: 'taiwan', text: '通过互联网存取云资源，保护知识产权。' });
    expect(convert('努力滿足人民民眾日益增長的需求，推動家用電器智慧型化、網路化發展，透過網際網路銷售。')).toBe(
      '努力满足人民群众日益增长的需求，推动家用电器智能化、网络化发展，通过互联网销售。',
    );
  });

  it('reads a document with more mainland markers than Taiwan-only phrases as mixed', () => {
    // 智慧財產權, 最佳化, 網路 (Taiwan-only) and 智慧型 (a strong form) beside five mainland
    // markers (信息, 信息安全): a converter took some Taiwan phrases only. The strongly preferred
    // 智慧型 changes; 整合, 檔案, 資料 were written so.
    expect(normalise('保護智慧財產權，最佳化網路環境，推動家電智慧型化。完善信息平台，推進信息共享，加強信息安全，建設信息系統，共享信息資源，整合檔案資料。')).toMatchObject({
      phrasing: 'mixed',
      text: '保护知识产权，优化网络环境，推动家电智能化。完善信息平台，推进信息共享，加强信息安全，建设信息系统，共享信息资源，整合档案资料。',
    });
    // Without the markers the same phrases make a Taiwan-phrased document, and all change.
    expect(normalise('保護智慧財產權，最佳化網路環境，推動家電智慧型化，整合檔案資料。')).toMatchObject({ phrasing: 'taiwan', text: '保护知识产权，优化网络环境，推动家电智能化，集成文件数据。' });
    // Markers are mainland phrases Taiwan text (the statutes) all but never writes: not 程序 or 对象.
    const markers = mainlandMarkers();
    for (const word of ['信息', '软件', '数据']) expect(markers, word).toContain(word);
    for (const word of ['程序', '对象', '建立']) expect(markers, word).not.toContain(word);
  });

  it('rewrites a Taiwan form mainland text keeps only in contexts mainland text never writes it in', () => {
    // 執行 is mainland usage (执行政策), but mainland text writes 运行稳定 and never 执行稳定:
    // in a Taiwan-phrased document that context is a converter's.
    expect(convert('透過網路釋出軟體，保障系統執行穩定，嚴格執行政策。')).toBe('通过网络发布软件，保障系统运行稳定，严格执行政策。');
    expect(convert('保障系統執行穩定，嚴格執行政策。')).toBe('保障系统执行稳定，严格执行政策。');
    // A context Taiwan statutes write themselves (置執行長, 未宣告緩刑) is never a rewrite.
    const rewritten = new Set(TW_CONTEXT_REWRITES.map(([taiwan]) => taiwan));
    for (const context of ['置执行', '未宣告']) expect(rewritten.has(context), context).toBe(false);
  });

  it("takes back opencc's own Traditional forms, as script, not as Taiwan wording", () => {
    // opencc writes 坐标 as 座標 and 复函 as 覆函, and its reverse table keeps them; mainland
    // text all but never writes 座标 or 覆函. Three of them make no Taiwan-phrased document.
    expect(normalise('建立空間座標系，統一座標，按覆函辦理。')).toMatchObject({ phrasing: 'mainland', text: '建立空间坐标系，统一坐标，按复函办理。' });
    expect(scriptPhrases().map(([traditional]) => traditional)).toEqual(expect.arrayContaining(['座標', '覆函']));
  });

  it('keeps a weakly preferred Taiwan form only where the document prints the mainland form twice', () => {
    // One 數據 can be a converter's longer phrase read across a word boundary; two are a choice.
    expect(convert('透過網路釋出軟體，蒐集資料，分析資料，公開數據。')).toBe('通过网络发布软件，搜集数据，分析数据，公开数据。');
    expect(convert('透過網路釋出軟體，蒐集資料，分析資料，公開數據，統計數據。')).toBe('通过网络发布软件，搜集资料，分析资料，公开数据，统计数据。');
  });

  it('keeps 著 in 著名 and does not invent 着', () => {
    expect(convert('著名商標擁有量力爭達到1000件以上。')).toBe('著名商标拥有量力争达到1000件以上。');
  });

  it('does not let a short key straddle a word boundary', () => {
    expect(convert('鼓勵企業進行銷售，多數位於園區內。')).toBe('鼓励企业进行销售，多数位于园区内。');
    // A Taiwan-only phrase in a context mainland text uses (数据机 in 大数据机制) is kept: a
    // guard generated from the mainland counts.
    expect(TW_CONTEXT_GUARDS).toContain('大数据机');
    expect(convert('推動大數據機制建設，採購數據機。')).toBe('推动大数据机制建设，采购调制解调器。');
  });

  it('matches Taiwan phrases written with Simplified characters in mixed text', () => {
    expect(toSimplified('網路與网路', 'mixed').text).toBe('网络与网络');
  });

  it('in a Simplified document converts only Traditional-only characters and never phrases', () => {
    const { text, changed } = toSimplified('推动發展，加强网路监管，乾隆年间，皇后大道，著名商标', 'simplified');
    expect(text).toBe('推动发展，加强网路监管，乾隆年间，皇后大道，著名商标');
    expect(changed).toBe(1);
  });

  it('phrase table entries are mainland Simplified and stable under a second pass', () => {
    const { charClass } = openccTables();
    const taiwanOnly = phrasesOf('taiwan-only');
    const taiwanLeaning = phrasesOf('prefers-mainland');
    for (const [taiwan, mainland] of [...taiwanOnly, ...taiwanLeaning]) {
      for (const ch of mainland) expect(charClass[ch.charCodeAt(0)], `${taiwan} → ${mainland}`).not.toBe(TRADITIONAL_ONLY);
      expect(toSimplified(mainland, 'traditional', { phrasing: 'taiwan' }).text, `${taiwan} → ${mainland}`).toBe(mainland);
    }
    for (const [, mainland] of TW_CONTEXT_REWRITES) expect(toSimplified(mainland, 'traditional', { phrasing: 'taiwan' }).text, mainland).toBe(mainland);
    // Alone, a Taiwan-only phrase changes in any Traditional text; a Taiwan-leaning one only
    // in a Taiwan-phrased document.
    for (const [taiwan, mainland] of taiwanOnly) expect(toSimplified(taiwan, 'traditional').text, taiwan).toBe(mainland);
    for (const [taiwan, mainland] of taiwanLeaning) expect(toSimplified(taiwan, 'traditional', { phrasing: 'taiwan' }).text, taiwan).toBe(mainland);
    expect(taiwanOnly.length + taiwanLeaning.length).toBeGreaterThanOrEqual(500);
    const keys = [...taiwanOnly, ...taiwanLeaning].map(([taiwan]) => taiwan);
    // Words mainland text uses as much as their counterpart are never rewritten (opencc twp does).
    for (const word of ['建立', '指標', '品質', '執行', '民眾']) {
      expect(keys, word).not.toContain(word);
    }
    // The counts decide: a Taiwan form unseen in mainland text is Taiwan-only; one mainland
    // text writes as often as its own form is left alone.
    expect(phraseClass(0, 5000)).toBe('taiwan-only');
    expect(phraseClass(1263, 10302)).toBe('prefers-mainland');
    expect(phraseClass(15171, 363)).toBe('mainland');
    // A guard only makes sense where a key starts inside it.
    for (const guard of TW_PHRASE_GUARDS.filter((g) => keys.some((key) => g.includes(key.slice(1)) || g.includes(key.slice(0, -1))))) {
      const overlaps = keys.some((key) => [...guard].some((_, i) => (key.startsWith(guard.slice(i)) || guard.slice(i).startsWith(key))));
      expect(overlaps, guard).toBe(true);
    }
  });
});

describe('punctuation and width', () => {
  const cases: Array<[string, string]> = [
    ['中文名:北京', '中文名：北京'],
    ['时间09:03:18,共1,000元', '时间09:03:18，共1,000元'],
    ['QQ:2891238009', 'QQ:2891238009'],
    ['网址:http://x.cn/a?b=1', '网址：http://x.cn/a?b=1'],
    ['规划(2016-2020年)', '规划（2016—2020年）'],
    ['质量控制(QC)小组', '质量控制（QC）小组'],
    ['(国办发〔2016〕68号)', '（国办发〔2016〕68号）'],
    ['f(x) = x + 1', 'f(x) = x + 1'],
    ['参加"质量月"活动', '参加“质量月”活动'],
    ['say "hello" twice', 'say "hello" twice'],
    ['京政办发[2016]60号', '京政办发[2016]60号'],
    ['详见[指南](https://x.cn/(a))', '详见[指南](https://x.cn/(a))'],
    ['增长１２．５％，ＩＳＯ', '增长12.5%，ISO'],
    // A space between two Han characters may mean something (中共中央 国务院); next to punctuation it does not.
    ['品质升 级， 强化', '品质升 级，强化'],
    ['中共中央 国务院关于', '中共中央 国务院关于'],
    ['1. 开展', '1. 开展'],
    ['专栏1 提升', '专栏1 提升'],
    ['  缩进保留', '  缩进保留'],
    ['——加强组织领导——落实责任', '——加强组织领导——落实责任'],
    ['2016 ～ 2020年', '2016—2020年'],
    ['电话6512-3456，GB 2760-2014', '电话6512-3456，GB 2760-2014'],
    ['a\u200bb\ufeffc\u00a0d\u3000e\tf', 'abc d e\tf'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalise(input, { script: 'simplified' }).text).toBe(expected);
    });
  }

  it('applies to Traditional input too', () => {
    expect(normalise('發布日期:2017-02-14,規劃(2016-2020年)').text).toBe('发布日期：2017-02-14，规划（2016—2020年）');
  });
});

describe('line breaks', () => {
  it('turns CRLF, CR and LF into exactly one \\n each', () => {
    expect(normalise('一\r\n二\r三\n四\r\n\r\n五').text).toBe('一\n二\n三\n四\n\n五');
  });

  it('preserves the line count of every fixture and seed', () => {
    const inputs = fixtureNames.map(readFixture);
    if (existsSync(seedsDir)) for (const path of walk(seedsDir)) inputs.push(readFileSync(path, 'utf8'));
    for (const input of inputs) {
      const lines = input.split(/\r\n|\r|\n/).length;
      expect(normalise(input).text.split('\n').length).toBe(lines);
    }
  });
});

describe('OffsetMap', () => {
  it('is the identity when nothing changed length', () => {
    const map = OffsetMap.identity(5);
    expect([0, 1, 5].map((o) => map.toSource(o))).toEqual([0, 1, 5]);
    expect(map.anchorCount).toBe(1);
  });

  /** A random edit script with the expected toSource value of every output offset. */
  function randomEdits(sourceLength: number, next: () => number): { map: OffsetMap; expected: number[] } {
    const builder = new OffsetMapBuilder();
    const expected: number[] = [];
    let s = 0;
    while (s < sourceLength) {
      const o = expected.length;
      if (next() < 0.5) {
        const n = Math.min(sourceLength - s, 1 + Math.floor(next() * 5));
        for (let k = 0; k < n; k++) expected.push(s + k);
        s += n;
      } else {
        const srcLen = Math.min(sourceLength - s, Math.floor(next() * 4));
        const outLen = Math.floor(next() * 4);
        if (srcLen === 0 && outLen === 0) continue;
        builder.replace(o, s, outLen, srcLen);
        for (let k = 0; k < outLen; k++) expected.push(outLen === srcLen ? s + k : s);
        s += srcLen;
      }
    }
    expected.push(sourceLength);
    return { map: builder.build(expected.length - 1, sourceLength), expected };
  }

  it('maps inside a replaced span to its source start and its end to the source end', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const { map, expected } = randomEdits(1 + Math.floor(next() * 40), next);
      expect(expected.map((_, o) => map.toSource(o))).toEqual(expected);
    }
  });

  it('composes like function composition and stays monotonic', () => {
    const next = random(11);
    for (let trial = 0; trial < 200; trial++) {
      const inner = randomEdits(1 + Math.floor(next() * 40), next).map;
      const outer = randomEdits(inner.length, next).map;
      const composed = outer.composeWith(inner);
      for (let o = 0; o <= outer.length; o++) {
        expect(composed.toSource(o)).toBe(inner.toSource(outer.toSource(o)));
        if (o > 0) expect(composed.toSource(o)).toBeGreaterThanOrEqual(composed.toSource(o - 1));
      }
    }
  });

  it('stores anchors only where lengths change', () => {
    const source = '推動智慧財產權保護。\r\n'.repeat(1000);
    const { text, map } = normalise(source);
    expect(text.length).toBeLessThan(source.length);
    // One phrase span and one CRLF per line: a handful of anchors each, not one per character.
    expect(map.anchorCount).toBeLessThanOrEqual(4 * 1000 + 2);
  });
});

describe('offsets back into the source', () => {
  it('points at the right characters across phrase conversion and CRLF', () => {
    const source = '推動智慧財產權保護\r\n  透過網際網路,資訊,軟體\r\n';
    const { text, map } = normalise(source);
    expect(text).toBe('推动知识产权保护\n  通过互联网，信息，软件\n');
    expect(map.toSource(text.indexOf('知'))).toBe(source.indexOf('智'));
    // Inside a span that changed length: the start of the source span.
    expect(map.toSource(text.indexOf('权'))).toBe(source.indexOf('智'));
    expect(map.toSource(text.indexOf('保'))).toBe(source.indexOf('保'));
    expect(map.toSource(text.indexOf('信'))).toBe(source.indexOf('資'));
    expect(map.toSource(text.indexOf('，'))).toBe(source.indexOf(','));
    expect(map.toSource(text.indexOf('软'))).toBe(source.indexOf('軟'));
    expect(map.toSource(0)).toBe(0);
    expect(map.toSource(text.length)).toBe(source.length);
  });

  // A document with every kind of length change: BOM, CRLF, phrases, deleted spaces.
  const document =
    '\ufeff' +
    readFixture('traditional-taiwan-phrases').replace(/\n/g, '\r\n').replace(/，/g, '， ') +
    '\r\n推動\u200b數位轉型。   加強品質管理。\r\n';

  it('slices the source to text that normalises to the same output', () => {
    const { text, map, script, phrasing } = normalise(document);
    // Boundaries that no conversion context crosses: line starts/ends and the
    // start of a sentence after 。.
    const boundaries = new Set<number>([0, text.length]);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') boundaries.add(i).add(i + 1);
      if (text[i] === '。' && /\p{Script=Han}/u.test(text[i + 1] ?? '') && document[map.toSource(i + 1) - 1] === '。') {
        boundaries.add(i + 1);
      }
    }
    const points = [...boundaries].sort((a, b) => a - b);
    expect(points.length).toBeGreaterThan(20);
    const next = random(3);
    for (let trial = 0; trial < 300; trial++) {
      let a = points[Math.floor(next() * points.length)]!;
      let b = points[Math.floor(next() * points.length)]!;
      if (a > b) [a, b] = [b, a];
      const slice = document.slice(map.toSource(a), map.toSource(b));
      expect(normalise(slice, { script, phrasing }).text, `${a}..${b}`).toBe(text.slice(a, b));
    }
  });

  it('is monotonic and in range for every offset', () => {
    const { text, map } = normalise(document);
    let previous = 0;
    for (let o = 0; o <= text.length; o++) {
      const s = map.toSource(o);
      expect(s).toBeGreaterThanOrEqual(previous);
      expect(s).toBeLessThanOrEqual(document.length);
      previous = s;
    }
  });
});

describe('idempotence', () => {
  const inputs: Array<[string, string]> = fixtureNames.map((name) => [name, readFixture(name)]);
  if (existsSync(seedsDir)) for (const path of walk(seedsDir)) inputs.push([path, readFileSync(path, 'utf8')]);
  for (const [name, input] of inputs) {
    it(name, () => {
      const once = normalise(input).text;
      expect(normalise(once).text).toBe(once);
    });
  }
});

describe.skipIf(!existsSync(lawsDir))('Simplified laws corpus', () => {
  // Genuine Traditional characters in the corpus (not valid Simplified), which the
  // Simplified path is right to convert: an OCR slip 人民群諮 in the 1984 State
  // Council order on legal units of measurement.
  const knownStrayTraditional = new Set(['諮']);

  it('is detected as Simplified and left unchanged by script conversion', () => {
    let files = 0;
    const changed: string[] = [];
    for (const path of walk(lawsDir)) {
      const text = readFileSync(path, 'utf8');
      files++;
      expect(detectScript(text), path).toBe('simplified');
      const converted = toSimplified(text, 'simplified').text;
      if (converted === text) continue;
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== converted[i]) changed.push(text[i]!);
      }
    }
    expect(files).toBeGreaterThan(0);
    expect(changed.filter((ch) => !knownStrayTraditional.has(ch))).toEqual([]);
  });

  it('normalises a sample idempotently with the same line count', () => {
    let n = 0;
    for (const path of walk(lawsDir)) {
      if (n++ % 100 !== 0) continue;
      const input = readFileSync(path, 'utf8');
      const once = normalise(input).text;
      expect(once.split('\n').length, path).toBe(input.split(/\r\n|\r|\n/).length);
      expect(normalise(once).text, path).toBe(once);
    }
  });
});

describe('opencc-generated.ts', () => {
  it('is what scripts/generate-opencc-tables.mjs derives from opencc-js (npm run generate:opencc)', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generateOpenccTables } = await import('../scripts/generate-opencc-tables.mjs');
    const committed = readFileSync(fileURLToPath(new URL('../src/normalise/opencc-generated.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(generateOpenccTables());
  });
});

describe('corner quotes', () => {
  it('become mainland quotes in Traditional text, one for one', () => {
    const source = '行政院核定「智慧國家方案」，推動『數位轉型』。';
    const n = normalise(source);
    expect(n.text).toBe('行政院核定“智慧国家方案”，推动‘数字化转型’。');
    expect(n.map.toSource(n.text.indexOf('“'))).toBe(source.indexOf('「'));
    expect(normalise(n.text).text).toBe(n.text);
  });

  it('stay in Simplified text, which is left as it is', () => {
    expect(normalise('简体文本中的「引号」保留').text).toBe('简体文本中的「引号」保留');
  });
});

describe('PhraseTrie', () => {
  it('finds the longest key at every position, as a plain search does, and mayStart never hides one', () => {
    const next = random(15);
    // Few code units, so keys share prefixes and pairs; enough keys to grow the child slots.
    const units = '發展國際網路資訊一二三';
    const word = (length: number): string => Array.from({ length }, () => units[Math.floor(next() * units.length)]).join('');
    const keys = new Map<string, string>();
    for (let k = 0; k < 3000; k++) keys.set(word(1 + Math.floor(next() * 6)), `v${k}`);
    keys.set('國', 'single');
    let keyUnits = 0;
    for (const key of keys.keys()) keyUnits += key.length;
    // Grown as keys come, sized for them all at once, and sized too small: the same lookups.
    for (const trie of [new PhraseTrie(), new PhraseTrie(keyUnits), new PhraseTrie(100)]) {
      for (const [key, value] of keys) trie.add(key, value);
      expect(trie.size).toBe(keys.size);
      const text = word(4000);
      for (let i = 0; i < text.length; i++) {
        let end = -1;
        for (let j = i + 1; j <= Math.min(text.length, i + 6); j++) if (keys.has(text.slice(i, j))) end = j;
        const found = trie.match(text, i, null);
        expect(found).toBe(end);
        if (end > 0) expect(trie.value).toBe(keys.get(text.slice(i, end)));
        if (end > 0) expect(trie.mayStart(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : -1)).toBe(true);
      }
    }
  });
});

describe('PhraseTrie.clone', () => {
  it('matches as the original does, and keys added to the copy stay out of the original', () => {
    const trie = new PhraseTrie();
    for (const [key, value] of [['網路', 'a'], ['網際網路', 'b'], ['資訊', 'c']] as const) trie.add(key, value);
    const copy = trie.clone();
    copy.add('資訊科技', 'd');
    copy.add('網', 'e');
    // Enough keys for the copy's slots to grow.
    for (let i = 0; i < 3000; i++) copy.add(`鍵${String.fromCharCode(0x4e00 + i)}${i}`, `v${i}`);
    const text = '網際網路與資訊科技，網';
    const ends = (t: PhraseTrie) => Array.from(text, (_, i) => [t.match(text, i, null), t.match(text, i, null) > 0 ? t.value : '']);
    expect(ends(trie)).toEqual([[4, 'b'], [-1, ''], [4, 'a'], [-1, ''], [-1, ''], [7, 'c'], [-1, ''], [-1, ''], [-1, ''], [-1, ''], [-1, '']]);
    expect(ends(copy)).toEqual([[4, 'b'], [-1, ''], [4, 'a'], [-1, ''], [-1, ''], [9, 'd'], [-1, ''], [-1, ''], [-1, ''], [-1, ''], [11, 'e']]);
    expect(trie.size).toBe(3);
    expect(copy.size).toBe(3005);
    expect(copy.mayStart('網'.charCodeAt(0), -1)).toBe(true);
    expect(trie.mayStart('網'.charCodeAt(0), -1)).toBe(false);
  });
});

describe('long conversions', () => {
  it('keeps lone surrogates, a leading BOM and astral characters however long the text', () => {
    // Past a few hundred code units the output is decoded in one call, which must not
    // replace a lone surrogate or drop a BOM.
    const body = '國'.repeat(400);
    const simplified = '国'.repeat(400);
    for (const [text, expected] of [
      [`\ufeff${body}`, `\ufeff${simplified}`],
      [`${body}\ud800a${body}`, `${simplified}\ud800a${simplified}`],
      // A lone high surrogate does not take the character after it along unconverted.
      [`${body}\ud800國${body}`, `${simplified}\ud800国${simplified}`],
      [`${body}\udc00`, `${simplified}\udc00`],
      [`${body}\ud800`, `${simplified}\ud800`],
      [`𠁞${body}😀`, `𠀾${simplified}😀`],
    ] as const) {
      expect(toSimplified(text, 'traditional').text).toBe(expected);
    }
  });
});
