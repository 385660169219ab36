// htmlToText: HTML page → one line per block, with offsets back into the HTML.
// Fixture cases: fixtures/html/<case>/input.html → expected.txt (the exact text,
// regenerate with `npx vitest run -u tests/html.test.ts` and read the diff).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from '../src/html/html-to-text.js';
import { PolicyDocument, normalise, parse } from '../src/index.js';
import { allSections } from './helpers.js';
import { at, listDir } from './helpers.js';

const lines = (html: string): string[] => htmlToText(html).text.split('\n');

/**
 * Every output character that is not a synthesized '\n' or '\t' slices the HTML back
 * to itself, or to the entity it was decoded from (a collapsed space: to white space),
 * followed only by what was skipped before the next character; and toSource is
 * monotonic over 0..text.length.
 */
function expectPositionsSliceBack(html: string): void {
  const { text, toSource } = htmlToText(html);
  let previous = toSource(0);
  for (let i = 0; i <= text.length; i++) {
    const here = toSource(i);
    expect(here, `toSource(${i}) goes backwards`).toBeGreaterThanOrEqual(previous);
    expect(here).toBeLessThanOrEqual(html.length);
    previous = here;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\t') continue;
    const slice = html.slice(toSource(i), toSource(i + 1));
    if (slice.startsWith(ch) || (ch === ' ' && /^\s/.test(slice))) continue;
    const entity = /^&[#\w]+;?/.exec(slice)?.[0] ?? '';
    const decodes = [...entity].some((_, k) => htmlToText(`<p>[${entity.slice(0, k + 1)}]</p>`).text === `[${ch}]`);
    expect(decodes, `text[${i}] = ${JSON.stringify(ch)} came from ${JSON.stringify(slice)}`).toBe(true);
  }
}

describe.each(listDir('fixtures/html'))('fixtures/html/%s', (name) => {
  const html = readFileSync(at(`fixtures/html/${name}/input.html`), 'utf8');
  const { text } = htmlToText(html);

  it('matches expected.txt', async () => {
    await expect(`${text}\n`).toMatchFileSnapshot(at(`fixtures/html/${name}/expected.txt`));
  });

  it('maps every character back to the HTML it came from', () => {
    expectPositionsSliceBack(html);
  });

  it('leaves no page furniture and no blank or space-padded lines', () => {
    expect(text).not.toMatch(/版权所有|ICP备|当前位置|首页 ?[>»]|分享到|打印|关闭窗口|document\.write|统计代码/);
    for (const line of text.split('\n')) {
      expect(line.trim()).not.toBe('');
      expect(line).not.toMatch(/^ | $/);
    }
  });

  it('is looksLikeHtml', () => {
    expect(looksLikeHtml(html)).toBe(true);
  });
});

// The same pages through the whole pipeline: output.json is the parsed document (a
// reviewed golden), and every section's position points at its marker in the HTML.
describe.each(listDir('fixtures/html'))('parse(fixtures/html/%s)', (name) => {
  const path = `fixtures/html/${name}/input.html`;
  const html = readFileSync(at(path), 'utf8');
  const doc = parse(readFileSync(at(path)), { path });

  it('matches output.json and validates', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(at(`fixtures/html/${name}/output.json`));
    expect(PolicyDocument.safeParse(doc).success).toBe(true);
    expect(doc.source.format).toBe('html');
    expect(doc.sections.length).toBeGreaterThan(0);
  });

  it('points every section and task at its text in the HTML source', () => {
    for (const s of allSections(doc.sections)) {
      if (s.implicit || !s.marker) continue;
      const at = normalise(html.slice(s.position.start.offset, s.position.end.offset)).text;
      expect(at.startsWith(s.marker) || at.startsWith(`${s.marker}\t`), `${s.id} ${at.slice(0, 20)}`).toBe(true);
    }
    for (const t of doc.tasks) {
      expect(normalise(html.slice(t.position.start.offset, t.position.end.offset)).text).toContain(t.title.slice(0, 4));
    }
  });
});

describe('htmlToText blocks', () => {
  it('gives paragraphs, headings and list items a line each', () => {
    const html = '<h1>关于加强质量工作的意见</h1><p>一、总体要求</p><p>（一）指导思想</p><ul><li>甲项</li><li>乙项</li></ul>';
    expect(lines(html)).toEqual(['关于加强质量工作的意见', '一、总体要求', '（一）指导思想', '甲项', '乙项']);
  });

  it('keeps a <body> that a script reveals', () => {
    expect(lines('<html><body style="display:none"><p>正文</p></body></html>')).toEqual(['正文']);
  });

  it('drops head, scripts, styles, forms and hidden elements', () => {
    const html = `<!doctype html><html><head><title>标题栏</title><style>p{color:red}</style></head>
      <body><script>var a = "<p>脚本</p>";</script><noscript>请启用脚本</noscript>
      <p>正文一</p><div hidden>隐藏一</div><div style="DISPLAY: none">隐藏二</div>
      <form><input value="输入"><select><option>选项</option></select><button>提交</button><label>标签</label></form>
      <p>正文二</p></body></html>`;
    expect(lines(html)).toEqual(['正文一', '标签', '正文二']);
  });

  it('drops nav, header, footer, breadcrumb, share and search bars', () => {
    const html = `<header>网站头部</header><nav>导航栏</nav>
      <div class="nav">首页 政务公开</div><div id="topNav">顶部导航</div>
      <div class="location">当前位置：首页 &gt; 政策文件</div><div class="crumbs">首页 > 文件</div>
      <div class="breadcrumb">面包屑</div><div class="bdsharebuttonbox">分享</div><div class="share-box">分享到</div>
      <div class="search">搜索</div><div class="page-turn">上一页</div><aside>侧栏</aside><div class="sidebar">侧栏二</div>
      <div class="TRS_Editor"><p>正文保留</p></div>
      <div id="footer">版权所有</div><div class="bottom">底部</div><div class="copyright">版权</div><footer>页脚</footer>`;
    expect(lines(html)).toEqual(['正文保留']);
  });

  it('keeps the usual content containers', () => {
    const html = `<div class="TRS_Editor"><p>甲</p></div><div id="zoom"><p>乙</p></div>
      <div class="article-content"><p>丙</p></div><div class="pages_content"><p>丁</p></div>
      <table><tr><td class="b12c">戊</td></tr></table><div class="position-relative"><p>己</p></div>
      <div id="printContent"><p>庚</p></div><div class="article-header"><h1>辛</h1></div>
      <article><header><h1>壬</h1></header><p>癸</p><footer>（此件公开发布）</footer></article>
      <div class="detail"><header>子</header><p>丑</p></div>`;
    expect(lines(html)).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '（此件公开发布）', '子', '丑']);
  });

  it('splits lines at <br> and <hr>', () => {
    expect(lines('<div>第一行<br>第二行<BR/><br>第三行<hr>第四行</div>')).toEqual(['第一行', '第二行', '第三行', '第四行']);
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>&ldquo;三量提升&rdquo;&#12289;&#x4E2D;&amp;&lt;b&gt;&nbsp;A&copy;</p>').text).toBe(
      '“三量提升”、中&<b>\u00a0A©',
    );
  });

  it('collapses ASCII white space but keeps &nbsp; and U+3000', () => {
    const html = '<p style="text-indent:2em">\n   &nbsp;&nbsp;为贯彻\r\n\t落实  <span> 意见 </span> 。  </p><p>\u3000\u3000全文 </p>';
    expect(lines(html)).toEqual(['\u00a0\u00a0为贯彻 落实 意见 。', '\u3000\u3000全文']);
  });

  it('keeps white space and line breaks inside <pre>', () => {
    expect(lines('<pre>\n序号  任务\n1     建立制度   \n</pre>')).toEqual(['序号  任务', '1     建立制度']);
  });

  it('returns empty text for empty, blank or text-free input', () => {
    for (const html of ['', '   \n', '<html><head><title>t</title></head><body></body></html>', '<p>&nbsp;</p><br><br>']) {
      const result = htmlToText(html);
      expect(result.text).toBe('');
      expect(result.toSource(0)).toBeGreaterThanOrEqual(0);
    }
  });

  it('never throws on malformed markup', () => {
    const html = '<p>甲<div><table><td>乙<p>丙</tr></b></i></table><<<>>>&#xZZZ; &unknown; & 丁</span></p></html>戊<p';
    const { text } = htmlToText(html);
    expect(text.split('\n')).toEqual(['甲', '乙', '丙', '<<<>>>&#xZZZ; &unknown; & 丁', '戊']);
    expectPositionsSliceBack(html);
  });

  it('keeps the map monotonic when the parser moves text out of a table', () => {
    const html = '<table><tr><td>甲</td>漂移<td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>';
    expect(lines(html)).toEqual(['漂移', '甲\t乙', '丙\t丁']);
    expectPositionsSliceBack(html.replace('漂移', ''));
    const { text, toSource } = htmlToText(html);
    for (let i = 1; i <= text.length; i++) expect(toSource(i)).toBeGreaterThanOrEqual(toSource(i - 1));
  });
});

describe('htmlToText tables', () => {
  it('writes a data table row as one tab-separated line', () => {
    const html = `<table>
      <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td><p align="center"><span>1</span></p></td><td> 建立质量分级制度 </td><td>市市场监管局</td><td>市商务局、市财政局</td></tr>
      <tr><td>2</td><td>完善质量激励政策</td><td>市财政局</td><td>&nbsp;</td></tr>
      <tr><td>3</td><td>开展质量标杆培育</td><td>市经济信息化局</td><td></td></tr>
    </table>`;
    expect(lines(html)).toEqual([
      '序号\t重点任务\t牵头单位\t配合单位',
      '1\t建立质量分级制度\t市市场监管局\t市商务局、市财政局',
      '2\t完善质量激励政策\t市财政局\t\u00a0',
      '3\t开展质量标杆培育\t市经济信息化局\t',
    ]);
  });

  it('keeps data rows and cells whose class looks like furniture', () => {
    const html = `<table><tr class="head"><td class="top">序号</td><td>任务</td><td class="footer">牵头单位</td></tr>
      <tr><td>1</td><td class="bottom">建立制度</td><td>市财政局</td></tr></table>`;
    expect(lines(html)).toEqual(['序号\t任务\t牵头单位', '1\t建立制度\t市财政局']);
  });

  it('joins the lines of a data cell with a space', () => {
    const html = '<table><tr><th>任务</th><th>单位</th></tr><tr><td><p>甲任务</p></td><td>市发改委<br>市财政局</td></tr></table>';
    expect(lines(html)).toEqual(['任务\t单位', '甲任务\t市发改委 市财政局']);
  });

  it('keeps each paragraph of an article in a layout table on its own line', () => {
    const html = `<table><tr><td class="top_bg">网站标志</td></tr><tr><td>
      <table><tr><td class="left_menu">栏目一<br>栏目二</td><td>
        <table><tr><td align="center">关于印发实施方案的通知</td></tr>
        <tr><td id="zoom"><p>各区人民政府：</p><p>&nbsp;&nbsp;现将方案印发给你们。</p><p>一、总体要求</p></td></tr></table>
      </td></tr></table>
    </td></tr></table>`;
    expect(lines(html)).toEqual(['关于印发实施方案的通知', '各区人民政府：', '\u00a0\u00a0现将方案印发给你们。', '一、总体要求']);
  });

  it('keeps paragraphs apart in a two-column layout row and joins its inline rows', () => {
    const long = '为深入贯彻落实质量强国建设纲要精神，全面提高质量总体水平，结合实际，提出如下意见。'.repeat(12);
    const html = `<table><tr><td>发布日期：</td><td>2023-06-27</td></tr>
      <tr><td>正文</td><td><p>${long}</p><p>一、总体要求</p><p>（一）指导思想</p></td></tr></table>`;
    expect(lines(html)).toEqual(['发布日期：\t2023-06-27', '正文', long, '一、总体要求', '（一）指导思想']);
  });
});

describe('htmlToText offsets', () => {
  it('maps plain text character by character', () => {
    const html = '<div class="nav">导航</div>\n<div class="TRS_Editor"><p>一、总体要求</p>\n<p>到2025年，<b>质量</b>明显提升。</p></div>';
    const { text, toSource } = htmlToText(html);
    expect(text).toBe('一、总体要求\n到2025年，质量明显提升。');
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '\n') expect(html[toSource(i)]).toBe(text[i]);
    }
    expectPositionsSliceBack(html);
  });

  it('maps decoded entities to their source and clamps out-of-range offsets', () => {
    const html = '<p>&nbsp;&nbsp;甲&ldquo;乙&rdquo;\r\n丙</p>';
    const { text, toSource } = htmlToText(html);
    expect(text).toBe('\u00a0\u00a0甲“乙” 丙');
    expect(html.slice(toSource(0), toSource(1))).toBe('&nbsp;');
    expect(html.slice(toSource(3), toSource(4))).toBe('&ldquo;');
    expect(html[toSource(4)]).toBe('乙');
    expect(html.slice(toSource(6), toSource(7))).toBe('\r\n');
    expect(toSource(-5)).toBe(toSource(0));
    expect(toSource(Number.NaN)).toBe(toSource(0));
    expect(toSource(text.length + 100)).toBe(toSource(text.length));
    expect(toSource(text.length)).toBeLessThanOrEqual(html.length);
    expectPositionsSliceBack(html);
  });

  it('finds where entities without a semicolon end', () => {
    const html = '<p>A&amp B &notit; &notin; &copy2024 &ltb&gt &#12289;&#x20BB7;</p>';
    const { text, toSource } = htmlToText(html);
    expect(text).toBe('A& B ¬it; ∉ ©2024 <b> 、𠮷');
    expect(html.slice(toSource(5), toSource(6))).toBe('&not');
    expect(html.slice(toSource(12), toSource(13))).toBe('&copy');
    expect(html.slice(toSource(text.length - 2), toSource(text.length))).toBe('&#x20BB7;');
    expectPositionsSliceBack(html.replace('&#x20BB7;', ''));
  });

  // Its speed is measured by `npm run bench`, not here.
  it('converts a 3 MB page whole', () => {
    const page = readFileSync(at('fixtures/html/page-furniture-dropped/input.html'), 'utf8');
    const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
    const big = `<html><body>${body.repeat(Math.ceil(3_000_000 / body.length))}</body></html>`;
    const { text, toSource } = htmlToText(big);
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(text.split('\n').length).toBeGreaterThan(5000);
    expect(toSource(text.length - 1)).toBeGreaterThan(big.length - body.length);
  });
});

describe('looksLikeHtml', () => {
  it('recognises pages and fragments', () => {
    expect(looksLikeHtml('\uFEFF  <!DOCTYPE html><html><body><p>甲</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<!-- saved from url=(0036)http://www.gov.cn/ -->\n<html>\n<head>')).toBe(true);
    expect(looksLikeHtml('<HTML><HEAD><META http-equiv="Content-Type" content="text/html; charset=gb2312">')).toBe(true);
    expect(looksLikeHtml('<head><title>通知</title></head>')).toBe(true);
    expect(looksLikeHtml('<body>正文</body>')).toBe(true);
    expect(looksLikeHtml('<p>一、总体要求</p>\n<p>（一）指导思想</p>\n<p>全面贯彻落实。</p>')).toBe(true);
    expect(looksLikeHtml('<div class="TRS_Editor"><div><table><tr><td>甲</td></tr></table></div></div>')).toBe(true);
  });

  it('leaves plain text and Markdown alone', () => {
    expect(looksLikeHtml('一、总体要求\n（一）指导思想\n全面贯彻落实党的二十大精神。')).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
    // The laws corpus: Markdown with an inline comment.
    const markdown =
      '# 中华人民共和国刑法修正案（七）\n\n2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过\n\n<!-- INFO END -->\n\n一、将刑法第一百五十一条第三款修改为：';
    expect(looksLikeHtml(markdown)).toBe(false);
    expect(looksLikeHtml('<!-- INFO END -->\n# 标题\n正文')).toBe(false);
    expect(looksLikeHtml('各单位要<b>高度重视</b>质量工作。')).toBe(false);
    expect(looksLikeHtml('| 序号 | 任务 |\n|---|---|\n| 1 | 甲<br>乙<br>丙<br>丁 |')).toBe(false);
  });
});

describe('htmlToText on random markup', () => {
  const piece = fc.constantFrom(
    '<p>', '</p>', '<div class="nav">', '<div id="zoom">', '</div>', '<br>', '<b>', '</b>', '<a href="#">', '</a>',
    '<span style="display:none">', '</span>', '<li>', '<h2>', '</h2>', '<pre>', '</pre>', '<script>', '</script>',
    '<!-- 注 -->', '<td>', '<tr>', '<table>', '</table>', '&nbsp;', '&amp;', '&ldquo;', '&#12289;', '&copy2024', '&',
    '<', '>', ' ', '  ', '\n', '\r\n', '\t', '\u3000', '一、总体要求', '质量', '2025年', '𠮷', 'A',
  );
  const page = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

  it('never throws, keeps lines clean and the map monotonic', () => {
    fc.assert(
      fc.property(page, (html) => {
        const { text, toSource } = htmlToText(html);
        if (text !== '') {
          for (const line of text.split('\n')) {
            expect(line.trim()).not.toBe('');
            expect(line).not.toMatch(/^ | $/);
          }
        }
        let previous = 0;
        for (let i = 0; i <= text.length; i++) {
          const here = toSource(i);
          expect(here).toBeGreaterThanOrEqual(previous);
          expect(here).toBeLessThanOrEqual(html.length);
          previous = here;
        }
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('slices every character back to its source when the parser keeps text in order', () => {
    const inOrder = page.filter((html) => !/<t[dr]>|<table>|𠮷/.test(html));
    fc.assert(fc.property(inOrder, (html) => expectPositionsSliceBack(html)), { seed: 20240611, numRuns: 300 });
  });
});
