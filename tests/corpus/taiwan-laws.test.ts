// The Taiwan statutes corpus (../shared/corpus/taiwan-laws: 1,345 statutes in Traditional
// Chinese, a 法規名稱 / 法規類別 / 修正日期 / 法規網址 header, spaced `第 一 章` and `第 一 節`
// headings, articles `第 7-1 條` alone on their lines), parsed by the compiled CLI in one
// process, then checked against the raw lines, counted independently here:
//   - every file parses (exit status 0) to a JSON the schema accepts;
//   - in ≥ 99.5% of files the `article` sections are exactly the `第 N 條` lines;
//   - every article sits in the nearest 節 or 章 above it and every 節 in its 章 (all files);
//   - chapters (章, 章之一) and sections (節) are as many as their heading lines (≥ 99.5%).
// Opt-in and slow: `npm run test:corpus`. Skipped where the corpus is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocument, type Section } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const taiwanDir = fileURLToPath(new URL('../../../shared/corpus/taiwan-laws/', import.meta.url));
const bin = join(root, 'bin/policy-parse');

/** An article line as the statutes print it: 第 7 條, 第 7-1 條, alone on the line. */
const ARTICLE_LINE = /^\s*第\s*\d+(?:-\d+)?\s*條\s*$/;
/** A 編/章/節 heading: 第 三 章 總則, 第 三 章之一 行政監督, 第 七 章（刪除）, 第 1 章 活動物. */
const HEADING_LINE = /^\s*第\s*(?:[一二三四五六七八九十百零]+|\d+)\s*([編章節])(?:之[一二三四五六七八九十]+)?(?:[\s（(]|$)/;

interface Raw {
  articles: Set<number>;
  headings: Array<{ line: number; level: string }>;
}

function readRaw(text: string): Raw {
  const raw: Raw = { articles: new Set(), headings: [] };
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (ARTICLE_LINE.test(line)) raw.articles.add(i + 1);
    const heading = HEADING_LINE.exec(line);
    if (heading?.[1] && line.trim().length <= 60) raw.headings.push({ line: i + 1, level: heading[1] });
  });
  return raw;
}

function problemsOf(sections: readonly Section[], raw: Raw): string[] {
  const problems: string[] = [];
  const above = (line: number, levels: readonly string[]) => {
    let found: Raw['headings'][number] | undefined;
    for (const h of raw.headings) {
      if (h.line >= line) break;
      if (levels.includes(h.level)) found = h;
    }
    return found;
  };
  const articles: number[] = [];
  let chapters = 0;
  let jie = 0;
  const walk = (nodes: readonly Section[], parent: Section | null) => {
    for (const s of nodes) {
      const line = s.position.start.line;
      if (s.kind === 'article') {
        articles.push(line);
        const h = above(line, ['編', '章', '節']);
        if (h && parent?.position.start.line !== h.line) problems.push(`article ${s.marker}@${line} sits under ${parent?.marker ?? 'top level'}, expected the ${h.level} at line ${h.line}`);
      } else if (s.kind === 'chapter') {
        chapters++;
      } else if (s.kind === 'section' && /^第/.test(s.marker ?? '')) {
        jie++;
        const h = above(line, ['章']);
        if (h && parent?.position.start.line !== h.line) problems.push(`section ${s.marker}@${line} sits under ${parent?.marker ?? 'top level'}, expected the 章 at line ${h.line}`);
      }
      walk(s.children, s);
    }
  };
  walk(sections, null);
  const rawArticles = [...raw.articles].sort((a, b) => a - b);
  if (JSON.stringify(articles) !== JSON.stringify(rawArticles)) problems.push(`articles at ${articles.length} lines, 第 N 條 lines ${rawArticles.length}`);
  const count = (level: string) => raw.headings.filter((h) => h.level === level).length;
  if (chapters !== count('章')) problems.push(`${chapters} chapters, ${count('章')} 章 lines`);
  if (jie !== count('節')) problems.push(`${jie} sections, ${count('節')} 節 lines`);
  return problems;
}

describe.skipIf(!existsSync(taiwanDir))('Taiwan statutes corpus', () => {
  let out = '';
  let status: number | null = null;
  let stderr = '';
  const results: Array<{ file: string; invalid: string | null; articlesRight: boolean; problems: string[] }> = [];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'policy-parse-taiwan-'));
    const cli = spawnSync(process.execPath, [bin, taiwanDir, '--out', out, '-f', 'json', '-q'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    status = cli.status;
    stderr = String(cli.stderr);
    for (const file of readdirSync(taiwanDir).filter((f) => f.endsWith('.md')).sort()) {
      const checked = PolicyDocument.safeParse(JSON.parse(readFileSync(join(out, `${file.slice(0, -3)}.json`), 'utf8')));
      if (!checked.success) {
        results.push({ file, invalid: checked.error.message.slice(0, 200), articlesRight: false, problems: [] });
        continue;
      }
      const problems = problemsOf(checked.data.sections, readRaw(readFileSync(join(taiwanDir, file), 'utf8')));
      results.push({ file, invalid: null, articlesRight: !problems.some((p) => p.startsWith('articles at')), problems });
    }
    const articlesRight = results.filter((r) => r.articlesRight).length;
    const lines = [`Taiwan statutes: ${results.length} files, CLI exit ${String(status)}; articles right in ${articlesRight}; ${results.filter((r) => r.problems.length).length} files with an outline problem`];
    for (const r of results.filter((r) => r.problems.length)) lines.push(`  ${r.file}: ${r.problems.slice(0, 3).join('; ')}`);
    console.log(lines.join('\n'));
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('parses every statute with exit status 0 to a valid document', () => {
    expect(status, stderr.slice(0, 2000)).toBe(0);
    expect(results.length).toBeGreaterThan(1000);
    expect(results.filter((r) => r.invalid).map((r) => `${r.file}: ${r.invalid}`)).toEqual([]);
  });

  it('finds exactly the 第 N 條 lines as articles in at least 99.5% of files', () => {
    expect(results.filter((r) => r.articlesRight).length / results.length).toBeGreaterThanOrEqual(0.995);
  });

  const isCount = (p: string) => / chapters, | sections, /.test(p);

  it('nests every article in the nearest 節 or 章 above it, and every 節 in its 章', () => {
    expect(results.flatMap((r) => r.problems.filter((p) => !p.startsWith('articles at') && !isCount(p)).map((p) => `${r.file}: ${p}`)).slice(0, 30)).toEqual([]);
  });

  it('finds as many 章 and 節 as there are heading lines in at least 99.5% of files', () => {
    // (A tariff schedule lists its 章 twice, as contents and as headings: counted here, not excluded.)
    expect(results.filter((r) => !r.problems.some(isCount)).length / results.length).toBeGreaterThanOrEqual(0.995);
  });
});
