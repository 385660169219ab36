// The HTML reports (renderReport, formatDiffHtml) and `policy-parse report`: structure read
// back through rehype-parse, the no-network rule, escaping, determinism, and two reviewed
// goldens in fixtures/report/ (regenerate with `npx vitest run -u tests/report.test.ts`).
// The real-browser checks (clicking, sorting, screenshots) are in tests/browser/.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { runReport } from '../bin/lib/report-command.js';
import { type PolicyDocument, diff, parse } from '../src/index.js';
import { formatDiffHtml } from '../src/report/diff-html.js';
import { renderReport } from '../src/report/html-report.js';
import { at, listDir } from './helpers.js';

const seeds: PolicyDocument[] = listDir('seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => parse(readFileSync(at(`seeds/${f}`)), { path: `seeds/${f}` }));

function loadDiff(name: string) {
  const side = (which: string) => {
    const path = `fixtures/diff/${name}/${which}.txt`;
    return parse(readFileSync(at(path)), { path });
  };
  return diff(side('old'), side('new'));
}

const tree = (html: string): Root => unified().use(rehypeParse).parse(html);

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  if (node.type === 'element' && node.tagName === 'template' && node.content) elements(node.content, out);
  return out;
}

const byTag = (root: Root, tag: string) => elements(root).filter((e) => e.tagName === tag);
const byId = (root: Root, id: string) => elements(root).find((e) => e.properties.id === id);

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Self-contained: no external script, stylesheet, image or frame, and no http(s) URL at all. */
function expectSelfContained(html: string): void {
  const root = tree(html);
  expect(byTag(root, 'link')).toEqual([]);
  for (const el of elements(root)) {
    for (const attr of ['src', 'href', 'srcSet', 'action', 'data', 'poster']) {
      const value = el.properties[attr];
      if (value !== undefined) expect(String(value), `${el.tagName} ${attr}`).not.toMatch(/^\s*(https?:)?\/\//i);
    }
    if (el.tagName === 'script') expect(el.properties.src).toBeUndefined();
  }
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/@import|url\(/i);
}

describe('renderReport', () => {
  const html = renderReport(seeds);
  const root = tree(html);

  it('is one self-contained zh-CN page', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expectSelfContained(html);
    expect(byTag(root, 'script')).toHaveLength(1);
    expect(byTag(root, 'style')).toHaveLength(1);
  });

  it('lists every document with its facts and counts', () => {
    const list = byId(root, 'documents');
    expect(list).toBeDefined();
    const rows = byTag(list as unknown as Root, 'tr').slice(1);
    expect(rows).toHaveLength(seeds.length);
    seeds.forEach((doc, i) => {
      const cells = byTag(rows[i] as unknown as Root, 'td').map(textOf);
      expect(cells[0]).toBe(doc.meta.title ?? doc.source.path);
      expect(cells[1]).toBe(doc.meta.docNumber ?? '');
      expect(cells[2]).toBe(doc.meta.issuer ?? '');
      expect(cells.slice(5, 7)).toEqual([String(doc.tasks.length), String(doc.targets.length)]);
      // the title also heads that document's outline
      expect(textOf(byId(root, `doc-${i + 1}`)?.children.find((c) => c.type === 'element' && c.tagName === 'h2') as Element)).toBe(
        doc.meta.title ?? doc.source.path,
      );
    });
  });

  it('has one targets table row per target, with sortable keyed headers', () => {
    const table = byId(root, 'targets') as Element;
    expect(table.tagName).toBe('table');
    const heads = byTag(table as unknown as Root, 'th').map((th) => th.properties.dataKey);
    expect(heads).toEqual(['document', 'section', 'indicator', 'comparator', 'value', 'unit', 'year']);
    const rows = byTag(byTag(table as unknown as Root, 'tbody')[0] as unknown as Root, 'tr');
    const expected = seeds.flatMap((d) => d.targets);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const cells = byTag(row as unknown as Root, 'td');
      const t = expected[i] as PolicyDocument['targets'][number];
      expect(textOf(cells[2] as Element)).toBe(t.indicator);
      expect(cells[4]?.properties.dataSort).toBe(String(t.value));
      expect(textOf(cells[6] as Element)).toBe(t.year === null ? '' : String(t.year));
    });
  });

  it('outlines every section as nested <details><summary>, with tasks and targets inline', () => {
    seeds.forEach((doc, i) => {
      const outline = byId(root, `doc-${i + 1}-outline`) as unknown as Root;
      const count = (sections: PolicyDocument['sections']): number => sections.reduce((n, s) => n + 1 + count(s.children), 0);
      const details = byTag(outline, 'details');
      expect(details).toHaveLength(count(doc.sections));
      expect(details.every((d) => (d.children.find((c) => c.type === 'element') as Element | undefined)?.tagName === 'summary')).toBe(true);
      for (const task of doc.tasks) expect(textOf(outline)).toContain(task.title);
    });
    // a nested section's <details> sits inside its parent's
    const first = seeds.findIndex((d) => d.sections.some((s) => s.children.length));
    const parent = seeds[first]?.sections.find((s) => s.children.length);
    const child = parent?.children[0];
    const parentEl = byId(root, `doc-${first + 1}-s-${parent?.id}`) as unknown as Root;
    expect(byId(parentEl, `doc-${first + 1}-s-${child?.id}`)).toBeDefined();
    const withLead = seeds.flatMap((d) => d.tasks).find((t) => t.lead.length);
    expect(html).toContain(`lead: ${withLead?.lead.join('、')}`);
  });

  it('tells documents with the same title apart by date, and lists a law\'s history', () => {
    const law = (date: string, verb: string) =>
      parse(`# 某省水资源保护条例\n\n${date} 某省人民代表大会常务委员会${verb}\n\n<!-- INFO END -->\n\n第一条　为了保护水资源，制定本条例。\n`, { path: `law-${date}.md` });
    const root = tree(renderReport([law('2008年9月26日', '通过'), law('2018年7月27日', '修订')]));
    const listed = elements(byId(root, 'documents') as Element)
      .filter((e) => e.tagName === 'a')
      .map(textOf);
    expect(listed).toEqual(['某省水资源保护条例（2008-09-26）', '某省水资源保护条例（2018-07-27）']);
    const history = elements(root).filter((e) => e.tagName === 'ul' && String(e.properties.className).includes('history'));
    expect(history.map(textOf)).toEqual([expect.stringContaining('2008-09-26 adopted'), expect.stringContaining('2018-07-27 revised')]);
  });

  it('escapes text that looks like markup', () => {
    const [doc] = seeds as [PolicyDocument];
    const evil: PolicyDocument = {
      ...doc,
      meta: { ...doc.meta, title: '关于<b>&加强</b>"质量"的\'通知\'', docNumber: '<script>alert(1)</script>' },
      targets: doc.targets.map((t) => ({ ...t, indicator: `<i>${t.indicator}</i>`, unit: '&amp;' })),
    };
    const out = renderReport([evil], { title: 'A <b>&</b> report' });
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<i>');
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('关于&lt;b&gt;&amp;加强&lt;/b&gt;&quot;质量&quot;的&#39;通知&#39;');
    expect(out).toContain('<title>A &lt;b&gt;&amp;&lt;/b&gt; report</title>');
    expect(out).toContain('&amp;amp;');
    // read back, the text is exactly what went in
    const back = tree(out);
    expect(textOf(byTag(back, 'h2').find((h) => textOf(h).startsWith('关于')) as Element)).toBe(evil.meta.title);
    expect(byTag(back, 'script')).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(renderReport(seeds)).toBe(html);
    expect(renderReport(structuredClone(seeds))).toBe(html);
  });

  it('copes with no documents and with a document without sections', () => {
    expectSelfContained(renderReport([]));
    const bare = { ...(seeds[0] as PolicyDocument), sections: [], tasks: [], targets: [] };
    expect(renderReport([bare])).toContain('No sections.');
  });

  it('matches the reviewed golden', async () => {
    await expect(html).toMatchFileSnapshot('../fixtures/report/seeds.html');
  });
});

describe('formatDiffHtml', () => {
  const result = loadDiff('reworded-title');
  const html = formatDiffHtml(result);
  const root = tree(html);

  it('is one self-contained page with the summary counts', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expectSelfContained(html);
    expect(byTag(root, 'script')).toEqual([]);
    const summary = byId(root, 'summary') as unknown as Root;
    const sectionsRow = byTag(summary, 'tr').find((tr) => textOf(tr).startsWith('Sections')) as Element;
    const s = result.summary.sections;
    expect(byTag(sectionsRow as unknown as Root, 'td').map(textOf)).toEqual([s.added, s.removed, s.changed, s.moved, s.unchanged].map(String));
  });

  it('shows sections side by side in result order, the changed one with <del>/<ins>', () => {
    const table = byId(root, 'sections') as unknown as Root;
    const rows = byTag(byTag(table, 'tbody')[0] as unknown as Root, 'tr');
    expect(rows).toHaveLength(result.sections.length);
    expect(rows.map((r) => r.properties.className)).toEqual(result.sections.map((s) => [s.change]));
    const changed = rows.filter((r) => (r.properties.className as string[]).includes('changed'));
    expect(changed).toHaveLength(1);
    const [, oldCell, newCell] = byTag(changed[0] as unknown as Root, 'td');
    expect(textOf(oldCell as Element)).toContain('厚植绿色发展质量根基');
    expect(textOf(newCell as Element)).toContain('厚植绿色低碳发展质量根基');
    expect(html).toContain('<ins>低碳</ins>');
    expect(byTag(oldCell as unknown as Root, 'ins')).toEqual([]); // the old side never shows insertions
    expect(byTag(newCell as unknown as Root, 'del')).toEqual([]);
  });

  it('lists tasks and targets with old → new', () => {
    const tasks = byId(root, 'tasks') as unknown as Root;
    expect(byTag(byTag(tasks, 'tbody')[0] as unknown as Root, 'tr')).toHaveLength(result.tasks.length);
    expect(textOf(tasks)).toContain('厚植绿色发展质量根基 → 厚植绿色低碳发展质量根基');
    const targets = byId(root, 'targets') as unknown as Root;
    expect(byTag(byTag(targets, 'tbody')[0] as unknown as Root, 'tr')).toHaveLength(result.targets.length);
  });

  it('shows a changed target value and changed lead units', () => {
    const value = formatDiffHtml(loadDiff('changed-target-value'));
    expect(value).toMatch(/<tr class="changed">.*<del>[^<]+<\/del> → <ins>[^<]+<\/ins><\/td><td>[^<]*value/);
    const lead = formatDiffHtml(loadDiff('changed-lead-department'));
    expect(lead).toMatch(/<tr class="changed">.*<(ins|del)>/);
  });

  it('escapes and is deterministic', () => {
    expect(formatDiffHtml(structuredClone(result))).toBe(html);
    const evil = structuredClone(result);
    evil.old.title = '<b>&旧</b>';
    const out = formatDiffHtml(evil);
    expect(out).toContain('&lt;b&gt;&amp;旧&lt;/b&gt;');
    expect(out).not.toContain('<b>');
  });

  it('matches the reviewed golden', async () => {
    await expect(html).toMatchFileSnapshot('../fixtures/report/reworded-title.diff.html');
  });
});

describe('runReport', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'policy-parse-report-'));

  it('reports every valid document under the folder, in path order, skipping the rest', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'two.json'), JSON.stringify(seeds[1]));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(seeds[0]));
    // A document is known by its content, not its name (an input index.txt writes index.json);
    // a run's own index is left out without a word.
    writeFileSync(join(dir, 'index.json'), JSON.stringify(seeds[2]));
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ tool: 'policy-parse', version: '0.0.0', schemaVersion: 1, documents: [], failed: [] }));
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(join(dir, 'diff.json'), JSON.stringify(loadDiff('identical')));
    const out = join(dir, 'report', 'report.html');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // Written, but each file left out is named, and the exit code says so.
      expect(runReport(dir, { html: out })).toBe(1);
      expect(stdout.mock.calls.map((c) => String(c[0]))).toEqual([`wrote ${out} (3 documents)\n`]);
      expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(/^policy-parse: .+\/broken\.json: skipped: not valid JSON \(.+\)\n$/),
        `policy-parse: ${join(dir, 'diff.json')}: skipped: a diff, not a document\n`,
        expect.stringMatching(new RegExp(`^policy-parse: ${join(dir, 'other.json')}: skipped: not a policy-parse document \\(\\$\\..+\\)\\n$`)),
      ]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(readFileSync(out, 'utf8')).toBe(renderReport([seeds[0] as PolicyDocument, seeds[1] as PolicyDocument, seeds[2] as PolicyDocument]));
    expect(readdirSync(join(dir, 'report'))).toEqual(['report.html']); // no temp file left
  });

  it('fails with one line when there is nothing to report', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const empty = tmp();
      expect(runReport(empty, { html: join(empty, 'r.html') })).toBe(1);
      expect(runReport(join(empty, 'missing'), { html: join(empty, 'r.html') })).toBe(1);
      const lines = stderr.mock.calls.map((c) => String(c[0]));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/no policy documents/);
      expect(lines[1]).toMatch(/cannot read folder/);
      expect(lines.every((l) => l.endsWith('\n') && l.indexOf('\n') === l.length - 1)).toBe(true);
      expect(existsSync(join(empty, 'r.html'))).toBe(false);
    } finally {
      stderr.mockRestore();
    }
  });
});
