// Every output of a run in every format, over the corpora whose other tests read only the
// JSON of some of their documents (the laws and Taiwan tests validate all their JSON): the
// policies corpus whole (gov.cn pages, Jiangxi notices, pkulaw texts, work reports), the dev
// set, the round-trip set (Simplified and its three Traditional conversions), and every 40th
// law and 20th Taiwan statute. One run per corpus with `-f json,yaml,csv`, then, for each
// document index.json lists:
//   - the JSON is a PolicyDocument (the zod schema), and its source's SHA-256 is the input's;
//   - the YAML, read by the yaml package, is the same value as the JSON;
//   - tasks.csv, targets.csv and sections.csv (read with csv-parse) hold as many rows for it
//     as the JSON has tasks, targets and sections (at every depth, body and attachments), documents.csv one.
// Every input is listed once in index.json, none failed. Opt-in: `npm run test:corpus`.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PolicyDocument } from '../../src/index.js';
import { countSections, rootSections } from '../../src/util/sections.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const bin = join(root, 'bin/policy-parse');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

interface Corpus {
  name: string;
  dir: string;
  /** The documents the run must list, in the folder's sorted order. */
  inputs: (all: string[]) => string[];
  /** Whether the CLI is given the folder (it finds the documents) or the documents themselves (a sample). */
  wholeFolder: boolean;
}

/** Every `step`-th file with extension `ext`, from the first. */
const everyNth = (ext: string, step: number) => (all: string[]) => all.filter((f) => f.endsWith(ext)).filter((_, i) => i % step === 0);

const CORPORA: Corpus[] = [
  // The gov.cn pages' .meta.json files are the site's own metadata, not documents.
  { name: 'policies', dir: join(shared, 'corpus/policies'), inputs: (all) => all.filter((f) => /\.(?:html|txt|md)$/.test(f)), wholeFolder: true },
  { name: 'dev set', dir: join(shared, 'eval/dev/docs'), inputs: (all) => all, wholeFolder: true },
  { name: 'round-trip set', dir: join(shared, 'eval/roundtrip'), inputs: (all) => all.filter((f) => f.endsWith('.txt')), wholeFolder: true },
  { name: 'laws, every 40th', dir: join(shared, 'corpus/laws'), inputs: everyNth('.md', 40), wholeFolder: false },
  { name: 'Taiwan statutes, every 20th', dir: join(shared, 'corpus/taiwan-laws'), inputs: everyNth('.md', 20), wholeFolder: false },
];

interface IndexEntry {
  path: string;
  output: string;
  sha256: string;
}

for (const corpus of CORPORA) {
  describe.skipIf(!existsSync(corpus.dir))(`every output of the ${corpus.name}`, () => {
    let out = '';
    let inputs: string[] = [];
    let run: SpawnSyncReturns<string>;
    let index: { documents: IndexEntry[]; failed: unknown[] };
    /** Rows per source_path, for each table. */
    const tables: Record<string, Map<string, number>> = {};
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'policy-parse-outputs-'));
      inputs = corpus.inputs(files(corpus.dir));
      run = spawnSync(process.execPath, [bin, ...(corpus.wholeFolder ? [corpus.dir] : inputs), '--out', out, '-f', 'json,yaml,csv', '-q'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
      for (const table of ['documents', 'tasks', 'targets', 'sections']) {
        const rows = parseCsv(readFileSync(join(out, `${table}.csv`), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
        const counts = new Map<string, number>();
        for (const row of rows) counts.set(row.source_path ?? '', (counts.get(row.source_path ?? '') ?? 0) + 1);
        tables[table] = counts;
      }
    });
    afterAll(() => {
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('lists every input once, and none failed', () => {
      expect(run.status, run.stderr).toBe(0);
      expect(index.failed).toEqual([]);
      expect(index.documents.map((d) => resolve(d.path)).sort()).toEqual(inputs.map((f) => resolve(f)).sort());
    });

    it('writes JSON the schema accepts, YAML of the same value, and CSV rows that count its items', () => {
      const problems: string[] = [];
      for (const entry of index.documents) {
        const json = JSON.parse(readFileSync(join(out, `${entry.output}.json`), 'utf8')) as unknown;
        const checked = PolicyDocument.safeParse(json);
        if (!checked.success) {
          problems.push(`${entry.output}.json: ${checked.error.message.slice(0, 200)}`);
          continue;
        }
        const doc = checked.data;
        const sha256 = createHash('sha256').update(readFileSync(entry.path)).digest('hex');
        if (doc.source.sha256 !== sha256 || entry.sha256 !== sha256) problems.push(`${entry.output}: SHA-256 is not the input's`);
        const yaml = parseYaml(readFileSync(join(out, `${entry.output}.yaml`), 'utf8')) as unknown;
        if (!isDeepStrictEqual(yaml, json)) problems.push(`${entry.output}.yaml: not the JSON's value`);
        const want: Record<string, number> = { documents: 1, tasks: doc.tasks.length, targets: doc.targets.length, sections: countSections(rootSections(doc)) };
        for (const [table, rows] of Object.entries(tables)) {
          const got = rows.get(entry.path) ?? 0;
          if (got !== want[table]) problems.push(`${entry.output}: ${got} rows in ${table}.csv, ${want[table]} in its JSON`);
        }
      }
      console.log(`${corpus.name}: ${index.documents.length} documents, ${problems.length} problems${problems.length ? `\n${problems.slice(0, 20).join('\n')}` : ''}`);
      expect(problems).toEqual([]);
      expect(index.documents.length).toBeGreaterThan(0);
    });
  });
}
