// The CLI writes YAML itself (bin/lib/yaml-text.ts), leaving only the hard strings to the yaml
// package's own scalar writer: its text must be the package's, byte for byte, for any data.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { serialise } from '../bin/lib/output.js';
import { yamlWriter } from '../bin/lib/yaml-text.js';
import { parse } from '../src/index.js';
import { at, listDir } from './helpers.js';

const SEED = Number(process.env.PROP_SEED ?? 20240611);
const reference = (value: unknown): string => YAML.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
const writer = yamlWriter(YAML);
const write = (value: unknown): string => writer(value).join('');

/** Characters YAML gives meaning to, or that decide a string's style, beside Chinese text. */
const tricky = fc.constantFrom(
  ...' \t\n\r:#-?,[]{}&*!|>\'"%@`.~+0129eExXoO_/\\中文：，。“”‘’—…·\u3000\u00a0\u0085\u2028\ufeff\u0000\u0007\u001b\u007f\ud800😀',
  'null',
  'true',
  'False',
  '---',
  '...',
  '0x1F',
  '.inf',
  '1e3',
  '2024-01-01',
);
const trickyString = fc.oneof(fc.string(), fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ unit: tricky, maxLength: 30 }));
const scalar = fc.oneof(trickyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 2 ** 60, 1e21, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));

describe('yamlWriter', () => {
  it('writes the yaml package’s text for random data with tricky strings, as keys and values at every depth', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('seq')),
      map: fc.dictionary(trickyString, tie('node'), { maxKeys: 5 }),
      seq: fc.array(tie('node'), { maxLength: 5 }),
    }));
    fc.assert(
      fc.property(fc.oneof(value.map, value.seq), (data) => {
        expect(write(data)).toBe(reference(data));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('writes the package’s block scalars for multi-line strings at every depth', () => {
    const lines = fc.array(fc.oneof(trickyString, fc.constantFrom('', ' ', '  缩进', '第一条 内容', '#', '- 项')), { minLength: 2, maxLength: 5 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 4 }), (text, depth) => {
        let data: unknown = { text, list: [text, { text }] };
        for (let i = 0; i < depth; i++) data = i % 2 ? { k: data } : [data];
        expect(write(data)).toBe(reference(data));
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('writes a key the same way wherever it is kept, and one whose text depends on its depth at each depth', () => {
    // One writer for all: what it keeps of one document's keys must hold in the next.
    const keys = ['line', '中文名', 'a: b', '--- x', '%x', '...', 'two\nlines', '#', ' lead', 'null'];
    for (const key of keys) {
      for (const data of [{ [key]: 1 }, { outer: { [key]: { [key]: [key] } } }, [{ [key]: 1 }], { [key]: 1 }]) {
        expect(write(data), JSON.stringify(data)).toBe(reference(data));
      }
    }
  });

  it('hands what is not plain data to the package whole', () => {
    for (const data of [{ a: undefined, b: 1 }, [undefined, 1], { d: new Date(0) }, { m: new Map([[1, 2]]) }, 'scalar', 3, null, { ['k'.repeat(2000)]: 1 }]) {
      expect(write(data)).toBe(reference(data));
    }
  });

  it('gives every seed the package’s YAML', async () => {
    const { prepareFormats } = await import('../bin/lib/output.js');
    await prepareFormats(['yaml']);
    for (const name of listDir('seeds')) {
      const document = parse(readFileSync(at(`seeds/${name}`), 'utf8'), { path: `seeds/${name}` });
      expect(serialise(document, 'yaml')).toBe(reference(document));
    }
  });
});
