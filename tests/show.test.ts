// `policy-parse show`: the outline as an indented tree. Goldens in fixtures/show/<seed>.txt
// (regenerate with `npx vitest run -u tests/show.test.ts` and read the diff); the facts
// below hold whatever the goldens say, so a golden regenerated from a wrong tree still fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runShow } from '../bin/lib/show-command.js';
import { type PolicyDocument, PolicyDocument as PolicyDocumentSchema } from '../src/schema/policy-document.js';
import { formatOutline } from '../src/show/format-outline.js';
import { allSections, at, root } from './helpers.js';

const SEEDS = { '000': '000_1cb452063da1e329', '003': '003_afbcd9f398c9ccd6' } as const;
const ESC = '\u001b[';

/** A committed pipeline golden, checked against the schema so the input is a real document. */
function golden(path: string): PolicyDocument {
  return PolicyDocumentSchema.parse(JSON.parse(readFileSync(at(path), 'utf8')));
}
const seed = (name: keyof typeof SEEDS) => golden(`fixtures/seeds/${SEEDS[name]}.json`);
const indentOf = (line: string) => (line.match(/^ */)?.[0].length ?? 0) / 2;

describe('formatOutline', () => {
  for (const name of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
    it(`matches fixtures/show/${name}.txt`, async () => {
      await expect(formatOutline(seed(name))).toMatchFileSnapshot(at(`fixtures/show/${name}.txt`));
    });
  }

  it('starts with the title, document number, issuer and date', () => {
    const [header] = formatOutline(seed('000')).split('\n');
    expect(header).toBe('北京市消费品标准升级和质量提升规划（2016—2020年）  京政办发〔2016〕60号 · 北京市人民政府办公厅 · 2017-02-14');
  });

  it('shows every section once, marker and title, indented two spaces per level', () => {
    for (const name of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const doc = seed(name);
      const lines = formatOutline(doc).split('\n');
      const walk = (sections: PolicyDocument['sections'], level: number) => {
        for (const s of sections) {
          const expected = `${'  '.repeat(level)}${s.marker ?? ''}${s.title ?? ''}`;
          expect(lines.filter((l) => l === expected || l.startsWith(`${expected}  [`)), expected).toHaveLength(1);
          walk(s.children, level + 1);
        }
      };
      walk(doc.sections, 0);
    }
  });

  it('puts a task’s units on its section line and each target under its section', () => {
    const lines = formatOutline(seed('003')).split('\n');
    expect(lines).toContain('    2.开展出口商品质量提升专项行动  [牵头 检验司 · 配合 认监委、动植司、食品局、国际司]');
    const yearly = lines.indexOf('三、年度目标');
    expect(lines.slice(yearly + 1, yearly + 5)).toEqual([
      '  ◎ 10类重点消费品产品质量国家监督抽查合格率 ≥ 90% (2016) (aspirational)',
      '  ◎ 地理标志产品 = 120个 (2016)',
      '  ◎ 专用标志使用企业 = 600家 (2016)',
      '  ◎ 国家地理标志保护示范区 = 5家 (2016)',
    ]);
    const doc = seed('003');
    expect(lines.filter((l) => l.trimStart().startsWith('◎ '))).toHaveLength(doc.targets.length);
    expect(lines.filter((l) => / {2}\[牵头 /.test(l))).toHaveLength(doc.tasks.filter((t) => t.lead.length).length);
  });

  it('depth 1 shows only the top-level sections, with what was cut counted under each', () => {
    const doc = seed('000');
    const lines = formatOutline(doc, { depth: 1 }).trimEnd().split('\n').slice(1);
    expect(lines.filter((l) => indentOf(l) === 0)).toEqual(doc.sections.map((s) => `${s.marker}${s.title}`));
    // Below a top-level line: only its targets and one "… N more" summary, never a section.
    expect(lines.filter((l) => indentOf(l) > 0).every((l) => /^ {2}(◎ |… )/.test(l))).toBe(true);
    expect(lines).toContain('  … 28 more sections (21 tasks)');
    expect(lines).toContain('  … 2 more sections (6 targets)');
    expect(lines).not.toContain('  （一）指导思想');
  });

  it('depth 2 stops one level further down', () => {
    const lines = formatOutline(seed('000'), { depth: 2 }).split('\n');
    expect(lines).toContain('  （一）加快消费品标准与国际接轨');
    expect(lines).toContain('    … 3 more sections (3 tasks)');
    expect(lines.some((l) => l.startsWith('    1.'))).toBe(false);
  });

  it('has no escape codes without colour, and ANSI codes with it', () => {
    const doc = seed('003');
    expect(formatOutline(doc)).not.toContain('\u001b');
    expect(formatOutline(doc, { color: false })).not.toContain('\u001b');
    const coloured = formatOutline(doc, { color: true });
    expect(coloured).toContain(`${ESC}2m一、${ESC}0m${ESC}1m指导思想${ESC}0m`); // dim marker, bold top-level title
    expect(coloured).toContain(`${ESC}36m[牵头 检验司 · 配合 认监委、动植司、食品局、国际司]${ESC}0m`);
    expect(coloured).toContain(`${ESC}32m◎ 地理标志产品 = 120个 (2016)${ESC}0m`);
    expect(coloured).toContain(`${ESC}33m◎ 10类重点消费品产品质量国家监督抽查合格率 ≥ 90% (2016) (aspirational)${ESC}0m`);
    // Stripped of its codes, the coloured outline is the plain one.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatOutline(doc));
  });

  it('contains every section title of the document', () => {
    for (const name of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const doc = seed(name);
      const text = formatOutline(doc);
      for (const s of allSections(doc.sections)) if (s.title) expect(text).toContain(s.title);
    }
  });

  it('is deterministic', () => {
    const doc = seed('003');
    expect(formatOutline(structuredClone(doc), { color: true })).toBe(formatOutline(doc, { color: true }));
    expect(formatOutline(doc, { depth: 2 })).toBe(formatOutline(doc, { depth: 2 }));
  });

  it('labels implicit parts, and untitled articles by the start of their text', () => {
    const implicit = formatOutline(golden('fixtures/parse/numbering-restart-implicit-part/output.json')).split('\n');
    expect(implicit.filter((l) => l === '(implicit part)')).toHaveLength(3);
    const law = formatOutline(golden('fixtures/parse/furniture-article-not-clutter/output.json'));
    // "第十五条" ends in a letter, so a space separates it from the text: 20 characters, then "…".
    expect(law.split('\n')).toContain('  第十五条 门楼号牌由地名、门牌号码和二维码智能数字…');
    expect(law.split('\n')).toContain('  第一条 为了加强门楼号牌管理，制定本条例。'); // short enough: whole, no "…"
  });

  it('keeps tasks and targets whose section is not in the tree', () => {
    const doc = seed('003');
    const stray: PolicyDocument = {
      ...doc,
      targets: [{ ...doc.targets[1]!, sectionId: null }],
      tasks: [{ ...doc.tasks[0]!, sectionId: '99' }],
    };
    expect(formatOutline(stray).trimEnd().split('\n').slice(-3)).toEqual([
      '(outside any section)',
      '  ▸ 开展消费品质量提升专项行动  [牵头 监督司 · 配合 认监委、标准委、法规司、质量司、计量司、检验司、执法司、科技司]',
      '  ◎ 地理标志产品 = 120个 (2016)',
    ]);
  });
});

describe('runShow', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    return { out, err };
  };
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('prints the outline of a source document, and of policy-parse JSON, the same', async () => {
    const fromText = capture();
    expect(await runShow(at(`seeds/${SEEDS['003']}.txt`), { color: false })).toBe(0);
    vi.restoreAllMocks();
    const fromJson = capture();
    expect(await runShow(at(`fixtures/seeds/${SEEDS['003']}.json`), { color: false })).toBe(0);
    expect(fromText.out.join('')).toContain('三、年度目标');
    expect(fromJson.out.join('')).toBe(fromText.out.join(''));
    expect(fromText.err).toEqual([]);
  });

  it('decides colour like diff: NO_COLOR off, FORCE_COLOR on, the flag over both', async () => {
    const path = at(`fixtures/seeds/${SEEDS['003']}.json`);
    const shown = async (env: Record<string, string | undefined>, color?: boolean) => {
      vi.unstubAllEnvs();
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      vi.restoreAllMocks();
      const { out } = capture();
      await runShow(path, { color });
      return out.join('');
    };
    expect(await shown({ NO_COLOR: '1', FORCE_COLOR: undefined })).not.toContain('\u001b');
    expect(await shown({ FORCE_COLOR: '1', NO_COLOR: undefined })).toContain(ESC);
    expect(await shown({ FORCE_COLOR: '1' }, false)).not.toContain('\u001b');
    expect(await shown({ NO_COLOR: '1', FORCE_COLOR: undefined }, true)).toContain(ESC);
  });

  it('honours depth', async () => {
    const { out } = capture();
    await runShow(at(`fixtures/seeds/${SEEDS['000']}.json`), { depth: 1, color: false });
    expect(out.join('')).toContain('  … 28 more sections (21 tasks)');
  });

  it('fails a missing file with one line and exit 1', async () => {
    const { out, err } = capture();
    expect(await runShow('no/such/file.txt', {})).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['policy-parse: no/such/file.txt: no such file\n']);
  });

  it('fails a JSON file that is not a document', async () => {
    const { err } = capture();
    expect(await runShow(at('package.json'), {})).toBe(1);
    expect(err.join('')).toMatch(/^policy-parse: .*package\.json: not a policy-parse document: .*\n$/);
  });
});

// The compiled command, once bin/policy-parse.ts registers `show` and `npm run build` has run.
const bin = at('bin/policy-parse');
const cli = (args: string[], env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
// `show --help` alone is no proof: the default command also accepts it and prints its own help.
const registered = existsSync(bin) && /^Usage: policy-parse show\b/m.test(cli(['show', '--help'], {}).stdout);

describe.runIf(registered)('policy-parse show (CLI)', () => {
  const seedPath = `seeds/${SEEDS['003']}.txt`;
  it('NO_COLOR=1: the plain outline', () => {
    const r = cli(['show', seedPath], { NO_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toBe(readFileSync(at('fixtures/show/003.txt'), 'utf8'));
  });
  it('FORCE_COLOR=1: ANSI codes', () => {
    const r = cli(['show', seedPath], { FORCE_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(ESC);
  });
  it('--depth 1', () => {
    const r = cli(['show', seedPath, '--depth', '1'], { NO_COLOR: '1' });
    expect(r.stdout.split('\n').filter((l) => /^\S/.test(l)).slice(1)).toHaveLength(7);
  });
  it('a missing file: exit 1, one line', () => {
    const r = cli(['show', 'no/such/file.txt'], { NO_COLOR: '1' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('policy-parse: no/such/file.txt: no such file\n');
  });
});
