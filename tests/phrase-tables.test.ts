// The phrase tables of Traditional text as the build writes them beside the CLI's bundle
// (src/normalise/prebuilt-tables.ts, scripts/bundle.mjs): the same tables the parser builds
// from its lists, read back by a run, and a file that does not fit changes nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { PHRASE_TABLES, PHRASE_TABLES_FILE } from '../src/normalise/prebuilt-tables.js';
import { PhraseTrie } from '../src/normalise/phrase-trie.js';
import { compactPhraseTables } from '../src/normalise/to-simplified.js';
import { at, copyOfBuild } from './helpers.js';

/** Traditional inputs: a policy document (mixed phrasing) and a Taiwan statute. */
const INPUTS = [at('seeds/000_1cb452063da1e329.txt'), at('fixtures/parse/legal-taiwan-spaced-markers-and-inserted-articles/input.md')];
const BUNDLE = at('dist/bundle');
const work = mkdtempSync(join(tmpdir(), 'policy-parse-tables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, NODE_OPTIONS: '' };

/** A copy of the CLI's build whose tables file is what `tables` makes of the build's (undefined: none). */
function copyWith(name: string, tables: (file: Buffer) => Buffer | undefined): string {
  const root = copyOfBuild(work, name);
  const file = join(root, 'dist/bundle', PHRASE_TABLES_FILE);
  const made = tables(readFileSync(file));
  if (made) writeFileSync(file, made);
  else rmSync(file);
  return root;
}

/** The JSON a run writes for INPUTS (one thread: the run's own tables, not a worker's), and its status. */
function runIn(root: string): Record<string, string> {
  const out = join(root, 'out');
  const r = spawnSync(process.execPath, [join(root, 'dist/bundle/policy-parse.js'), ...INPUTS, '-o', out, '-f', 'json', '-q', '-j', '1'], { env, encoding: 'utf8' });
  return { status: String(r.status), stderr: r.stderr, ...Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])) };
}

/** A tables file for `build`, holding `tables`, with a header that fits. */
function stamped(build: string, tables: unknown): Buffer {
  const data = serialize(tables);
  return Buffer.concat([Buffer.from(`policy-parse data ${build} ${createHash('sha256').update(data).digest('hex')}\n`), data]);
}

const buildOf = (file: Buffer): string => /^policy-parse data ([0-9a-f]+) /.exec(file.toString('latin1'))?.[1] ?? '';

describe('a phrase trie as plain data', () => {
  it('comes back the same trie: the same nodes and replacements, and the same longest matches', () => {
    const trie = new PhraseTrie();
    for (const [key, value] of [['資訊', '信息'], ['資訊科技', '信息技术'], ['軟體', '软件'], ['網路', '网络'], ['網', '网'], ['科技', '科技']] as const) trie.add(key, value);
    const back = PhraseTrie.fromCompact(trie.compact());
    expect(back.compact()).toEqual(trie.compact());
    expect(back.size).toBe(trie.size);
    const text = '資訊科技與軟體網路的資訊網';
    for (let i = 0; i < text.length; i++) {
      const end = trie.match(text, i, null);
      expect([back.match(text, i, null), back.value], `at ${i}`).toEqual([end, trie.value]);
      expect(back.mayStart(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : -1)).toBe(trie.mayStart(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : -1));
    }
  });

  it('is the trie itself: its slots are the least power of two at most half full, and it takes more keys', () => {
    const pairs = [['資訊', '信息'], ['資訊科技', '信息技术'], ['軟體', '软件'], ['網路', '网络']] as const;
    const trie = new PhraseTrie(1000);
    for (const [key, value] of pairs) trie.add(key, value);
    const data = trie.compact();
    // Nine nodes (the root and eight below it): 32 slots, not the thousand-odd the trie was made with room for.
    expect([data.values.length, data.slots.length]).toEqual([9, 32]);
    expect(data.slots.filter((child) => child !== 0).length).toBe(8);
    // Keys added to the trie made of the data grow it past the data's room; it matches as one made whole.
    const back = PhraseTrie.fromCompact(data);
    const more = [['網際網路', '互联网'], ['程式', '程序'], ['程式設計', '程序设计'], ['資料庫', '数据库'], ['伺服器', '服务器'], ['印表機', '打印机'], ['滑鼠', '鼠标'], ['硬碟', '硬盘']] as const;
    const whole = new PhraseTrie();
    for (const [key, value] of [...pairs, ...more]) whole.add(key, value);
    for (const [key, value] of more) back.add(key, value);
    expect(back.size).toBe(whole.size);
    const text = '網際網路上的資料庫與伺服器，程式設計用滑鼠和硬碟，資訊科技與軟體網路';
    for (let i = 0; i < text.length; i++) expect([back.match(text, i, null), back.value], `at ${i}`).toEqual([whole.match(text, i, null), whole.value]);
  });

  it('for every table the parser builds, comes back the same', () => {
    const tables = compactPhraseTables();
    expect(Object.keys(tables).sort()).toEqual([...PHRASE_TABLES].sort());
    for (const name of PHRASE_TABLES) expect(PhraseTrie.fromCompact(tables[name]).compact(), name).toEqual(tables[name]);
  });
});

describe("the build's file of phrase tables", () => {
  it('holds the tables the parser builds, for this build of the bundle', () => {
    const file = readFileSync(join(BUNDLE, PHRASE_TABLES_FILE));
    expect(buildOf(file)).toBe(/^\/\/ policy-parse bundle ([0-9a-f]+)\n/.exec(readFileSync(join(BUNDLE, 'policy-parse.cjs'), 'latin1'))?.[1]);
    expect(deserialize(file.subarray(file.indexOf(0x0a) + 1))).toEqual(compactPhraseTables());
  });

  it('is what a run converts with: other tables behind a header that fits change its output', () => {
    const own = runIn(copyWith('own', (file) => file));
    expect(own.status).toBe('0');
    // Every Taiwan table replaced by the one that takes no Taiwan phrase: Taiwan wording stays.
    const scriptOnly = compactPhraseTables().noPhrases;
    const other = runIn(copyWith('other', (file) => stamped(buildOf(file), { ...compactPhraseTables(), taiwanOnly: scriptOnly, mixedDocument: scriptOnly, taiwanDocument: scriptOnly })));
    expect(other.status).toBe('0');
    expect(other).not.toEqual(own);
  });

  it('changes no output when it does not fit: missing, damaged, cut short, or made for another build', () => {
    const own = runIn(copyWith('own-again', (file) => file));
    const flip = (file: Buffer): Buffer => {
      const copy = Buffer.from(file);
      copy[copy.length - 100] = (copy[copy.length - 100] as number) ^ 0xff;
      return copy;
    };
    const cases: Array<[string, (file: Buffer) => Buffer | undefined]> = [
      ['missing', () => undefined],
      ['damaged', flip],
      ['cut-short', (file) => file.subarray(0, file.length - 1000)],
      ['another-build', (file) => stamped('0123456789abcdef', deserialize(file.subarray(file.indexOf(0x0a) + 1)))],
      ['not-tables', (file) => stamped(buildOf(file), { taiwanOnly: 'not a table', opencc: [1, 2, 3] })],
      // Child slots too few to hold the table's nodes (a lookup could find no empty slot): not a table.
      ['too-few-slots', (file) => stamped(buildOf(file), { ...compactPhraseTables(), taiwanOnly: { ...compactPhraseTables().taiwanOnly, slots: new Int32Array(64) } })],
    ];
    for (const [name, make] of cases) expect(runIn(copyWith(name, make)), name).toEqual(own);
  });
});
