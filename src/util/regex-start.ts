// What a regular expression's matches must start with, read from its source: a necessary
// condition a caller can test (a table look-up or two) before it runs the expression, on text
// most of which cannot match. Knows the syntax the project's patterns use (literals, escapes,
// classes, groups, lookarounds, quantifiers); on anything else it gives no condition, which is
// always safe: the expression is then simply run.

type Atom =
  | { kind: 'empty' } // ^ $ \b \B and lookarounds: they match no character
  | { kind: 'chars'; chars: string[] | null } // null: any character may come here
  | { kind: 'group'; alternatives: Term[][] };
interface Term {
  atom: Atom;
  min: number;
  max: number;
}

/** Classes larger than this count as "any character". */
const MAX_CLASS = 256;
const DIGITS = [...'0123456789'];

class Parser {
  i = 0;
  constructor(readonly source: string) {}

  fail(): never {
    throw new SyntaxError(`regex-start: cannot read ${this.source}`);
  }

  disjunction(): Term[][] {
    const alternatives: Term[][] = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  sequence(): Term[] {
    const terms: Term[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      terms.push({ atom, min, max });
    }
    return terms;
  }

  quantifier(): [number, number] {
    const c = this.source[this.i];
    let range: [number, number];
    if (c === '*') range = [0, Infinity];
    else if (c === '+') range = [1, Infinity];
    else if (c === '?') range = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) this.fail();
      const min = Number(m[1]);
      range = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
      this.i += m[0].length - 1;
    } else return [1, 1];
    this.i++;
    if (this.source[this.i] === '?') this.i++; // lazy: the same characters
    return range;
  }

  atom(): Atom {
    const c = this.source[this.i++] as string;
    if (c === '^' || c === '$') return { kind: 'empty' };
    if (c === '.') return { kind: 'chars', chars: null };
    if (c === '[') return { kind: 'chars', chars: this.charClass() };
    if (c === '(') {
      let look = false;
      if (this.source.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.source.slice(this.i, this.i + 3))) {
        look = true;
        this.i += this.source[this.i + 1] === '<' ? 3 : 2;
      } else if (this.source[this.i] === '?') {
        const name = /^\?<[A-Za-z_$][\w$]*>/.exec(this.source.slice(this.i));
        if (!name) this.fail();
        this.i += name[0].length;
      }
      const alternatives = this.disjunction();
      if (this.source[this.i++] !== ')') this.fail();
      return look ? { kind: 'empty' } : { kind: 'group', alternatives };
    }
    if (c === '\\') {
      const e = this.escape(false);
      return e === 'empty' ? { kind: 'empty' } : { kind: 'chars', chars: e };
    }
    if ('*+?{}|)]'.includes(c)) this.fail();
    return { kind: 'chars', chars: [c] };
  }

  /** After a backslash: the characters it stands for (null: any), or 'empty' for \b \B. */
  escape(inClass: boolean): string[] | null | 'empty' {
    const c = this.source[this.i++];
    if (c === undefined) this.fail();
    if (c === 'd') return DIGITS;
    if ('DsSwW'.includes(c)) return null;
    if (c === 'b') return inClass ? ['\b'] : 'empty';
    if (c === 'B' && !inClass) return 'empty';
    const control: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    if (control[c] !== undefined && !(c === '0' && /^\d/.test(this.source.slice(this.i)))) return [control[c]];
    const hex = c === 'u' ? /^[0-9a-fA-F]{4}/ : c === 'x' ? /^[0-9a-fA-F]{2}/ : null;
    if (hex) {
      const m = hex.exec(this.source.slice(this.i));
      if (!m) this.fail();
      this.i += m[0].length;
      return [String.fromCharCode(parseInt(m[0], 16))];
    }
    // Back-references, \c, \p, \k: not read here.
    if (/[0-9A-Za-z]/.test(c)) this.fail();
    return [c];
  }

  charClass(): string[] | null {
    const negated = this.source[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let any = false;
    const single = (): string[] | null => {
      const c = this.source[this.i++];
      if (c === undefined) this.fail();
      if (c !== '\\') return [c];
      const e = this.escape(true);
      if (e === 'empty') this.fail();
      return e;
    };
    while (this.source[this.i] !== ']') {
      const from = single();
      if (this.source[this.i] === '-' && this.source[this.i + 1] !== ']' && from?.length === 1) {
        this.i++;
        const to = single();
        if (to?.length !== 1) this.fail();
        const [a, b] = [(from[0] as string).charCodeAt(0), (to[0] as string).charCodeAt(0)];
        if (b - a > MAX_CLASS) any = true;
        else for (let code = a; code <= b; code++) chars.add(String.fromCharCode(code));
      } else if (from === null) any = true;
      else for (const c of from) chars.add(c);
    }
    this.i++;
    return negated || any || chars.size > MAX_CLASS ? null : [...chars];
  }
}

/** The top-level alternatives of a pattern's source, as sources. */
export function topAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

export interface StartCondition {
  /** The pattern matches only at the start of the text (its first term is ^). */
  anchored: boolean;
  /**
   * Strings of one or two characters one of which every match starts with; null when the
   * source gives none (a match may start with anything, or the source was not understood).
   */
  prefixes: string[] | null;
  /**
   * A character every match holds somewhere (one the source requires outside any group or
   * option, the first such), or null: a weaker condition, for a source whose starts are unknown.
   */
  contains: string | null;
}

/** Prefixes of at most this length. */
const PREFIX = 2;
/** Enumeration steps before giving up (a pattern with too many possible starts gets none). */
const MAX_STEPS = 20_000;

/** What every match of a pattern with this source and these flags starts with. */
export function startCondition(source: string, flags = ''): StartCondition {
  // Unicode mode reads the source otherwise; sticky and multiline move where ^ and a match may be.
  if (/[uvym]/.test(flags)) return { anchored: false, prefixes: null, contains: null };
  const ignoreCase = flags.includes('i');
  let alternatives: Term[][];
  try {
    const parser = new Parser(source);
    alternatives = parser.disjunction();
    if (parser.i !== source.length) parser.fail();
  } catch {
    return { anchored: false, prefixes: null, contains: null };
  }
  const anchored = source.startsWith('^') && !/^\^[*+?{]/.test(source) && alternatives.length === 1;
  const found = new Set<string>();
  let steps = 0;
  // Without the u flag, i pairs ASCII letters only (no character beyond ASCII folds into one);
  // a character beyond ASCII with cases of its own is not read here.
  const fold = (chars: string[]): string[] => {
    if (!ignoreCase) return chars;
    return [
      ...new Set(
        chars.flatMap((c) => {
          if (/[A-Za-z]/.test(c)) return [c.toLowerCase(), c.toUpperCase()];
          if (c.toLowerCase() !== c || c.toUpperCase() !== c) throw new RangeError('cased character');
          return [c];
        }),
      ),
    ];
  };
  // Continuation style: `next` goes on with whatever follows in the enclosing sequences.
  const sequence = (terms: Term[], k: number, prefix: string, next: (p: string) => void): void => {
    if (++steps > MAX_STEPS) throw new RangeError('too many starts');
    if (prefix.length >= PREFIX) found.add(prefix);
    else if (k === terms.length) next(prefix);
    else repeat(terms[k] as Term, 0, prefix, (p) => sequence(terms, k + 1, p, next));
  };
  const repeat = (term: Term, n: number, prefix: string, next: (p: string) => void): void => {
    if (++steps > MAX_STEPS) throw new RangeError('too many starts');
    if (prefix.length >= PREFIX) {
      found.add(prefix);
      return;
    }
    if (n >= term.min) next(prefix);
    // Past PREFIX more repetitions than the minimum, a prefix cannot grow any more.
    if (n < term.max && n < term.min + PREFIX) atom(term.atom, prefix, (p) => repeat(term, n + 1, p, next));
  };
  const atom = (a: Atom, prefix: string, next: (p: string) => void): void => {
    if (a.kind === 'empty') next(prefix);
    else if (a.kind === 'group') for (const alternative of a.alternatives) sequence(alternative, 0, prefix, next);
    else if (a.chars === null) found.add(prefix);
    else for (const c of fold(a.chars)) next(prefix + c);
  };
  let contains: string | null = null;
  for (const { atom: a, min } of alternatives.length === 1 ? (alternatives[0] as Term[]) : []) {
    if (min >= 1 && a.kind === 'chars' && a.chars?.length === 1 && !(ignoreCase && /[A-Za-z]/.test(a.chars[0] as string))) {
      contains = a.chars[0] as string;
      break;
    }
  }
  try {
    for (const alternative of alternatives) sequence(alternative, 0, '', (p) => found.add(p));
  } catch (error) {
    if (error instanceof RangeError) return { anchored, prefixes: null, contains };
    throw error;
  }
  return { anchored, prefixes: found.has('') ? null : [...found], contains };
}

/** A set of one- and two-character prefixes, looked up by character code. */
export class PrefixSet {
  /** Per code unit: 0 when no prefix starts with it, 1 when it is a prefix alone, else its row in #pairs plus 2. */
  readonly #first = new Uint8Array(0x10000);
  /** The second characters of two-character prefixes, one row of 0x10000 per first character (row × 0x10000 + code). */
  readonly #pairs = new Set<number>();
  /** Per code unit: 1 when it is the second character of a two-character prefix (a look-up before #pairs'). */
  readonly #second = new Uint8Array(0x10000);

  constructor(prefixes: Iterable<string>) {
    let rows = 0;
    for (const p of prefixes) {
      const a = p.charCodeAt(0);
      if (p.length === 1) this.#first[a] = 1;
      else if (this.#first[a] !== 1) {
        if (this.#first[a] === 0) {
          if (rows === 0xff - 2) throw new RangeError('PrefixSet: too many first characters');
          this.#first[a] = 2 + rows++;
        }
        this.#pairs.add(((this.#first[a] as number) - 2) * 0x10000 + p.charCodeAt(1));
        this.#second[p.charCodeAt(1)] = 1;
      }
    }
  }

  /** Whether `text` holds one of the prefixes at `i`. */
  at(text: string, i: number): boolean {
    const first = this.#first[text.charCodeAt(i)] as number;
    // (Keys stay small integers: no number is boxed.)
    if (first === 1) return true;
    if (first === 0 || i + 1 >= text.length) return false;
    const second = text.charCodeAt(i + 1);
    return this.#second[second] === 1 && this.#pairs.has((first - 2) * 0x10000 + second);
  }

  /** Whether `text` holds one of the prefixes anywhere. */
  in(text: string): boolean {
    const first = this.#first;
    for (let i = 0; i < text.length; i++) if (first[text.charCodeAt(i)] !== 0 && this.at(text, i)) return true;
    return false;
  }
}

/**
 * Whether every match of `re` holds one of the characters of `marks`, read from its source:
 * a sequence holds one when one of its terms that must occur does, a group when each of its
 * alternatives does, a character or class when it can be nothing else. False whenever the
 * source is not understood, or the flags fold case or read the source otherwise: a caller
 * that tests for a mark before running the pattern may rely on a true answer only.
 */
export function everyMatchHolds(re: RegExp, marks: string): boolean {
  if (/[iuvy]/.test(re.flags)) return false;
  let alternatives: Term[][];
  try {
    const parser = new Parser(re.source);
    alternatives = parser.disjunction();
    if (parser.i !== re.source.length) return false;
  } catch {
    return false;
  }
  const sequenceHolds = (terms: readonly Term[]): boolean => terms.some((t) => t.min >= 1 && atomHolds(t.atom));
  const atomHolds = (a: Atom): boolean =>
    a.kind === 'chars' ? a.chars !== null && a.chars.length > 0 && a.chars.every((c) => marks.includes(c)) : a.kind === 'group' && a.alternatives.every(sequenceHolds);
  return alternatives.every(sequenceHolds);
}

/**
 * A pre-check: text holding none of `marks` is not searched with `patterns`, as every match of
 * each holds one. A module lists its pre-checks (…_PRE_CHECKS) and a test holds each to its
 * patterns with everyMatchHolds, so that a pattern edited to match without a mark fails there
 * instead of being skipped silently. (Not checked at load: reading the sources costs start-up.)
 */
export interface PreCheck {
  patterns: readonly RegExp[];
  marks: string;
}

/** Whether `text` holds one of the characters of `marks` (requiredMarks' pre-check). */
export function holdsOneOf(text: string, marks: string): boolean {
  for (let k = 0; k < marks.length; k++) if (text.includes(marks.charAt(k))) return true;
  return false;
}
