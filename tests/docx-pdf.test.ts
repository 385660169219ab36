// Word and PDF input. fixtures/docx-pdf/ holds each seed as LibreOffice saves it (.docx)
// and prints it (.pdf), a gazette-style PDF of seed 003 (justified, indented paragraphs, a
// running header, — N — page numbers), a page with no text and a password-protected PDF;
// see its README. Each must
// parse to what its .txt parses to: the same sections, tasks and targets (positions aside,
// as they count characters of different texts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText as unpdfText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type PolicyDocument, type Section, extractText, parse, parseAsync, parseWithFileAsync } from '../src/index.js';
import { at, listDir, root } from './helpers.js';

const seeds = listDir('seeds').filter((f) => f.endsWith('.txt'));
const fixture = (name: string) => readFileSync(at(`fixtures/docx-pdf/${name}`));
const seedOf = (prefix: string) => seeds.find((f) => f.startsWith(prefix)) as string;
const parseSeed = (name: string) => parse(readFileSync(at(`seeds/${name}`)), { path: name });

/** What a document says, without where: sections and attachments, tasks, targets, metadata. */
function structure(doc: PolicyDocument) {
  const section = (s: Section): unknown => ({ id: s.id, kind: s.kind, marker: s.marker, number: s.number, title: s.title, children: s.children.map(section) });
  return {
    sections: doc.sections.map(section),
    attachments: doc.attachments.map(section),
    tasks: doc.tasks.map(({ position, ...task }) => task),
    targets: doc.targets.map(({ position, ...target }) => target),
    meta: { ...doc.meta, history: doc.meta.history.map(({ position, ...event }) => event) },
    references: doc.references.map(({ position, ...reference }) => reference),
  };
}

describe.each(seeds.map((f) => [f.slice(0, 3), f]))('seed %s', (n, name) => {
  const original = parseSeed(name);

  it.each(['docx', 'pdf'] as const)('as .%s parses to the sections, tasks and targets of its .txt', async (format) => {
    const doc = await parseAsync(fixture(`seed-${n}.${format}`), { path: `seed-${n}.${format}` });
    expect(doc.source.format).toBe(format);
    expect(structure(doc)).toEqual(structure(original));
    // A test that cannot fail is a defect: the seeds do hold sections, tasks and targets.
    expect(doc.sections.length).toBeGreaterThan(0);
    expect(doc.messages.map((m) => m.code)).toEqual(original.messages.map((m) => m.code));
  });

  it('as .docx reads back the text of the .txt, line for line', async () => {
    const { text } = await extractText(fixture(`seed-${n}.docx`), 'docx');
    expect(text).toBe(readFileSync(at(`seeds/${name}`), 'utf8').replace(/\n$/, ''));
  });

  it('as .pdf records where each page starts in the text read from it', async () => {
    const bytes = fixture(`seed-${n}.pdf`);
    const { text, pages = [] } = await extractText(bytes, 'pdf');
    const raw = await unpdfText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
    expect(pages.map((p) => p.page)).toEqual(raw.text.map((_, i) => i + 1));
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    pages.forEach(({ offset }, i) => {
      // The page's first printed line is where its offset points (spaces aside).
      const firstLine = squeeze((raw.text[i] ?? '').split('\n')[0] ?? '');
      expect(firstLine.length).toBeGreaterThan(0);
      expect(squeeze(text.slice(offset, offset + firstLine.length * 2)).startsWith(firstLine)).toBe(true);
    });
    const doc = await parseAsync(bytes, { path: `seed-${n}.pdf` });
    expect(doc.source.pages).toEqual(pages);
  });
});

describe('a PDF typeset as a gazette (seed 003: justified, indented, a running header, — N — page numbers)', () => {
  const gazette = fixture('seed-003-gazette.pdf');

  it('parses to the sections, tasks and targets of the .txt', async () => {
    const doc = await parseAsync(gazette, { path: 'seed-003-gazette.pdf' });
    expect(structure(doc)).toEqual(structure(parseSeed(seedOf('003'))));
    expect(doc.source.pages?.length).toBeGreaterThan(3);
  });

  it('drops the header and the page numbers, and joins lines wrapped across pages', async () => {
    const { text, pages = [] } = await extractText(gazette, 'pdf');
    expect(text).not.toContain('公报');
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    // Every paragraph of the .txt is one line of the text read from the PDF (spaces aside).
    const lines = new Set(text.split('\n').map((l) => l.replace(/\s+/g, '')));
    const paragraphs = readFileSync(at(`seeds/${seedOf('003')}`), 'utf8').split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
    expect(paragraphs.filter((p) => !lines.has(p))).toEqual([]);
    // Some page starts inside a paragraph (a wrapped line joined across the break).
    expect(pages.some(({ offset }) => offset > 0 && text[offset - 1] !== '\n')).toBe(true);
  });
});

describe('DOCX and PDF that cannot be read', () => {
  const reason = async (bytes: Uint8Array, path: string) => {
    try {
      await parseAsync(bytes, { path });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message;
    }
    throw new Error(`${path} parsed`);
  };

  it('refuses each with a one-line reason', async () => {
    expect(await reason(fixture('blank-page.pdf'), 'scan.pdf')).toBe('no text layer (scanned PDF?): nothing to read without OCR');
    expect(await reason(fixture('seed-004.docx').subarray(0, 2000), 'cut.docx')).toMatch(/^corrupt or unreadable DOCX \(.+\)$/);
    expect(await reason(fixture('seed-004.pdf').subarray(0, 3000), 'cut.pdf')).toMatch(/^corrupt or unreadable PDF \(.+\)$/);
    expect(await reason(fixture('encrypted.pdf'), 'locked.pdf')).toBe('encrypted PDF: it needs a password to open');
    expect(await reason(Buffer.from('not a zip at all'), 'fake.docx')).toBe('corrupt DOCX: not a ZIP archive');
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'locked.docx')).toMatch(/^not a \.docx: an encrypted Word file/);
    expect(await reason(Buffer.from('<html>'), 'fake.pdf')).toBe('corrupt PDF: no %PDF- header');
  });

  it('tells DOCX and PDF by their bytes whatever the name, and parse() (synchronous) points to parseAsync()', async () => {
    const doc = await parseAsync(fixture('seed-004.pdf'), { path: 'download.bin' });
    expect(doc.source.format).toBe('pdf');
    expect(() => parse(fixture('seed-004.docx'), { path: 'a.docx' })).toThrow(/read it with parseAsync\(\)/);
  });

  it('leaves text, HTML and Markdown exactly as parse() reads them', async () => {
    for (const name of seeds) {
      const bytes = readFileSync(at(`seeds/${name}`));
      expect((await parseWithFileAsync(bytes, { path: name })).document).toEqual(parse(bytes, { path: name }));
    }
  });
});

describe('policy-parse on a folder with .docx and .pdf', () => {
  const bin = at('bin/policy-parse');
  const dirs: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-parse-docx-pdf-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  const folder = () => {
    const dir = tmp();
    cpSync(at('fixtures/docx-pdf/seed-000.docx'), join(dir, 'plan.docx'));
    cpSync(at('fixtures/docx-pdf/seed-003-gazette.pdf'), join(dir, 'notice.pdf'));
    cpSync(at(`seeds/${seedOf('004')}`), join(dir, 'page.txt'));
    cpSync(at('fixtures/docx-pdf/blank-page.pdf'), join(dir, 'scan.pdf'));
    writeFileSync(join(dir, 'broken.docx'), fixture('seed-004.docx').subarray(0, 2000));
    return dir;
  };

  it('writes each readable document with its format, names each unreadable one in one line, and exits 1', () => {
    const dir = folder();
    const out = tmp();
    const r = run([dir, '-o', out, '-f', 'json', '--no-warnings']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `policy-parse: ${join(dir, 'broken.docx')}: corrupt or unreadable DOCX (Corrupted zip: can't find end of central directory)`,
      `policy-parse: ${join(dir, 'scan.pdf')}: no text layer (scanned PDF?): nothing to read without OCR`,
    ]);
    expect(r.stdout).toContain('3 parsed, 2 failed');
    const format = (name: string) => (JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as PolicyDocument).source.format;
    expect([format('plan'), format('notice'), format('page')]).toEqual(['docx', 'pdf', 'text']);
    expect(readdirSync(out).sort()).toEqual(['index.json', 'notice.json', 'page.json', 'plan.json']);
  });

  it('writes the same bytes on worker threads as in one thread', () => {
    const dir = folder();
    const [one, many] = [tmp(), tmp()];
    run([dir, '-o', one, '-j', '1', '-q']);
    run([dir, '-o', many, '-j', '2', '-q']);
    for (const f of readdirSync(one)) expect(readFileSync(join(many, f))).toEqual(readFileSync(join(one, f)));
  });

  it('reads DOCX and PDF bytes whole while the text documents after them are read, in one thread', async () => {
    // One thread reads each file into the same buffer, and starts a few documents ahead: the
    // DOCX and PDFs are still being read (asynchronously) when the text files after them are.
    const dir = tmp();
    cpSync(at('fixtures/docx-pdf/seed-001.docx'), join(dir, 'a-plan.docx'));
    cpSync(at('fixtures/docx-pdf/seed-002.pdf'), join(dir, 'b-plan.pdf'));
    // A PDF by its bytes alone.
    cpSync(at('fixtures/docx-pdf/seed-001.pdf'), join(dir, 'c-named-as-text.txt'));
    for (const [i, seed] of ['000', '003', '004', '002'].entries()) cpSync(at(`seeds/${seedOf(seed)}`), join(dir, `d${i}.txt`));
    const out = tmp();
    expect(run([dir, '-o', out, '-f', 'json', '-q', '-j', '1']).status).toBe(0);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const { document } = await parseWithFileAsync(readFileSync(path), { path });
      expect(JSON.parse(readFileSync(join(out, `${name.replace(/\.\w+$/, '')}.json`), 'utf8')), name).toEqual(JSON.parse(JSON.stringify(document)));
    }
  });

  it('applies --max-size to a PDF, and shows and diffs one', () => {
    const big = run(['fixtures/docx-pdf/seed-002.pdf', '-o', tmp(), '--max-size', '0.1', '-q']);
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/^policy-parse: fixtures\/docx-pdf\/seed-002\.pdf: file too large: 0\.3 MB, above the 0\.1 MB limit/);
    const show = run(['show', 'fixtures/docx-pdf/seed-003.pdf', '--depth', '1']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('四、工作任务');
    const diff = run(['diff', `seeds/${seedOf('003')}`, 'fixtures/docx-pdf/seed-003.docx', '--exit-code']);
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
  });
});
