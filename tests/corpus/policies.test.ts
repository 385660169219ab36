// The policies corpus (../shared/corpus/policies beside the repository), parsed by the
// compiled CLI, then checked against what the raw files say, counted independently here:
//   - pkulaw (219 central and Shandong documents): every line that opens with 一、 … 十、
//     is a section with that marker, at that line, in ≥ 98% of the documents;
//   - work reports (1954–2023): no target lies inside a review part (一、…回顾 up to the
//     next 二、 line, found here by its own pattern), and every 主要预期目标是：… sentence
//     yields at least as many targets as it prints values with a unit (…%, …万人, …亿斤).
// Opt-in and slow: `npm run test:corpus`. Skipped where the corpus is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocument, type Section } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const policiesDir = fileURLToPath(new URL('../../../shared/corpus/policies/', import.meta.url));
const bin = join(root, 'bin/policy-parse');

/** A top-level heading line: 一、 … 十、 at the start of the line (indentation allowed). */
const PART_LINE = /^[\s\u3000]*[一二三四五六七八九十]{1,3}、/;
/** A review part's heading, and the heading of the part after it. */
const REVIEW_LINE = /^[\s\u3000]*一、.*(?:回顾|过去)/;
const NEXT_PART_LINE = /^[\s\u3000]*[二三四五六七八九十]{1,3}、/;
/** The sentence that states a year's main expected goals, and the values with a unit in it. */
const GOALS_SENTENCE = /主要预期目标是[：:]([^。]*)。/;
const GOAL_VALUE = /\d+(?:\.\d+)?\s*(?:%|万人|万亿斤|亿斤)/g;

function parseFolder(folder: string): { out: string; status: number | null; stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'policy-parse-policies-'));
  const cli = spawnSync(process.execPath, [bin, folder, '--out', out, '-f', 'json', '-q'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { out, status: cli.status, stderr: String(cli.stderr) };
}

function read(out: string, stem: string) {
  return PolicyDocument.parse(JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8')));
}

function* walk(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walk(s.children);
  }
}

const pkulaw = join(policiesDir, 'pkulaw');
describe.skipIf(!existsSync(pkulaw))('pkulaw corpus: top-level 一、 lines are parts', () => {
  let run: ReturnType<typeof parseFolder>;
  const missed: string[] = [];
  let documents = 0;

  beforeAll(() => {
    run = parseFolder(pkulaw);
    for (const file of readdirSync(pkulaw).filter((f) => f.endsWith('.txt')).sort()) {
      const stem = file.slice(0, -4);
      const lines = readFileSync(join(pkulaw, file), 'utf8').split(/\r\n|\r|\n/);
      const want = lines.flatMap((l, i) => (PART_LINE.test(l) ? [i + 1] : []));
      const doc = read(run.out, stem);
      const got = new Set(
        [...walk([...doc.sections, ...doc.attachments])].filter((s) => s.marker && /^[一二三四五六七八九十]{1,3}、$/.test(s.marker)).map((s) => s.position.start.line),
      );
      documents++;
      const lost = want.filter((line) => !got.has(line));
      if (lost.length) missed.push(`${stem}: lines ${lost.slice(0, 5).join(', ')} (${lost.length} of ${want.length})`);
    }
    console.log(`pkulaw: ${documents} documents, ${missed.length} with a 一、 line that is not a part\n${missed.join('\n')}`);
  });
  afterAll(() => rmSync(run.out, { recursive: true, force: true }));

  it('parses every document', () => {
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    expect(documents).toBeGreaterThan(200);
  });

  it('makes every 一、 line a part in at least 98% of the documents', () => {
    expect(1 - missed.length / documents).toBeGreaterThanOrEqual(0.98);
  });
});

const reports = join(policiesDir, 'work-reports');
describe.skipIf(!existsSync(reports))('government work reports: the past is no target, the year’s goals are', () => {
  let run: ReturnType<typeof parseFolder>;
  const inReview: string[] = [];
  const goals: Array<{ stem: string; printed: number; found: number }> = [];
  let reviews = 0;

  beforeAll(() => {
    run = parseFolder(reports);
    for (const file of readdirSync(reports).filter((f) => f.endsWith('.txt')).sort()) {
      const stem = file.slice(0, -4);
      const text = readFileSync(join(reports, file), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      const doc = read(run.out, stem);
      const start = lines.findIndex((l) => REVIEW_LINE.test(l));
      if (start >= 0) {
        reviews++;
        const after = lines.findIndex((l, i) => i > start && NEXT_PART_LINE.test(l));
        const end = after < 0 ? lines.length : after;
        for (const t of doc.targets) {
          const line = t.position.start.line - 1;
          if (line >= start && line < end) inReview.push(`${stem}:${line + 1} ${t.text.slice(0, 40)}`);
        }
      }
      const sentence = GOALS_SENTENCE.exec(text);
      if (sentence?.[1] !== undefined) {
        const from = sentence.index + sentence[0].indexOf(sentence[1]);
        const to = from + sentence[1].length;
        const printed = sentence[1].match(GOAL_VALUE)?.length ?? 0;
        const found = doc.targets.filter((t) => t.position.start.offset >= from && t.position.start.offset <= to).length;
        goals.push({ stem, printed, found });
      }
    }
    console.log(
      `work reports: ${reviews} with a review part, ${inReview.length} targets inside one\n${inReview.join('\n')}\n` +
        goals.map((g) => `${g.stem}: 主要预期目标 prints ${g.printed} values, ${g.found} targets`).join('\n'),
    );
  });
  afterAll(() => rmSync(run.out, { recursive: true, force: true }));

  it('finds the review parts it is checked on', () => {
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    expect(reviews).toBeGreaterThanOrEqual(15);
  });

  it('takes no target from a review part (一、…工作回顾)', () => {
    expect(inReview).toEqual([]);
  });

  it('takes every value of the 主要预期目标 sentence as a target', () => {
    expect(goals.length).toBeGreaterThanOrEqual(5);
    for (const g of goals) expect(g.found, g.stem).toBeGreaterThanOrEqual(g.printed);
  });
});
