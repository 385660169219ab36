// The command line, run as a user would run it (the compiled bin/policy-parse).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PlanDiff, PolicyDocument, parse } from '../src/index.js';
import stringWidth from 'string-width';
import { STANDS_ALONE, columns } from '../bin/lib/terminal.js';
import { at, root } from './helpers.js';

const bin = at('bin/policy-parse');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tmp = () => mkdtempSync(join(tmpdir(), 'policy-parse-'));

describe('policy-parse <folder>', () => {
  it('writes JSON and YAML per seed, a summary table, and exits 0', () => {
    const out = tmp();
    const r = run(['seeds/', '--out', out]);
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(11); // and index.json
    expect(files).toContain('index.json');
    expect(files.filter((f) => f.endsWith('.json') && f !== 'index.json')).toHaveLength(5);
    expect(r.stdout).toMatch(/^document\s+title\s+sections\s+tasks\s+targets/m);
    expect(r.stdout).toContain('5 parsed, 0 failed');
    const json = JSON.parse(readFileSync(join(out, '001_d38150bb2ab3c360.json'), 'utf8'));
    const yaml = parseYaml(readFileSync(join(out, '001_d38150bb2ab3c360.yaml'), 'utf8'));
    expect(yaml).toEqual(json);
    expect(PolicyDocument.safeParse(json).success).toBe(true);
    expect(json.source.path).toBe('seeds/001_d38150bb2ab3c360.txt');
  });

  it('reads HTML pages (the bundle’s HTML parser is a script of its own), as the library does, in this thread and on a worker', () => {
    const dir = tmp();
    for (const name of ['layout-table-article', 'gb2312-legacy-markup']) cpSync(at(`fixtures/html/${name}/input.html`), join(dir, `${name}.html`));
    for (const jobs of ['1', '2']) {
      const out = tmp();
      const r = spawnSync(process.execPath, [bin, dir, '--out', out, '-f', 'json', '-q', '-j', jobs], { encoding: 'utf8', env: { ...process.env, POLICY_PARSE_THREAD_MB: '0' } });
      expect(r.status, r.stderr).toBe(0);
      for (const name of ['layout-table-article', 'gb2312-legacy-markup']) {
        const path = join(dir, `${name}.html`);
        const written = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'));
        expect(written).toEqual(JSON.parse(JSON.stringify(parse(readFileSync(path), { path }))));
        expect(written.sections.length).toBeGreaterThan(0);
      }
    }
  });

  it('says in one line that it is not built yet, from either launcher, and answers --version all the same', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'bin'));
    for (const name of ['policy-parse', 'policy-parse.cjs']) cpSync(at(`bin/${name}`), join(dir, 'bin', name));
    cpSync(at('package.json'), join(dir, 'package.json'));
    for (const launcher of ['bin/policy-parse', 'bin/policy-parse.cjs']) {
      const r = spawnSync(process.execPath, [join(dir, launcher), 'seeds/'], { cwd: root, encoding: 'utf8' });
      expect(r.status, launcher).toBe(2);
      expect(r.stderr).toBe('policy-parse: not built yet; run `npm install` (or `npm run build`) first\n');
      const version = spawnSync(process.execPath, [join(dir, launcher), '--version'], { encoding: 'utf8' });
      expect(version.stdout).toBe(`${JSON.parse(readFileSync(at('package.json'), 'utf8')).version}\n`);
    }
  });

  it('is byte-identical on re-runs', () => {
    const [a, b] = [tmp(), tmp()];
    run(['seeds/', '--out', a, '-q']);
    run(['seeds/', '--out', b, '-q']);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
  });

  it('mirrors sub-folders and honours --format', () => {
    const dir = tmp();
    cpSync(at('seeds/004_d5cd5e8c6d7fb42d.txt'), join(dir, 'inner', 'b.md'), { recursive: true });
    writeFileSync(join(dir, 'notes.odt'), 'ignored');
    const out = tmp();
    const r = run([dir, '-o', out, '-f', 'yaml', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(out, 'inner'))).toEqual(['b.yaml']);
  });
});

/**
 * Root reads everything, so as root the unreadable-file test runs the CLI as nobody
 * (setpriv), which needs the repository to be readable by nobody.
 */
const canRunAsNobody =
  process.getuid?.() !== 0 ||
  spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'test', '-r', at('dist/bundle/policy-parse.js')]).status === 0;

describe('failures', () => {
  it('names a missing input, still writes the others, exits 1', () => {
    const out = tmp();
    const r = run(['seeds/000_1cb452063da1e329.txt', 'no/such/file.txt', '--out', out, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no/such/file.txt: no such file or folder');
    expect(existsSync(join(out, '000_1cb452063da1e329.json'))).toBe(true);
  });

  it('rejects undecodable bytes with a one-line error naming the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3]));
    writeFileSync(join(dir, 'good.txt'), '一、总体要求\n（一）指导思想。坚持质量第一。\n');
    const out = tmp();
    const r = run([dir, '--out', out, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/bad\.txt: .+/)]);
    expect(readdirSync(out).sort()).toEqual(['good.json', 'good.yaml', 'index.json']);
    // The run's index lists the failure too.
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).failed).toEqual([{ path: join(dir, 'bad.txt'), error: expect.stringMatching(/.+/) }]);
  });

  it.skipIf(!canRunAsNobody)('reports an unreadable file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'secret.txt'), '一、总体要求');
    writeFileSync(join(dir, 'open.txt'), '一、总体要求');
    chmodSync(join(dir, 'secret.txt'), 0);
    const out = tmp();
    chmodSync(dir, 0o755);
    chmodSync(out, 0o777);
    // Root reads everything, so as root the CLI runs as nobody (setpriv, util-linux).
    const asNobody = process.getuid?.() === 0;
    const args = [bin, dir, '--out', out, '-q'];
    const r = asNobody
      ? spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, ...args], { cwd: root, encoding: 'utf8' })
      : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`policy-parse: ${join(dir, 'secret.txt')}: permission denied`]);
    expect(readdirSync(out)).toContain('open.json');
  });

  it('refuses each input that is not a document with one line, and writes the rest', () => {
    const dir = tmp();
    const files: Record<string, string | Buffer> = {
      'good.txt': '一、总体要求\n（一）指导思想。坚持质量第一。\n',
      'empty.txt': '',
      'blank.txt': ' \n\t\u3000\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'undecodable.txt': Buffer.from([0x80, 0xff, 0x80, 0xff, 0x20, 0x61, 0xff]),
      'big.txt': Buffer.alloc(3 * 1024 * 1024, '一、总体要求\n'),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const out = tmp();
    const r = run([dir, join(dir, 'missing.txt'), join(dir, 'nothing-here'), '--out', out, '--max-size', '2', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(
      [
        `policy-parse: ${join(dir, 'missing.txt')}: no such file or folder`,
        `policy-parse: ${join(dir, 'nothing-here')}: no such file or folder`,
        `policy-parse: ${join(dir, 'big.txt')}: file too large: 3.0 MB, above the 2 MB limit (raise it with --max-size)`,
        `policy-parse: ${join(dir, 'binary.txt')}: binary file: contains NUL bytes (UTF-16 needs a byte-order mark, or --encoding)`,
        `policy-parse: ${join(dir, 'blank.txt')}: only whitespace`,
        `policy-parse: ${join(dir, 'empty.txt')}: empty file`,
        `policy-parse: ${join(dir, 'undecodable.txt')}: undecodable bytes: not UTF-8, UTF-16, GB18030 or Big5 text (force one with --encoding)`,
      ].sort(),
    );
    // Several inputs given: each folder's outputs go under its own name.
    expect(readdirSync(join(out, basename(dir)))).toEqual(['good.json', 'good.yaml']);
    const empty = tmp();
    expect(run([empty, '--out', out, '-q']).stderr).toBe(`policy-parse: ${empty}: folder holds no documents (.txt, .md, .markdown, .html, .htm, .shtml, .xhtml, .docx, .pdf)\n`);
  });

  it('reads GB18030, Big5 and UTF-16 files, or the encoding --encoding names', () => {
    const out = tmp();
    const r = run(['fixtures/encodings/', '--out', out, '-f', 'json', '-q']);
    expect(r.status).toBe(0);
    const encodingOf = (name: string) => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')).source.encoding;
    expect(['000.big5', '002.gb18030', '004.utf-16le', '004.utf-16be'].map(encodingOf)).toEqual(['big5', 'gb18030', 'utf-16le', 'utf-16be']);
    const forced = run(['fixtures/encodings/000.big5.txt', '--encoding', 'gb18030', '-o', tmp(), '-q']);
    expect(forced.status).toBe(0); // forced: read as GB18030 even though it is Big5
    const bad = run(['seeds/', '--encoding', 'klingon', '-o', tmp()]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('policy-parse: unknown encoding "klingon"\n');
  });

  it('exits 2 on usage errors', () => {
    expect(run([]).status).toBe(2);
    expect(run(['seeds/', '--format', 'xml']).status).toBe(2);
    expect(run(['seeds/', '--format', 'xml']).stderr).toContain('unknown format "xml"');
    expect(run(['seeds/', '--no-such-flag']).status).toBe(2);
  });
});

describe('pipes and help', () => {
  it('reads stdin with - and writes JSON to stdout', () => {
    const r = run(['-'], '一、主要任务\n（一）加强品牌建设。培育知名品牌。（牵头单位：市商务局）\n');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source.path).toBe('-');
    expect(doc.tasks[0]).toMatchObject({ title: '加强品牌建设', lead: ['市商务局'] });
  });

  it('writes YAML to stdout with -f yaml', () => {
    const r = run(['-', '-f', 'yaml'], '一、总体要求\n');
    expect(r.status).toBe(0);
    expect(parseYaml(r.stdout).sections[0].title).toBe('总体要求');
  });

  it('prints warnings as file:line:col on stderr', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gap.txt'), '一、主要任务\n（一）甲。\n（三）丙。\n');
    const r = run([dir, '--out', tmp()]);
    expect(r.stderr).toMatch(/gap\.txt:3:1-3:\d+: warning: .*（二）.* \[numbering-gap\]/);
  });

  it('lists a big run\'s documents with messages only, unless --summary full, in columns a terminal draws', () => {
    const dir = tmp();
    for (let i = 0; i < 60; i++) cpSync(at(i % 5 === 0 ? 'seeds/004_d5cd5e8c6d7fb42d.txt' : 'seeds/001_d38150bb2ab3c360.txt'), join(dir, `d${String(i).padStart(2, '0')}.txt`));
    const out = tmp();
    const auto = run([dir, '--out', out, '-f', 'json', '--no-warnings']).stdout.trim().split('\n');
    // 004 has messages, 001 has none: 12 rows, the header, the count of the rest and the totals.
    expect(auto).toHaveLength(1 + 12 + 2);
    expect(auto.at(-2)).toBe('… 48 more documents not listed (--summary full lists every one)');
    expect(auto.at(-1)).toMatch(/^60 parsed, 0 failed → /);
    const full = run([dir, '--out', out, '-f', 'json', '--no-warnings', '--summary', 'full']).stdout.trim().split('\n');
    expect(full).toHaveLength(1 + 60 + 1);
    // Every row's columns line up where a terminal draws them: CJK two columns, — and … one.
    const start = (line: string) => columns(line.slice(0, line.search(/\s\d+\s+\d+\s+\d+\s+\d+\s+\d+$/) + 1));
    expect(new Set(full.slice(1, -1).map(start)).size).toBe(1);
    expect(columns('北京—…a')).toBe(7);
  });

  it('measures text of characters that stand alone as string-width does, each one a grapheme of its own', () => {
    const segmenter = new Intl.Segmenter();
    const graphemes = (text: string) => [...segmenter.segment(text)].length;
    let alone = 0;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (!STANDS_ALONE.test(c)) continue;
      alone++;
      if (columns(c) !== stringWidth(c)) wrong.push(`U+${code.toString(16)} is ${stringWidth(c)} wide`);
      // Nothing joins it to what comes before or after: an ASCII letter, a Han character, itself.
      for (const text of [`a${c}`, `${c}a`, `中${c}`, `${c}中`, `${c}${c}`]) if (graphemes(text) !== 2) wrong.push(`U+${code.toString(16)} joins in ${text}`);
    }
    expect(wrong).toEqual([]);
    expect(alone).toBeGreaterThan(28_000);
    // Mixed text, and text the segmenter must read (a combining mark, an emoji, an ANSI colour, Hangul).
    for (const text of ['国务院关于印发《“十四五”规划》的通知（2021）', 'Ａ１—…·“”〔2021〕5号', 'é', 'e\u0301', '👍🏽a', '\u001b[31m红\u001b[0m', '한국어', '©2021', '']) {
      expect(columns(text), text).toBe(stringWidth(text));
    }
  });

  it('--no-warnings keeps the summary and drops the documents\' warnings', () => {
    const out = tmp();
    const loud = run(['seeds/', '--out', out, '-f', 'json']);
    expect(loud.stderr).toMatch(/: warning: /);
    const hushed = run(['seeds/', '--out', out, '-f', 'json', '--no-warnings']);
    expect(hushed.status).toBe(0);
    expect(hushed.stderr).toBe('');
    expect(hushed.stdout).toBe(loud.stdout);
  });

  it('prints --version and --help with examples', () => {
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    // The default command's options are on the top-level help, where users look for them.
    expect(help.stdout).toContain('Options of parse, the default command');
    for (const option of ['-o, --out <dir>', '-f, --format <formats>', '-j, --jobs <n>', '--max-size <MB>', '--check', '--stdin-jsonl']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  `, 'm'));
    }
  });
});

describe('policy-parse diff', () => {
  const pair = (name: string) => [`fixtures/diff/${name}/old.txt`, `fixtures/diff/${name}/new.txt`];

  it('prints a report and exits 0; with --exit-code, 1 when the versions differ', () => {
    const r = run(['diff', ...pair('reworded-title')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('~ （四）厚植绿色低碳发展质量根基 (was （四）厚植绿色发展质量根基)');
    expect(r.stdout).toContain('厚植绿色{+低碳+}发展质量根基');
    expect(r.stdout).not.toContain('\u001b[');
    expect(run(['diff', ...pair('reworded-title'), '--exit-code']).status).toBe(1);
    expect(run(['diff', ...pair('identical'), '--exit-code']).status).toBe(0);
  });

  it('writes JSON that validates against the PlanDiff schema, and Markdown', () => {
    const json = run(['diff', ...pair('changed-target-value'), '--format', 'json']);
    expect(json.status).toBe(0);
    const result = PlanDiff.parse(JSON.parse(json.stdout));
    expect(result.targets.find((t) => t.change === 'changed')).toMatchObject({ old: { value: 96 }, new: { value: 97 } });
    const md = run(['diff', ...pair('changed-target-value'), '--format', 'md']);
    expect(md.stdout).toContain('| changed | 制造业产品质量合格率 | \\> 96% (2025) | \\> 97% (2025) |');
  });

  it('takes policy-parse JSON as either side, with the same result as the sources', () => {
    const out = tmp();
    run([...pair('changed-lead-department'), '--out', out, '-f', 'json', '-q']);
    const fromSources = run(['diff', ...pair('changed-lead-department'), '-f', 'json']).stdout;
    const fromJson = run(['diff', join(out, 'old.json'), join(out, 'new.json'), '-f', 'json']).stdout;
    expect(fromJson).toBe(fromSources);
  });

  it('colours with --color or FORCE_COLOR, never with NO_COLOR', () => {
    expect(run(['diff', ...pair('reworded-title'), '--color']).stdout).toContain('\u001b[33m~');
    const forced = spawnSync(process.execPath, [bin, 'diff', ...pair('reworded-title')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain('\u001b[');
  });

  it('exits 2 with a one-line error for a missing or malformed side', () => {
    const missing = run(['diff', 'no/such.txt', pair('identical')[1] as string, '--exit-code']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['policy-parse: no/such.txt: no such file']);
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1, "sections": "none"}');
    const bad = run(['diff', join(dir, 'bad.json'), pair('identical')[1] as string]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: not a policy-parse document: \$\.\w+: /);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(run(['diff', join(dir, 'broken.json'), join(dir, 'broken.json')]).stderr).toMatch(/broken\.json: not valid JSON/);
    expect(run(['diff', pair('identical')[0] as string]).status).toBe(2);
  });
});

describe('policy-parse validate', () => {
  it('passes policy-parse output, and locates each problem in a broken file', () => {
    const out = tmp();
    run(['seeds/', '--out', out, '-q']);
    const ok = run(['validate', out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('11 valid, 0 invalid\n'); // 10 documents and index.json

    const doc = JSON.parse(readFileSync(join(out, '000_1cb452063da1e329.json'), 'utf8'));
    doc.sections[2].title = 5;
    doc.targets[0].value = '95';
    delete doc.meta.issuer;
    writeFileSync(join(out, 'broken.json'), JSON.stringify(doc));
    writeFileSync(join(out, 'truncated.json'), '{"schemaVersion": 1, "sour');
    const bad = run(['validate', join(out, 'broken.json'), join(out, 'truncated.json'), join(out, 'missing.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([
      `policy-parse: ${join(out, 'missing.json')}: no such file or folder`,
      `${join(out, 'broken.json')}: $.meta.issuer: Invalid input: expected string, received undefined`,
      `${join(out, 'broken.json')}: $.sections[2].title: Invalid input: expected string, received number`,
      `${join(out, 'broken.json')}: $.targets[0].value: Invalid input: expected number, received string`,
      expect.stringMatching(/^.*truncated\.json: not valid JSON \(.+\)$/),
    ]);
    expect(bad.stdout).toBe('0 valid, 3 invalid\n');
  });

  it('recognises a diff written with --format json', () => {
    const dir = tmp();
    const json = run(['diff', 'fixtures/diff/identical/old.txt', 'fixtures/diff/identical/new.txt', '-f', 'json']).stdout;
    writeFileSync(join(dir, 'diff.json'), json);
    expect(run(['validate', join(dir, 'diff.json')]).status).toBe(0);
  });
});
