// The laws corpus (../shared/corpus/laws beside the repository: ~3,500 Markdown laws with
// `## 第一章 总则` headings and `<!-- … -->` comments), parsed by the compiled CLI in one
// process, then checked against what the raw files say, counted independently here:
//   - every file parses (exit status 0) and has a JSON output the schema accepts;
//   - in ≥ 99% of files the number of `article` sections equals the number of 第…条 lines;
//   - 编 / 章 / 节 / 条 nest as the headings above them say, and sibling chapters count up;
//   - the dated header lines under the title (2005年7月22日 …会议通过, …第一次修正, 2013年3月15日
//     施行) are meta.history, date for date, in ≥ 98% of the files that have them, and
//     issuedDate is the latest date whose clause is not an effective date (施行) in ≥ 98%;
//   - every history entry's position slices the source back to text holding its date.
// Opt-in and slow (~20 s): `npm run test:corpus`. Skipped where the corpus is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocument, type Section } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lawsDir = fileURLToPath(new URL('../../../shared/corpus/laws/', import.meta.url));
const bin = join(root, 'bin/policy-parse');

const NUMERAL = '[零〇一二三四五六七八九十百千]+';
/**
 * An article line: 第…条 (or 第…条之一), then a space or the end of the line. The space
 * matters: one wrapped header line reads "第三十一条的决定》第一次修正", which is no article.
 */
const ARTICLE_LINE = new RegExp(`^第${NUMERAL}条(?:之${NUMERAL})?(?:[\\s\\u3000]|$)`);
/** A 编/章/节 heading: a Markdown heading, or a short bare line that is no sentence. */
const HEADING_LINE = new RegExp(`^第${NUMERAL}([编章节])`);

type Level = '编' | '章' | '节';
interface Heading {
  line: number;
  level: Level;
  /** 第一章 → true: a count starting. */
  first: boolean;
}

interface RawFile {
  articles: number;
  /** The 编/章/节 headings, in order, by 1-based line. */
  headings: Heading[];
  /** Article lines, by 1-based line, for showing a mismatch. */
  articleLines: Map<number, string>;
}

/** Reads what a raw law file says: its article lines and its 编/章/节 headings. */
function readRaw(text: string): RawFile {
  // Blank out comments but keep their line breaks, so line numbers stay true.
  const visible = text.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ''));
  const raw: RawFile = { articles: 0, headings: [], articleLines: new Map() };
  visible.split(/\r\n|\r|\n/).forEach((line, i) => {
    const marked = /^\s*#+\s*/.exec(line);
    const body = line.slice(marked ? marked[0].length : 0).replace(/^[\s\u3000]+/, '');
    if (ARTICLE_LINE.test(body)) {
      raw.articles++;
      raw.articleLines.set(i + 1, line);
      return;
    }
    const heading = HEADING_LINE.exec(body);
    if (heading && (marked || (body.length <= 40 && !/[，。；：、]/.test(body)))) {
      raw.headings.push({ line: i + 1, level: heading[1] as Level, first: /^第[一1][编章节]/.test(body) });
    }
  });
  raw.headings = withoutContents(raw.headings, visible.split(/\r\n|\r|\n/));
  return raw;
}

/**
 * Drops a table of contents: headings with only blank lines between them in which a level
 * comes twice (第一章 … 第六章) are contents, except a last one that starts the count again
 * (…第六章, then 第一章 opening the body).
 */
function withoutContents(headings: Heading[], lines: readonly string[]): Heading[] {
  const kept: Heading[] = [];
  let i = 0;
  while (i < headings.length) {
    const group = [headings[i] as Heading];
    while (i + group.length < headings.length) {
      const next = headings[i + group.length] as Heading;
      const between = lines.slice((group.at(-1) as Heading).line, next.line - 1);
      if (between.some((l) => l.trim() !== '')) break;
      group.push(next);
    }
    const levels = group.map((h) => h.level);
    if (new Set(levels).size === levels.length) kept.push(...group);
    else {
      const last = group.at(-1) as Heading;
      if (last.first && levels.indexOf(last.level) < levels.length - 1) kept.push(last);
    }
    i += group.length;
  }
  return kept;
}

/** The nearest heading above `line` whose level is one of `levels`. */
function headingAbove(raw: RawFile, line: number, levels: readonly Level[]): Heading | undefined {
  let found: Heading | undefined;
  for (const h of raw.headings) {
    if (h.line >= line) break;
    if (levels.includes(h.level)) found = h;
  }
  return found;
}

const isBian = (s: Section | null) => s?.kind === 'part' && /^第.+编/.test(s.marker ?? '');
const isJie = (s: Section | null) => s?.kind === 'section' && /^第.+节/.test(s.marker ?? '');
const isZhang = (s: Section | null) => s?.kind === 'chapter';
const describeNode = (s: Section | null) => (s ? `${s.kind} ${s.marker ?? '∅'}@${s.position.start.line}` : 'top level');

/** Where a node sits against the heading above it; a message per misplaced node. */
function nestingProblems(sections: readonly Section[], raw: RawFile): string[] {
  const problems: string[] = [];
  const walk = (nodes: readonly Section[], parent: Section | null): void => {
    let previousChapter: Section | null = null;
    for (const s of nodes) {
      const line = s.position.start.line;
      if (isZhang(s)) {
        // Top level, or inside the 编 above it.
        const bian = headingAbove(raw, line, ['编']);
        const ok = bian ? isBian(parent) && parent?.position.start.line === bian.line : parent === null;
        if (!ok) problems.push(`chapter ${s.marker}@${line} sits under ${describeNode(parent)}, expected ${bian ? `the 编 at line ${bian.line}` : 'top level'}`);
        // (A chapter number printed twice in the text, 第七章 … 第七章, is the text's own slip.)
        if (previousChapter && s.number !== null && previousChapter.number !== null && s.number < previousChapter.number + (s.marker === previousChapter.marker ? 0 : 1)) {
          problems.push(`chapter ${s.marker}@${line} follows sibling ${previousChapter.marker}@${previousChapter.position.start.line}: numbers do not increase`);
        }
        previousChapter = s;
      } else if (isJie(s)) {
        // A 节 belongs to the 章 above it; where the text has none, to the 编 or the top level.
        const above = headingAbove(raw, line, ['编', '章']);
        const ok =
          above?.level === '章'
            ? isZhang(parent) && parent?.position.start.line === above.line
            : above?.level === '编'
              ? isBian(parent) && parent?.position.start.line === above.line
              : parent === null || parent.implicit;
        if (!ok) {
          const expected = above ? `the ${above.level} at line ${above.line}` : 'top level (the text has no 编 or 章 above it)';
          problems.push(`section ${s.marker}@${line} sits under ${describeNode(parent)}, expected ${expected}`);
        }
      } else if (s.kind === 'article') {
        // An article belongs to the nearest 节 or 章 above it.
        const above = headingAbove(raw, line, ['编', '章', '节']);
        const expected = above?.level === '节' ? isJie : above?.level === '章' ? isZhang : null;
        if (above && expected && !(expected(parent) && parent?.position.start.line === above.line)) {
          problems.push(`article ${s.marker}@${line} sits under ${describeNode(parent)}, expected the ${above.level} at line ${above.line}`);
        }
      }
      walk(s.children, s);
    }
  };
  walk(sections, null);
  return problems;
}

function countArticles(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + (s.kind === 'article' ? 1 : 0) + countArticles(s.children), 0);
}

function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile() && ['.md', '.markdown', '.txt'].includes(extname(entry.name).toLowerCase())) yield path;
  }
}

interface FileResult {
  file: string;
  rawArticles: number;
  parsedArticles: number;
  nesting: string[];
  invalid: string | null;
  /** Dates of the dated header lines, in order; null when the file has none. */
  headerDates?: string[] | null;
  /** The latest of them whose clause is not 施行 / 实施 / 生效 / 执行. */
  headerIssued?: string | null;
  historyDates?: string[];
  issuedDate?: string | null;
  /** History entries whose source slice does not hold their date. */
  unsliced?: string[];
}

const HEADER_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const iso = (m: RegExpMatchArray) => `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;

/**
 * The dated header lines of a law: between its `# title` and `<!-- INFO END -->`, lines
 * that open with a date (after a bracket or 根据) and are more than a date. Returns their
 * dates and the latest whose clause (up to the next date) does not end in an effective verb.
 */
function readHeader(text: string): { dates: string[]; issued: string | null; endLine: number } | null {
  const normal = text.normalize('NFKC');
  const end = normal.indexOf('<!-- INFO END -->');
  if (end < 0) return null;
  const lines = normal.slice(0, end).split(/\r\n|\r|\n/);
  const dated = lines.slice(1).map((l) => l.trim()).filter((l) => /^[（(]?(?:根据)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日./.test(l) && !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
  if (dated.length === 0) return null;
  const block = dated.join('\n');
  const found = [...block.matchAll(HEADER_DATE)];
  const dates = found.map(iso);
  const enacted = found
    .filter((m, i) => {
      const clause = block.slice((m.index ?? 0) + m[0].length, found[i + 1]?.index ?? block.length).replace(/[\s（()）根据自于，、]*$/, '');
      return !/(?:施行|实施|生效|执行)$/.test(clause);
    })
    .map(iso);
  return { dates, issued: enacted.length ? enacted.reduce((a, b) => (b > a ? b : a)) : null, endLine: lines.length };
}

// Chinese numerals as dates print them: 一九八七年六月一日, 二○○四年十月一日.
const DIGIT = '〇一二三四五六七八九';
const cnYear = (y: number) => [...String(y)].map((c) => DIGIT[Number(c)]).join('');
const cnSmall = (n: number) => (n < 10 ? DIGIT[n] : `${n >= 20 ? DIGIT[Math.floor(n / 10)] : ''}十${n % 10 ? DIGIT[n % 10] : ''}`);

/** Whether a source slice prints `date` (Arabic or Chinese numerals, or 20150617). */
function sliceHoldsDate(slice: string, date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = slice.normalize('NFKC').replace(/\s+/g, '').replace(/[○零]/g, '〇');
  return (
    t.includes(`${y}年${m}月${d}日`) ||
    t.includes(`${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`) ||
    t.includes(`${cnYear(y)}年${cnSmall(m)}月${cnSmall(d)}日`) ||
    t.includes(date.replaceAll('-', ''))
  );
}

describe.skipIf(!existsSync(lawsDir))('laws corpus', () => {
  let out = '';
  let cli: ReturnType<typeof spawnSync>;
  let cliSeconds = 0;
  const inputs: string[] = [];
  const missing: string[] = [];
  const results: FileResult[] = [];
  const started = performance.now();

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'policy-parse-laws-'));
    inputs.push(...walkFiles(lawsDir));
    const t = performance.now();
    cli = spawnSync(process.execPath, [bin, lawsDir, '--out', out, '-f', 'json', '-q'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    cliSeconds = (performance.now() - t) / 1000;

    for (const input of inputs) {
      const rel = relative(lawsDir, input);
      const output = join(out, `${rel.slice(0, rel.length - extname(rel).length)}.json`);
      if (!existsSync(output)) {
        missing.push(rel);
        continue;
      }
      const json: unknown = JSON.parse(readFileSync(output, 'utf8'));
      const checked = PolicyDocument.safeParse(json);
      if (!checked.success) {
        results.push({ file: rel, rawArticles: 0, parsedArticles: 0, nesting: [], invalid: checked.error.message.slice(0, 200) });
        continue;
      }
      const source = readFileSync(input, 'utf8');
      const raw = readRaw(source);
      const header = readHeader(source);
      const meta = checked.data.meta;
      results.push({
        file: rel,
        rawArticles: raw.articles,
        parsedArticles: countArticles(checked.data.sections),
        nesting: nestingProblems(checked.data.sections, raw),
        invalid: null,
        headerDates: header?.dates ?? null,
        headerIssued: header?.issued ?? null,
        historyDates: meta.history.filter((h) => h.position.start.line < (header?.endLine ?? 0)).map((h) => h.date),
        issuedDate: meta.issuedDate,
        unsliced: meta.history
          .filter((h) => !sliceHoldsDate(source.slice(h.position.start.offset, h.position.end.offset), h.date))
          .map((h) => `${h.date} ${h.text}`),
      });
    }
    report();
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const mismatched = () => results.filter((r) => !r.invalid && r.rawArticles !== r.parsedArticles);
  const dated = () => results.filter((r) => r.headerDates);
  const historyOff = () => dated().filter((r) => JSON.stringify(r.historyDates) !== JSON.stringify(r.headerDates));
  const issuedOff = () => dated().filter((r) => r.issuedDate !== r.headerIssued);
  const misnested = () => results.filter((r) => r.nesting.length);
  const matchRate = () => {
    const valid = results.filter((r) => !r.invalid).length;
    return valid ? (valid - mismatched().length) / inputs.length : 0;
  };

  function report(): void {
    const lines = [
      `laws corpus: ${inputs.length} files, CLI exit ${String(cli.status)} in ${cliSeconds.toFixed(1)} s, ${missing.length} without output, ${results.filter((r) => r.invalid).length} failing the schema`,
      `article count matches the 第…条 lines: ${(matchRate() * 100).toFixed(2)}% (${mismatched().length} files differ)`,
      `nesting violations: ${misnested().reduce((n, r) => n + r.nesting.length, 0)} in ${misnested().length} files`,
      `history equals the dated header lines: ${dated().length - historyOff().length} of ${dated().length}; issuedDate the latest non-施行 date: ${dated().length - issuedOff().length} of ${dated().length}`,
    ];
    for (const r of historyOff()) lines.push(`  history ${r.file}: ${JSON.stringify(r.historyDates)}, header ${JSON.stringify(r.headerDates)}`);
    for (const r of issuedOff()) lines.push(`  issuedDate ${r.file}: ${r.issuedDate}, header ${r.headerIssued}`);
    for (const r of mismatched()) lines.push(`  articles ${r.file}: ${r.parsedArticles} parsed, ${r.rawArticles} 第…条 lines`);
    for (const r of misnested()) {
      lines.push(`  nesting ${r.file}: ${r.nesting.length}`);
      for (const p of r.nesting.slice(0, 3)) lines.push(`    ${p}`);
    }
    lines.push(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(lines.join('\n'));
  }

  it('parses every file through the CLI with exit status 0', () => {
    expect(inputs.length).toBeGreaterThan(3000);
    expect(cli.error).toBeUndefined();
    expect(cli.status, String(cli.stderr).slice(0, 2000)).toBe(0);
  });

  it('writes a JSON output for every input, valid against the schema', () => {
    expect(missing).toEqual([]);
    expect(results.filter((r) => r.invalid).map((r) => `${r.file}: ${r.invalid}`)).toEqual([]);
  });

  it('finds as many articles as there are 第…条 lines in at least 99% of files', () => {
    expect(matchRate()).toBeGreaterThanOrEqual(0.99);
  });

  it('reads the dated header lines as meta.history in at least 98% of the files that have them', () => {
    expect(dated().length).toBeGreaterThan(3000);
    expect((dated().length - historyOff().length) / dated().length).toBeGreaterThanOrEqual(0.98);
  });

  it('takes issuedDate as the latest non-施行 header date in at least 98% of those files', () => {
    expect((dated().length - issuedOff().length) / dated().length).toBeGreaterThanOrEqual(0.98);
  });

  it('points every history entry at source text that holds its date', () => {
    expect(results.flatMap((r) => (r.unsliced ?? []).map((u) => `${r.file}: ${u}`)).slice(0, 20)).toEqual([]);
  });

  it('nests 编 > 章 > 节 > 条 as the headings say, with chapters numbered upwards', () => {
    expect(misnested().flatMap((r) => r.nesting.map((p) => `${r.file}: ${p}`)).slice(0, 50)).toEqual([]);
  });
});
