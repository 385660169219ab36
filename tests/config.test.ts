// The config file (policy-parse.config.*, .policy-parserc, package.json's "policy-parse" key,
// --config, --no-config): each key end to end through the CLI in a scratch project, flags
// over the config, and the one-line errors. The documents are real seeds: 003 prints its
// units (（牵头单位：监督司；配合单位：…质量司…）), 004 is a saved page whose body ends with a
// 相关链接：… line the built-in furniture keeps and has 一是/二是/三是 items.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parse, type PolicyDocument, RunIndex } from '../src/index.js';
import { at } from './helpers.js';

const bin = at('bin/policy-parse');
const TASKS = '003_afbcd9f398c9ccd6';
const PAGE = '004_d5cd5e8c6d7fb42d';

/** A scratch project: docs/ holds seeds 003 and 004, plus `files` (path → content). */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-parse-config-'));
  for (const seed of [TASKS, PAGE]) cpSync(at(`seeds/${seed}.txt`), join(dir, 'docs', `${seed}.txt`), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const run = (cwd: string, args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const read = (path: string): PolicyDocument => JSON.parse(readFileSync(path, 'utf8'));
const files = (dir: string) => readdirSync(dir).sort();
const canonicalOf = (doc: PolicyDocument, name: string) => doc.departments.find((d) => d.name === name)?.canonical;

const ALIASES = { 质量司: '国家质检总局质量管理司', 监督司: '国家质检总局产品质量监督司' };
/** Whole lines of seed 004: a related-link line, and the third of its 一是/二是/三是 items. */
const FURNITURE = ['相关链接：.*', '三是推动建立.*'];

describe('a config file', () => {
  it('policy-parse.config.json: aliases, furniture, extensions, format and out, found from a sub-folder', () => {
    const dir = project({
      'policy-parse.config.json': JSON.stringify({ departmentAliases: ALIASES, furniture: FURNITURE, extensions: ['.TEXT'], format: ['json', 'csv'], out: 'data' }),
    });
    cpSync(at('seeds/001_d38150bb2ab3c360.txt'), join(dir, 'docs', 'gansu.text'));
    // Run from docs/: the config is found one folder up, and `out` is taken from its folder.
    const r = run(join(dir, 'docs'), ['.']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(files(join(dir, 'data'))).toEqual([`${TASKS}.json`, `${PAGE}.json`, 'documents.csv', 'gansu.json', 'index.json', 'sections.csv', 'targets.csv', 'tasks.csv']);
    expect(r.stdout).toMatch(/^3 parsed, 0 failed → \.\.\/data\/ \(config: \.\.\/policy-parse\.config\.json\)$/m);

    // departmentAliases: the printed names stay in the tasks; an alias is the unit's canonical name.
    const doc = read(join(dir, 'data', `${TASKS}.json`));
    expect(doc.tasks[0]?.lead).toEqual(['监督司']);
    expect(doc.tasks[0]?.support).toContain('质量司');
    expect(canonicalOf(doc, '监督司')).toBe('国家质检总局产品质量监督司');
    expect(canonicalOf(doc, '质量司')).toBe('国家质检总局质量管理司');
    // Units without an alias keep canonicalUnit's name.
    expect(canonicalOf(doc, '认监委')).toBe('国家认证认可监督管理委员会');
    expect(readFileSync(join(dir, 'data', 'tasks.csv'), 'utf8')).toContain('国家质检总局质量管理司');

    // furniture: the link line leaves the text; the numbered line goes with a located warning.
    const page = read(join(dir, 'data', `${PAGE}.json`));
    expect(JSON.stringify(page)).not.toContain('相关链接');
    expect(JSON.stringify(page.sections)).not.toContain('三是推动建立');
    expect(r.stderr).toContain(`${PAGE}.txt:49:1-49:88: warning: Dropped a numbered line as page furniture: “三是推动建立`);
    expect(page.messages.map((m) => m.code)).toContain('furniture-numbered-line');

    // extensions: gansu.text was read, as text.
    expect(read(join(dir, 'data', 'gansu.json')).source).toMatchObject({ path: 'gansu.text', format: 'text' });

    // index.json names the config, and is valid against its schema.
    const index = RunIndex.parse(JSON.parse(readFileSync(join(dir, 'data', 'index.json'), 'utf8')));
    expect(index.config).toBe('../policy-parse.config.json');
  });

  it('without one, output is what it was; --no-config ignores one', () => {
    const plain = project();
    expect(run(plain, ['docs/', '-q']).status).toBe(0);
    const configured = project({ 'policy-parse.config.json': JSON.stringify({ departmentAliases: ALIASES, furniture: FURNITURE, format: 'csv' }) });
    const r = run(configured, ['docs/', '--no-config']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/→ out\/$/m);
    const names = files(join(plain, 'out'));
    expect(names).toEqual([`${TASKS}.json`, `${TASKS}.yaml`, `${PAGE}.json`, `${PAGE}.yaml`, 'index.json']);
    expect(files(join(configured, 'out'))).toEqual(names);
    for (const f of names) expect(readFileSync(join(configured, 'out', f), 'utf8'), f).toBe(readFileSync(join(plain, 'out', f), 'utf8'));
    expect(JSON.parse(readFileSync(join(plain, 'out', 'index.json'), 'utf8'))).not.toHaveProperty('config');
    expect(readFileSync(join(plain, 'out', `${TASKS}.json`), 'utf8')).not.toContain('国家质检总局质量管理司');
    // The bytes of today's goldens, config or not.
    expect(readFileSync(join(plain, 'out', `${TASKS}.json`), 'utf8').replace(/docs\//, 'seeds/')).toBe(readFileSync(at(`fixtures/seeds/${TASKS}.json`), 'utf8'));
  });

  it('package.json\'s "policy-parse" key', () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', private: true, 'policy-parse': { format: 'yaml', departmentAliases: { 质量司: '质量管理司' } } }) });
    const r = run(dir, ['docs/', '-q']);
    expect(r.status).toBe(0);
    expect(files(join(dir, 'out'))).toEqual([`${TASKS}.yaml`, `${PAGE}.yaml`, 'index.json']);
    expect(readFileSync(join(dir, 'out', `${TASKS}.yaml`), 'utf8')).toContain('canonical: 质量管理司');
    expect(JSON.parse(readFileSync(join(dir, 'out', 'index.json'), 'utf8')).config).toBe('package.json');
  });

  it('policy-parse.config.yaml, on worker threads as on one', () => {
    const yaml = ['departmentAliases:', '  质量司: 国家质检总局质量管理司', 'furniture:', "  - '相关链接：.*'", 'format: json', 'jobs: 2', ''].join('\n');
    const dir = project({ 'policy-parse.config.yaml': yaml });
    expect(run(dir, ['docs/', '-q']).status).toBe(0); // jobs: 2 from the config
    expect(run(dir, ['docs/', '-q', '-j', '1', '-o', 'one']).status).toBe(0);
    expect(files(join(dir, 'out'))).toEqual([`${TASKS}.json`, `${PAGE}.json`, 'index.json']);
    for (const f of files(join(dir, 'out'))) expect(readFileSync(join(dir, 'out', f), 'utf8'), f).toBe(readFileSync(join(dir, 'one', f), 'utf8'));
    expect(canonicalOf(read(join(dir, 'out', `${TASKS}.json`)), '质量司')).toBe('国家质检总局质量管理司');
    expect(readFileSync(join(dir, 'out', `${PAGE}.json`), 'utf8')).not.toContain('相关链接');
    const printed = JSON.parse(run(dir, ['--print-config', '-j', '1']).stdout);
    expect(printed).toMatchObject({ file: 'policy-parse.config.yaml', format: ['json'], jobs: 1, out: 'out', from: { format: 'config', jobs: 'cli', out: 'default' } });
  });

  it('--config FILE loads exactly that file, over one that would be found', () => {
    const dir = project({
      'policy-parse.config.json': JSON.stringify({ format: 'yaml' }),
      'settings/ci.yml': 'format: [json]\nout: ../ci-out\ndepartmentAliases: {监督司: 产品质量监督司}\n',
    });
    const r = run(dir, ['docs/', '--config', 'settings/ci.yml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/→ ci-out\/ \(config: settings\/ci\.yml\)$/m);
    expect(files(join(dir, 'ci-out'))).toEqual([`${TASKS}.json`, `${PAGE}.json`, 'index.json']);
    expect(canonicalOf(read(join(dir, 'ci-out', `${TASKS}.json`)), '监督司')).toBe('产品质量监督司');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a JavaScript config file, an ES module or CommonJS, as the bundle loads it', () => {
    for (const [name, text, format] of [
      ['policy-parse.config.mjs', "export default { format: 'yaml', departmentAliases: { 监督司: '产品质量监督司' } };", 'yaml'],
      ['policy-parse.config.cjs', "module.exports = { format: 'json', departmentAliases: { 监督司: '产品质量监督司' } };", 'json'],
    ] as const) {
      const dir = project({ [name]: text });
      const r = run(dir, ['docs/', '-q', '-j', '1']);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(files(join(dir, 'out')), name).toEqual([`${TASKS}.${format}`, `${PAGE}.${format}`, 'index.json']);
      const doc = format === 'json' ? read(join(dir, 'out', `${TASKS}.json`)) : (parseYaml(readFileSync(join(dir, 'out', `${TASKS}.yaml`), 'utf8')) as PolicyDocument);
      expect(canonicalOf(doc, '监督司'), name).toBe('产品质量监督司');
    }
  });

  it('flags on the command line win over the config', () => {
    const dir = project({ 'policy-parse.config.json': JSON.stringify({ format: ['csv'], out: 'data', jobs: 2 }) });
    const r = run(dir, ['docs/', '-f', 'json', '-o', 'mine', '-j', '1', '-q']);
    expect(r.status).toBe(0);
    expect(files(join(dir, 'mine'))).toEqual([`${TASKS}.json`, `${PAGE}.json`, 'index.json']);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(JSON.parse(run(dir, ['--print-config', '-f', 'yaml']).stdout)).toMatchObject({ format: ['yaml'], out: 'data', jobs: 2, from: { format: 'cli', out: 'config', jobs: 'config' } });
  });

  it('applies to stdin, -o - and --stdin-jsonl, whose format and output stay their own', () => {
    const dir = project({ 'policy-parse.config.json': JSON.stringify({ departmentAliases: { 监督司: 'S' }, furniture: ['相关链接：.*'], format: ['csv', 'yaml'], out: 'data' }) });
    const text = readFileSync(join(dir, 'docs', `${TASKS}.txt`), 'utf8');
    const fromStdin = run(dir, ['-', '-q'], text);
    expect(fromStdin.status).toBe(0);
    expect(canonicalOf(JSON.parse(fromStdin.stdout) as PolicyDocument, '监督司')).toBe('S');
    const toStdout = run(dir, [`docs/${PAGE}.txt`, '-o', '-', '-q']);
    expect(toStdout.status).toBe(0);
    expect(JSON.parse(toStdout.stdout).source.path).toBe(`docs/${PAGE}.txt`);
    expect(toStdout.stdout).not.toContain('相关链接');
    const jsonl = run(dir, ['--stdin-jsonl'], `${JSON.stringify({ path: 'a.txt', text })}\n`);
    expect(canonicalOf(JSON.parse(jsonl.stdout) as PolicyDocument, '监督司')).toBe('S');
    // The config's out is a default for runs that write a folder: these write stdout, refusing nothing.
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});

describe('a config file that is wrong: one line naming the file and the key or line, exit 2', () => {
  const cases: Array<[string, Record<string, string>, string[], RegExp]> = [
    ['an unknown key', { 'policy-parse.config.json': '{"formats": "json"}' }, [], /^policy-parse: policy-parse\.config\.json: unknown key "formats" \(known: departmentAliases, furniture, extensions, format, out, jobs\)$/],
    ['a wrong type', { 'policy-parse.config.json': '{"departmentAliases": {"市发改委": 3}}' }, [], /^policy-parse: policy-parse\.config\.json: departmentAliases\.市发改委: expected string, received number$/],
    ['a bad regular expression', { 'policy-parse.config.json': '{"furniture": ["扫码关注", "(相关链接"]}' }, [], /^policy-parse: policy-parse\.config\.json: furniture\[1\]: invalid regular expression "\(相关链接": Unterminated group$/],
    ['an unknown format', { '.policy-parserc': 'format: json,xml\n' }, [], /^policy-parse: \.policy-parserc: format: unknown format "xml" \(choose from json, yaml, csv, jsonl\)$/],
    ['a wrong type in package.json', { 'package.json': '{"policy-parse": {"jobs": "2"}}' }, [], /^policy-parse: package\.json: policy-parse\.jobs: expected number, received string$/],
    ['a JSON syntax error', { 'policy-parse.config.json': '{\n  "out": "data",\n}\n' }, [], /^policy-parse: policy-parse\.config\.json:3:1: not valid JSON: /],
    // A package.json is read for its key: one that is not JSON is an error, as it always was.
    ['a package.json that is not JSON', { 'package.json': '{"name": "x",}' }, [], /^policy-parse: package\.json:1:14: not valid JSON: /],
    ['a YAML syntax error', { 'policy-parse.config.yaml': 'out: data\nfurniture: [相关链接\njobs: 2\n' }, [], /^policy-parse: policy-parse\.config\.yaml:\d+:\d+: not valid YAML: /],
    ['--config naming a missing file', {}, ['--config', 'nope.json'], /^policy-parse: --config nope\.json: no such file$/],
  ];
  it.each(cases)('%s', (_name, configFiles, args, expected) => {
    const dir = project(configFiles);
    const r = run(dir, ['docs/', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(expected);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('parse(input, { aliases, furniture })', () => {
  const page = readFileSync(at(`seeds/${PAGE}.txt`), 'utf8');
  const tasks = readFileSync(at(`seeds/${TASKS}.txt`), 'utf8');

  it('gives the library the same features without a file', () => {
    const doc = parse(tasks, { aliases: { 监督司: '产品质量监督司' } });
    expect(doc.tasks[0]?.lead).toEqual(['监督司']);
    expect(canonicalOf(doc, '监督司')).toBe('产品质量监督司');
    expect(JSON.stringify(parse(page))).toContain('相关链接');
    expect(JSON.stringify(parse(page, { furniture: ['相关链接：.*'] }))).not.toContain('相关链接');
    // A RegExp is used as it is (here unanchored, and global: test() must not remember where it stopped).
    expect(JSON.stringify(parse(page, { furniture: [/^相关链接/g] }))).not.toContain('相关链接');
    // Strings match whole lines only.
    expect(JSON.stringify(parse(page, { furniture: ['相关链接'] }))).toContain('相关链接');
  });

  it('leaves the output alone when no alias or pattern applies, and refuses a bad pattern', () => {
    expect(parse(tasks, { aliases: { 某某局: '别的局' }, furniture: ['不出现的一行'] })).toEqual(parse(tasks));
    expect(() => parse(page, { furniture: ['ok', '[未闭合'] })).toThrow(/^furniture\[1\]: invalid regular expression/);
  });
});
