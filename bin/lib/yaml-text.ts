// YAML text of a document: the bytes of the yaml package's stringify(value, { lineWidth: 0,
// aliasDuplicateObjects: false }), without building its node tree.
//
// Expects: data (plain objects, arrays, strings, numbers, booleans, null). Anything
// else (undefined, a class instance, a very long key) is handed to the yaml package whole.
// Guarantees: the same text as the package, whose own scalar writer (its schema's string tag)
// decides every string that is neither plainly safe nor a plain literal block (literalBlock()),
// in the context the package would give it.
//
// Why: the package wraps every value in a node object, resolves a tag for each and writes
// through a generic visitor; on the laws corpus a YAML run took 26.5 s against 4.2 s for
// JSON. The block layout of plain data is simple (what follows is the package's, for
// indent 2 and indentSeq true): a map's pairs `key: value` one per line at its indentation;
// a non-empty collection as a pair's value starts on the next line, two spaces in; a
// sequence's items `- item` at its indentation, an item's own map or sequence continuing on
// the `- ` line; an empty collection is `{}` or `[]`; the document ends with a newline.
import type * as Yaml from 'yaml';
import { isPlain } from './pretty-json.js';

/** What the package's scalar writer reads of its context (yaml/dist/stringify/stringify.js, createStringifyContext). */
interface ScalarContext {
  doc: Yaml.Document;
  indent: string;
  indentStep: string;
  implicitKey: boolean;
  inFlow: null;
  options: Record<string, unknown>;
}

/** A value the fast writer does not take: the package writes the whole document. */
class NotPlainData extends Error {}

/** Longest key text the package writes as an implicit key (`key: value`); longer ones become `? key`. */
const IMPLICIT_KEY_MAX = 1024;

/** Pieces of the text are cut once they hold this many UTF-16 units. */
const PIECE_UNITS = 16 * 1024;

/** The package's test for a document marker at the start of a line (containsDocumentMarker). */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Strings of one line kept with their text (a document repeats its kinds, rules and dates). */
const REMEMBERED_MAX_LENGTH = 64;
const REMEMBERED_MAX = 4096;

/**
 * Strings the package writes as they are, in a block map or sequence, as key or value: no
 * control character, surrogate or line break; a CJK first character (no indicator, digit, sign
 * or word such as null or true can start it), then only CJK characters, letters, digits and a
 * few marks without meaning in YAML (no `:`, `#`, quote, bracket or comma); no space at the end.
 */
const PLAINLY_SAFE = /^[\u3000-\ud7ff\ue000-\ufefe\uff00-\uffff](?:[\u3000-\ud7ff\ue000-\ufefe\uff00-\uffff0-9A-Za-z.\-_/()%+=\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]| (?!$))*$/;

/**
 * What makes the package write a string double-quoted (a control character, or a lone
 * surrogate; here any surrogate, so that a string holding one is left to the package).
 */
const QUOTED_FOR = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]/;

/**
 * The package's text of a multi-line string as a value, when it is a plain literal block:
 * no character that forces quotes, and no space or line break at either end (that would need
 * a chomping or indentation indicator). Then blockString writes `|-`, and the lines indented
 * at the context's indentation, a run of empty lines left empty. Else undefined.
 */
function literalBlock(s: string, indent: string): string | undefined {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  // (Line feed, tab and space: 10, 9, 32.)
  if (first === 32 || first === 10 || last === 32 || last === 10 || last === 9 || QUOTED_FOR.test(s)) return undefined;
  return `|-\n${indent}${s.replace(/\n+/g, `$&${indent}`)}`;
}

/** The package's text of a number (stringifyNumber, for a number with no format of its own). */
function numberText(n: number): string {
  // (A safe integer other than -0: the same digits as JSON's, sooner.)
  if (Number.isSafeInteger(n) && (n !== 0 || 1 / n > 0)) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n < 0 ? '-.inf' : '.inf';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

/**
 * A writer of YAML text the same as `yaml.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false })`,
 * in pieces of about PIECE_UNITS (a long string made in one is copied whole when written: pretty-json.ts).
 */
export function yamlWriter(yaml: Pick<typeof Yaml, 'Document' | 'stringify'>): (value: unknown) => string[] {
  const options = { lineWidth: 0, aliasDuplicateObjects: false } as const;
  const whole = (value: unknown): string => yaml.stringify(value, options);
  const doc = new yaml.Document(null, options);
  const stringTag = (doc.schema as unknown as { tags: Array<{ tag: string; stringify?: (...a: unknown[]) => string }> }).tags.find((t) => t.tag === 'tag:yaml.org,2002:str');
  if (!stringTag?.stringify) throw new Error('the yaml package has no string tag');
  const writeString = stringTag.stringify;
  // createStringifyContext's options: its defaults, then the schema's, then those given.
  const contextOptions: Record<string, unknown> = Object.assign(
    {
      blockQuote: true,
      commentString: (s: string) => s.replace(/^(?!$)(?: $)?/gm, '#'),
      defaultKeyType: null,
      defaultStringType: 'PLAIN',
      directives: null,
      doubleQuotedAsJSON: false,
      doubleQuotedMinMultiLineLength: 40,
      falseStr: 'false',
      flowCollectionPadding: true,
      indentSeq: true,
      lineWidth: 80,
      minContentWidth: 20,
      nullStr: 'null',
      simpleKeys: false,
      singleQuote: null,
      trailingComma: false,
      trueStr: 'true',
      verifyAliasOrder: true,
    },
    (doc.schema as unknown as { toStringOptions?: object }).toStringOptions,
    options,
  );
  /**
   * By depth: the line break and indentation before a collection's next entry at that depth
   * (the package's ctx.indent, two spaces a level), with a sequence's dash; after a key, the
   * break into a collection one level in; and the scalar contexts inside it (indented once more).
   */
  const levels: Array<{ next: string; nextItem: string; nested: string; key: ScalarContext; value: ScalarContext }> = [];
  const levelAt = (depth: number): (typeof levels)[number] => {
    let level = levels[depth];
    if (!level) {
      const indent = '  '.repeat(depth);
      const inner = `${indent}  `;
      const base = { doc, indent: inner, indentStep: '  ', inFlow: null, options: contextOptions };
      level = { next: `\n${indent}`, nextItem: `\n${indent}- `, nested: `:\n${inner}`, key: { ...base, implicitKey: true }, value: { ...base, implicitKey: false } };
      levels[depth] = level;
    }
    return level;
  };
  const remembered = new Map<string, string>();
  /**
   * A key's text: a document's keys are few (the schema's field names), written again and
   * again, so one is looked up among the remembered strings first (stringText keeps only texts
   * that are the same as key or value and at every depth).
   */
  const keyText = (key: string, ctx: ScalarContext): string => remembered.get(key) ?? stringText(key, ctx);

  /** The package's text of string `s` in `ctx` (an implicit key's, or a value's at ctx.indent). */
  const stringText = (s: string, ctx: ScalarContext): string => {
    if (PLAINLY_SAFE.test(s)) return s;
    // A value of several lines (a section's text): most are literal blocks, written here.
    if (!ctx.implicitKey && s.includes('\n')) {
      const block = literalBlock(s, ctx.indent);
      if (block !== undefined) return block;
    }
    // Only a short string can be remembered: a longer one is never looked up (a look-up hashes the whole string).
    const short = s.length <= REMEMBERED_MAX_LENGTH;
    // (Only strings whose text is the same everywhere are remembered, below.)
    const known = short ? remembered.get(s) : undefined;
    if (known !== undefined) return known;
    // Without a line break a string's text depends on neither its indentation nor its being a
    // key, unless it opens like a document marker (%, ---, ...: quoted as a top-level key only).
    const oneLine = short && !s.includes('\n') && !DOCUMENT_MARKER.test(s);
    const text = writeString({ value: s }, ctx, undefined, undefined);
    if (oneLine) {
      if (remembered.size >= REMEMBERED_MAX) remembered.clear();
      remembered.set(s, text);
    }
    return text;
  };

  const scalarText = (v: unknown, ctx: ScalarContext): string => {
    if (typeof v === 'string') return stringText(v, ctx);
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return numberText(v);
    throw new NotPlainData();
  };

  /** Text written so far: `done` pieces, and the piece being made. */
  let done: string[] = [];
  let piece = '';
  const put = (text: string): void => {
    piece += text;
    if (piece.length >= PIECE_UNITS) {
      done.push(piece);
      piece = '';
    }
  };

  /** Whether `v` is an empty collection: `[]` or `{}`, written after its key or dash. */
  const emptyText = (v: object): string | null => {
    if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
    if (!isPlain(v)) throw new NotPlainData();
    // (No key to enumerate: no own enumerable key, as for Object.keys, since a plain object inherits none.)
    for (const _ in v) return null;
    return '{}';
  };

  /** Writes a non-empty plain map or sequence at `depth` (its own indentation, the package's ctx.indent, is two spaces a level). */
  const putCollection = (v: object, depth: number): void => {
    const { next, nextItem, nested, key: keyContext, value: ctx } = levelAt(depth);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as unknown;
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') throw new NotPlainData();
        put(i === 0 ? '- ' : nextItem);
        if (item !== null && typeof item === 'object') {
          const empty = emptyText(item);
          if (empty !== null) put(empty);
          else putCollection(item, depth + 1);
        } else put(scalarText(item, ctx));
      }
      return;
    }
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const value = (v as Record<string, unknown>)[key];
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw new NotPlainData();
      const text = keyText(key, keyContext);
      if (text.length > IMPLICIT_KEY_MAX) throw new NotPlainData();
      if (i > 0) put(next);
      if (value !== null && typeof value === 'object') {
        // A non-empty collection starts on its own line; an empty one follows the key.
        const empty = emptyText(value);
        if (empty !== null) put(`${text}: ${empty}`);
        else {
          put(`${text}${nested}`);
          putCollection(value, depth + 1);
        }
      } else put(`${text}: ${scalarText(value, ctx)}`);
    }
  };

  return (value: unknown): string[] => {
    if (value === null || typeof value !== 'object') return [whole(value)];
    done = [];
    piece = '';
    try {
      const empty = emptyText(value);
      if (empty !== null) return [`${empty}\n`];
      putCollection(value, 0);
      put('\n');
      if (piece !== '') done.push(piece);
      return done;
    } catch (error) {
      if (error instanceof NotPlainData) return [whole(value)];
      throw error;
    } finally {
      done = [];
      piece = '';
    }
  };
}
