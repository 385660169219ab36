// Real-world input: encodings, line ends, and bytes that are not a document.
// fixtures/encodings/ holds seeds re-encoded (GB18030, Big5, UTF-16 LE/BE with BOM, UTF-8
// with BOM) and re-lined (CRLF, CR, mixed); each must parse exactly like its UTF-8 original.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, type PolicyDocument, decode, parse } from '../src/index.js';
import { at, listDir } from './helpers.js';

const seedPath = (prefix: string) => `seeds/${readdirSync(at('seeds')).find((f) => f.startsWith(prefix))}`;

/** The document without what legitimately differs between encodings of the same text. */
function content(doc: PolicyDocument): unknown {
  return { ...doc, source: { ...doc.source, encoding: undefined, sha256: undefined } };
}

/** Also without offsets, which count the extra CR of a CRLF; lines and columns must agree. */
function withoutOffsets(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'offset' ? undefined : v)));
}

const encoded = listDir('fixtures/encodings');

describe.each(encoded)('fixtures/encodings/%s', (name) => {
  const [seed, variant] = name.split('.') as [string, string];
  const original = parse(readFileSync(at(seedPath(seed))), { path: 'doc.txt' });
  const copy = parse(readFileSync(at(`fixtures/encodings/${name}`)), { path: 'doc.txt' });

  it('parses exactly like the UTF-8 original', () => {
    if (/^(cr|crlf|mixed)$/.test(variant)) expect(withoutOffsets(content(copy))).toEqual(withoutOffsets(content(original)));
    else expect(content(copy)).toEqual(content(original));
    expect(copy.sections.length).toBeGreaterThan(0);
  });

  it('records the encoding it was read in', () => {
    const expected = /^(cr|crlf|mixed|utf-8-bom)$/.test(variant) ? 'utf-8' : variant;
    expect(copy.source.encoding).toBe(expected);
  });
});

describe('decode()', () => {
  const refuses = (bytes: Uint8Array | number[], reason: RegExp) => {
    expect(() => decode(Uint8Array.from(bytes))).toThrow(InputError);
    expect(() => decode(Uint8Array.from(bytes))).toThrow(reason);
  };

  it('refuses bytes that are not a document, saying why', () => {
    refuses([], /^empty file$/);
    refuses(new TextEncoder().encode(' \n\t\u3000\u00a0\r\n'), /^only whitespace$/);
    refuses([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02], /^binary file: contains NUL bytes/);
    refuses([0x80, 0xff, 0x80, 0xff, 0x20, 0x61, 0xff], /^undecodable bytes/);
    refuses([0xef, 0xbb, 0xbf], /^empty file$/);
  });

  it('reads UTF-8 to the same string as Node’s own reader, in every plane', () => {
    // ASCII, CJK, a CJK Extension B character and an emoji (surrogate pairs), a BOM-less
    // U+FEFF inside, a Latin-1 letter, and a subarray that starts inside its buffer.
    const text = 'a第一条 𠀀中文😀\ufeffé\r\n，。';
    const bytes = Buffer.from(`xx${text}`, 'utf8').subarray(2);
    expect(decode(bytes)).toEqual({ text, encoding: 'utf-8' });
    const seed = readFileSync(at(seedPath('001')));
    expect(decode(seed).text).toBe(seed.toString('utf8'));
  });

  it('takes a forced encoding, and names an unknown one', () => {
    const gb = readFileSync(at('fixtures/encodings/002.gb18030.txt'));
    expect(decode(gb, { encoding: 'GBK' }).encoding).toBe('gb18030');
    expect(() => decode(gb, { encoding: 'utf-8' })).toThrow(/^not valid utf-8 text$/);
    expect(() => decode(gb, { encoding: 'klingon' })).toThrow(/^unknown encoding "klingon"$/);
  });

  it('follows an HTML page’s <meta charset> when the bytes are not UTF-8', () => {
    const page = readFileSync(at('fixtures/encodings/002.gb18030.txt'));
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body><p>'), page]);
    expect(decode(html).encoding).toBe('gb18030');
  });

  it('tells Big5 from GB18030 although both decoders accept both', () => {
    expect(decode(readFileSync(at('fixtures/encodings/000.big5.txt'))).encoding).toBe('big5');
    expect(decode(readFileSync(at('fixtures/encodings/002.gb18030.txt'))).encoding).toBe('gb18030');
  });
});
