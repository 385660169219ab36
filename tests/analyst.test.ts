// Outputs for analysts: the run-wide CSV tables and JSON Lines, index.json, and the npm
// package. CSV is read back with csv-parse (as pandas or Excel would) and compared with
// the JSON documents of the same run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PolicyDocument, RunIndex, type Section } from '../src/index.js';
import { at, root } from './helpers.js';

const bin = at('bin/policy-parse');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const flatten = (list: readonly Section[]): Section[] => list.flatMap((s) => [s, ...flatten(s.children)]);

describe('a run with -f json,csv,jsonl', () => {
  const out = mkdtempSync(join(tmpdir(), 'policy-parse-analyst-'));
  let docs: PolicyDocument[] = [];
  const csv = (name: string) => readFileSync(join(out, name), 'utf8');
  const table = (name: string): Array<Record<string, string>> => parseCsv(csv(name), { bom: true, columns: true });

  beforeAll(() => {
    const r = run(['seeds/', '--out', out, '-f', 'json,csv,jsonl', '-q']);
    expect(r.status).toBe(0);
    docs = readdirSync(out)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .sort()
      .map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as PolicyDocument);
  });

  it('writes tasks.csv with a BOM, CRLF rows and one row per task, in document order', () => {
    expect(csv('tasks.csv').startsWith('\uFEFFsource_path,doc_title,doc_number,issuer,date,task_id,')).toBe(true);
    expect(csv('tasks.csv').split('\r\n').length - 2).toBeGreaterThan(0);
    const rows = table('tasks.csv');
    const tasks = docs.flatMap((d) => d.tasks.map((t) => ({ d, t })));
    expect(rows).toHaveLength(tasks.length);
    rows.forEach((row, i) => {
      const { d, t } = tasks[i] as (typeof tasks)[number];
      expect(row).toMatchObject({
        source_path: d.source.path,
        doc_title: d.meta.title ?? '',
        doc_number: d.meta.docNumber ?? '',
        task_id: t.id,
        section_id: t.sectionId,
        task: t.title,
        lead: t.lead.join('、'),
        support: t.support.join('、'),
        responsible: t.responsible.join('、'),
        line: String(t.position.start.line),
      });
    });
    // Seed 003's table of tasks with their departments survives the round trip.
    expect(rows.find((r) => r.task === '开展出口商品质量提升专项行动')).toMatchObject({ lead: '检验司', support: '认监委、动植司、食品局、国际司' });
  });

  it('writes documents.csv: one row per document with its metadata, history and counts', () => {
    const rows = table('documents.csv');
    expect(rows).toHaveLength(docs.length);
    rows.forEach((row, i) => {
      const d = docs[i] as PolicyDocument;
      expect(row).toMatchObject({
        source_path: d.source.path,
        doc_title: d.meta.title ?? '',
        attached_title: d.meta.attachedTitle ?? '',
        doc_number: d.meta.docNumber ?? '',
        issuer: d.meta.issuer ?? '',
        doc_type: d.meta.docType ?? '',
        issued_date: d.meta.issuedDate ?? '',
        published_date: d.meta.publishedDate ?? '',
        valid_from: d.meta.validity?.from ?? '',
        valid_until: d.meta.validity?.until ?? '',
        history: d.meta.history.map((h) => `${h.date} ${h.event}`).join('; '),
        tasks: String(d.tasks.length),
        targets: String(d.targets.length),
      });
    });
    // Seed 003 is a notice that issues a plan: the plan's own title is kept beside the notice's.
    expect(rows.find((r) => r.source_path?.includes('003_'))).toMatchObject({ doc_type: '通知', attached_title: '质量品牌提升行动计划（2016）', issued_date: '2016-05-13' });
  });

  it('writes targets.csv whose values read back as the documents’ numbers', () => {
    const rows = table('targets.csv');
    const targets = docs.flatMap((d) => d.targets);
    expect(rows.map((r) => [r.indicator, Number(r.value), r.unit, r.year, r.comparator])).toEqual(
      targets.map((g) => [g.indicator, g.value, g.unit ?? '', g.year === null ? '' : String(g.year), g.comparator]),
    );
  });

  it('writes sections.csv with every section and its path; multi-line text is quoted and intact', () => {
    const rows = table('sections.csv');
    const sections = docs.flatMap((d) => flatten(d.sections));
    expect(rows).toHaveLength(sections.length);
    expect(rows.map((r) => r.text)).toEqual(sections.map((s) => s.text));
    expect(sections.some((s) => s.text.includes('\n'))).toBe(true);
    expect(rows.find((r) => r.section_id === '2.1' && r.source_path?.includes('000_'))?.section_path).toBe('二、主要任务 > （一）加快消费品标准与国际接轨');
  });

  it('writes documents.jsonl: one compact document per line, equal to the JSON files', () => {
    const lines = readFileSync(join(out, 'documents.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(docs);
  });

  it('writes index.json: tool, versions, and per document its path, sha256, title and counts', () => {
    const index = RunIndex.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    expect(index).toMatchObject({ tool: 'policy-parse', version: pkg.version, schemaVersion: 1, failed: [] });
    expect(index.documents).toEqual(
      docs.map((d) => ({
        path: d.source.path,
        output: d.source.path.replace(/^seeds\//, '').replace(/\.txt$/, ''),
        sha256: createHash('sha256').update(readFileSync(at(d.source.path))).digest('hex'),
        title: d.meta.title,
        docNumber: d.meta.docNumber,
        sections: flatten(d.sections).length,
        tasks: d.tasks.length,
        targets: d.targets.length,
        messages: d.messages.length,
      })),
    );
  });

  it('is byte-identical on a second run, on worker threads too', () => {
    const again = mkdtempSync(join(tmpdir(), 'policy-parse-analyst-'));
    expect(run(['seeds/', '--out', again, '-f', 'json,csv,jsonl', '-q', '-j', '2']).status).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
  });
});

describe('the npm package', () => {
  it('packs the CLI bundle, the typed library and the schemas, and no sources or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'bin/policy-parse', 'bin/policy-parse.cjs', 'dist/bundle/package.json', 'dist/bundle/html.cjs', 'dist/bundle/yaml.cjs', 'dist/bundle/zod.cjs', 'dist/bundle/policy-parse.js', 'dist/bundle/worker.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'schemas/policy-document.schema.json', 'schemas/plan-diff.schema.json', 'schemas/run-index.schema.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(src|tests|fixtures|scripts|seeds)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    expect(pkg).toMatchObject({ type: 'module', bin: { 'policy-parse': 'bin/policy-parse.cjs' }, engines: { node: '>=20' } });
    // ES module and CommonJS builds, each with its own declarations (tests/package.test.ts uses them).
    expect(pkg.exports['.']).toEqual({
      import: { types: './dist/src/index.d.ts', default: './dist/src/index.js' },
      require: { types: './dist/cjs/index.d.cts', default: './dist/cjs/index.cjs' },
      default: { types: './dist/src/index.d.ts', default: './dist/src/index.js' },
    });
    // The JSON Schemas can be imported by path: policy-parse/schemas/policy-document.schema.json.
    expect(pkg.exports['./schemas/*']).toBe('./schemas/*');
    // The code is MIT; the tables derived from OpenCC's dictionaries are Apache-2.0: a licence file for each.
    expect(pkg.license).toBe('MIT AND Apache-2.0');
    expect(readFileSync(at('LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(at('LICENSES/Apache-2.0.txt'), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);
  });
});
