// The CLI's JSON files are written in pieces (bin/lib/pretty-json.ts) and gathered into few
// writes (writeAtomic, the run files): the pieces must join to exactly
// JSON.stringify(value, null, 2), and the files must hold exactly their bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomic } from '../bin/lib/job.js';
import { serialise, serialisedParts } from '../bin/lib/output.js';
import { prettyJsonParts } from '../bin/lib/pretty-json.js';
import { RunOutputs } from '../bin/lib/run-outputs.js';
import type { ManifestEntry } from '../bin/lib/tables.js';
import { parse } from '../src/index.js';
import { at, listDir } from './helpers.js';

const SEED = Number(process.env.PROP_SEED ?? 20240611);

const temp = mkdtempSync(join(tmpdir(), 'policy-parse-pretty-json-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A section-like tree: `count` objects in nested arrays, each with a position and some text. */
function tree(count: number, depth = 0): unknown[] {
  const per = Math.max(1, Math.ceil(Math.sqrt(count)));
  const out: unknown[] = [];
  for (let i = 0; i < count; ) {
    const children = depth < 2 ? Math.min(per - 1, count - i - 1) : 0;
    out.push({ id: `${depth}.${i}`, text: '第一条 为了规范“口岸”\\开放。'.repeat(3), number: i, ok: i % 2 === 0, none: null, position: { start: { line: i, column: 1 }, end: { line: i, column: 9 } }, children: tree(children, depth + 1) });
    i += 1 + children;
  }
  return out;
}

describe('prettyJsonParts', () => {
  it('joins to JSON.stringify(value, null, 2) for any JSON value, cut or not', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(prettyJsonParts(value).join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('joins exactly for random documents with many objects (cut at every level)', () => {
    const leaf = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    const node = fc.record({ id: fc.string(), children: fc.array(leaf, { maxLength: 50 }), extra: fc.option(fc.jsonValue({ maxDepth: 2 })) });
    const document = fc.record({
      head: fc.jsonValue({ maxDepth: 2 }),
      sections: fc.array(fc.oneof(node, leaf, fc.jsonValue({ maxDepth: 1 })), { minLength: 20, maxLength: 80 }),
      nested: fc.array(fc.array(leaf, { maxLength: 40 }), { maxLength: 3 }),
      tail: fc.option(fc.string()),
    });
    let cut = 0;
    fc.assert(
      fc.property(document, (value) => {
        const parts = prettyJsonParts(value);
        if (parts.length > 1) cut++;
        expect(parts.join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { seed: SEED, numRuns: 200 },
    );
    // (The property is about documents that are cut: most must be.)
    expect(cut).toBeGreaterThan(100);
  });

  it('joins exactly for values that are cut: many objects, empty containers, undefined entries, __proto__, numeric keys, no prototype', () => {
    const value = {
      schemaVersion: 1,
      '2': 'numeric keys come first',
      ['__proto__']: { kept: true },
      noPrototype: Object.assign(Object.create(null) as object, { list: tree(40) }),
      gone: undefined,
      empty: [],
      emptyObject: {},
      sections: tree(400),
      mixed: [1, 'a', null, undefined, [], {}, ...tree(60), [tree(40)], 'z'],
      tail: { fn: undefined },
    };
    const parts = prettyJsonParts(value);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('cuts a large document into pieces well below a large string (64K units)', () => {
    const value = { sections: tree(3000), targets: tree(500, 2) };
    const whole = JSON.stringify(value, null, 2);
    expect(whole.length).toBeGreaterThan(1_000_000);
    const parts = prettyJsonParts(value);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(65_536);
    expect(parts.join('')).toBe(whole);
  });

  it('leaves a value with a toJSON method, and a small document, whole', () => {
    const dated = { when: new Date(0), list: tree(100) };
    expect(prettyJsonParts(dated).join('')).toBe(JSON.stringify(dated, null, 2));
    const small = { a: [{ b: 1 }, { c: [2, 3] }] };
    expect(prettyJsonParts(small)).toEqual([JSON.stringify(small, null, 2)]);
  });

  it('gives every seed the bytes of its JSON', () => {
    for (const name of listDir('seeds')) {
      const document = parse(readFileSync(at(`seeds/${name}`), 'utf8'), { path: `seeds/${name}` });
      expect(serialisedParts(document, 'json').join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
      expect(serialise(document, 'json')).toBe(`${JSON.stringify(document, null, 2)}\n`);
    }
  });
});

describe('writeAtomic', () => {
  it('writes the bytes of its parts: short ones gathered, long ones alone, across the gathering buffer', () => {
    const long = '长'.repeat(400_000); // 1.2 MB of UTF-8: more than the buffer
    const cases: string[][] = [
      [],
      ['{}'],
      ['a', '', 'ü', '😀', '中文'],
      Array.from({ length: 5000 }, (_, i) => `第${i}条，`.repeat(20)), // about 1.9 MB in short parts
      ['head', long, 'middle', long, 'tail'],
      [long],
    ];
    cases.forEach((parts, i) => {
      const file = join(temp, `out-${i}.json`);
      writeAtomic(file, parts);
      expect(readFileSync(file).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    });
    writeAtomic(join(temp, 'one.txt'), 'one string');
    expect(readFileSync(join(temp, 'one.txt'), 'utf8')).toBe('one string');
  });
});

describe('run files', () => {
  it('index.json holds the bytes of JSON.stringify(index, null, 2), its entries gathered into few writes', () => {
    const outDir = join(temp, 'run');
    const run = new RunOutputs({ outDir, csv: false, jsonl: true, check: false, version: '9.9.9', suffix: '' });
    // Enough entries to fill the gathering several times over, with characters of every width.
    const entries: ManifestEntry[] = Array.from({ length: 700 }, (_, i) => ({
      path: `corpus/第${i}号/文件 ${i}.txt`,
      output: `第${i}号/文件 ${i}`,
      sha256: String(i).padStart(64, '0'),
      title: i % 7 === 0 ? null : `关于“${i}”的通知😀`,
      docNumber: i % 3 === 0 ? `国发〔2024〕${i}号` : null,
      sections: i,
      tasks: i % 5,
      targets: i % 11,
      messages: 0,
    }));
    for (const entry of entries) run.add(entry, undefined, JSON.stringify({ i: entry.sections }));
    run.fail('corpus/坏.txt', 'no such file');
    run.finish();
    const index = { tool: 'policy-parse', version: '9.9.9', schemaVersion: 1, documents: entries, failed: [{ path: 'corpus/坏.txt', error: 'no such file' }] };
    expect(readFileSync(join(outDir, 'index.json'), 'utf8')).toBe(`${JSON.stringify(index, null, 2)}\n`);
    expect(readFileSync(join(outDir, 'documents.jsonl'), 'utf8')).toBe(entries.map((e) => `{"i":${e.sections}}\n`).join(''));
  });
});
