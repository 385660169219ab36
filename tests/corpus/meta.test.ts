// Metadata against what each corpus says about itself, read independently here:
//   - gov.cn pages (../shared/corpus/policies/govcn): title, 文号 and issuer equal the site's
//     own database values in NAME.meta.json for at least 29 of the 30 pages;
//   - Taiwan statutes (../shared/corpus/taiwan-laws): the title is the 法規名稱 header without
//     its label, in Simplified characters (opencc-js `tw` → `cn`, characters only: a statute's
//     name is never reworded), and issuedDate is the 修正日期 header (YYYYMMDD), in ≥ 99%.
// Opt-in and slow: `npm run test:corpus`. Skipped where a corpus is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocument } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const govcnDir = fileURLToPath(new URL('../../../shared/corpus/policies/govcn/', import.meta.url));
const taiwanDir = fileURLToPath(new URL('../../../shared/corpus/taiwan-laws/', import.meta.url));
const bin = join(root, 'bin/policy-parse');
const outs: string[] = [];

function parseInto(inputs: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'policy-parse-meta-'));
  outs.push(out);
  const cli = spawnSync(process.execPath, [bin, ...inputs, '--out', out, '-f', 'json', '-q'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (cli.status !== 0) throw new Error(`policy-parse exited ${cli.status}: ${String(cli.stderr).slice(0, 500)}`);
  return out;
}

const readMeta = (out: string, stem: string) => PolicyDocument.parse(JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8'))).meta;

afterAll(() => {
  for (const out of outs) rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!existsSync(govcnDir))('gov.cn pages: metadata equals the site database', () => {
  const misses: Record<'title' | 'docNumber' | 'issuer', string[]> = { title: [], docNumber: [], issuer: [] };
  let pages = 0;

  beforeAll(() => {
    const stems = readdirSync(govcnDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -'.html'.length))
      .sort();
    const out = parseInto(stems.map((s) => join(govcnDir, `${s}.html`)));
    for (const stem of stems) {
      const want = JSON.parse(readFileSync(join(govcnDir, `${stem}.meta.json`), 'utf8')) as Record<string, string>;
      const got = readMeta(out, stem);
      pages++;
      for (const key of ['title', 'docNumber', 'issuer'] as const) {
        if (got[key] !== want[key]) misses[key].push(`${stem}: ${got[key]} ≠ ${want[key]}`);
      }
    }
    console.log(`gov.cn: ${pages} pages; title ${pages - misses.title.length}, docNumber ${pages - misses.docNumber.length}, issuer ${pages - misses.issuer.length} right`);
  });

  it.each(['title', 'docNumber', 'issuer'] as const)('%s right for at least 29 of 30 pages', (key) => {
    expect(pages).toBe(30);
    expect(misses[key].length, misses[key].join('\n')).toBeLessThanOrEqual(1);
  });
});

describe.skipIf(!existsSync(taiwanDir))('Taiwan statutes: 法規名稱 and 修正日期', () => {
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const titleMisses: string[] = [];
  const dateMisses: string[] = [];
  let files = 0;

  beforeAll(() => {
    const out = parseInto([taiwanDir]);
    for (const file of readdirSync(taiwanDir).filter((f) => f.endsWith('.md')).sort()) {
      const raw = readFileSync(join(taiwanDir, file), 'utf8');
      const name = /^法規名稱：(.+)$/m.exec(raw)?.[1]?.trim() ?? null;
      const amended = /^修正日期：(\d{4})(\d{2})(\d{2})/m.exec(raw);
      const meta = readMeta(out, file.slice(0, -'.md'.length));
      files++;
      const title = name === null ? null : toSimplified(name);
      if (meta.title !== title) titleMisses.push(`${file}: ${meta.title} ≠ ${title}`);
      const date = amended ? `${amended[1]}-${amended[2]}-${amended[3]}` : null;
      if (meta.issuedDate !== date) dateMisses.push(`${file}: ${meta.issuedDate} ≠ ${date}`);
    }
    console.log(`Taiwan statutes: ${files} files; title ${files - titleMisses.length}, issuedDate ${files - dateMisses.length} right`);
  });

  it('reads the title without its label, in Simplified characters, in at least 99% of files', () => {
    expect(files).toBeGreaterThan(1000);
    expect((files - titleMisses.length) / files, titleMisses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it('takes issuedDate from 修正日期 in at least 99% of files', () => {
    expect((files - dateMisses.length) / files, dateMisses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.99);
  });
});
