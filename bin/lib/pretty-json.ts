// JSON.stringify(value, null, 2) as pieces, none of them one long string.
//
// Expects: data (plain objects, arrays, strings, numbers, booleans, null), as a document is.
// Anything else (a toJSON method, a class instance) is left to JSON.stringify whole.
// Guarantees: the pieces joined are exactly JSON.stringify(value, null, 2), and a value with
// more than PIECE_OBJECTS objects in its arrays is cut at its entries into pieces of about
// that many.
//
// Why: V8 builds a long JSON.stringify result as a chain of 16K-unit parts, and a write
// copies the chain into one flat string first. A flat string over 64K units is a large
// object, placed in fresh memory of its own: on the laws corpus (3,472 documents, 170M
// units of JSON) that copy cost 520 ms, 460 of them for the 690 documents over 64K units
// (6.5 ms per million units, against 0.5 for shorter strings), more than stringifying
// (420 ms) or writing (200 ms). Pieces of a few thousand units each are copied into the
// young generation, where they cost little and die young.

/** Objects (in arrays, at any depth) a piece holds at most, unless one alone holds more: about 20–60K units of a document's JSON. */
const PIECE_OBJECTS = 32;

/** The pieces of JSON.stringify(value, null, 2), in order (`value` one that JSON prints). */
export function prettyJsonParts(value: unknown): string[] {
  if (!splits(value, PIECE_OBJECTS)) return [JSON.stringify(value, null, 2)];
  const out: string[] = [];
  emit(value, 0, out);
  return out;
}

/** A plain object or array (what JSON.stringify prints as braces or brackets, with nothing of its own such as toJSON). */
export function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Objects in the arrays under `value`, at any depth, counted up to more than `cap`. */
function weight(value: unknown, cap: number): number {
  let n = 0;
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length && n <= cap; i++) {
        const e = x[i];
        if (e !== null && typeof e === 'object') {
          n++;
          visit(e);
        }
      }
    } else if (x !== null && typeof x === 'object') {
      for (const key in x) {
        const y = (x as Record<string, unknown>)[key];
        if (Array.isArray(y) && y.length > 0) visit(y);
        if (n > cap) return;
      }
    }
  };
  visit(value);
  return n;
}

/** Whether `value` is cut into pieces: plain, and holding more than `cap` objects. */
function splits(value: unknown, cap: number): value is Record<string, unknown> | unknown[] {
  return isPlain(value) && weight(value, cap) > cap;
}

/** Indentation of depth `d`. */
const indent = (d: number): string => '  '.repeat(d);

/**
 * JSON.stringify(value, null, 2) as printed at depth `depth`: its inner lines indented for
 * that depth (the value is nested in `depth` arrays, and the arrays' own text cut away).
 */
function atDepth(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each array opens with "[\n" after its indentation and closes with "\n" + indentation + "]".
  const open = depth * depth + 3 * depth;
  const close = depth * (depth + 1);
  return depth === 0 ? text : text.slice(open, text.length - close);
}

/**
 * Entries of an object or array printed at `depth`, without the brackets: the text between
 * "{\n" (or "[\n") and "\n" + indentation + "}". Empty when every entry is left out (an
 * object whose values are all undefined).
 */
function entriesAtDepth(container: object, depth: number): string {
  const text = atDepth(container, depth);
  return text.length <= 2 ? '' : text.slice(2, text.length - 2 - 2 * depth);
}

/** Appends the pieces of `value` (plain, and cut) printed at `depth`. */
function emit(value: Record<string, unknown> | unknown[], depth: number, out: string[]): void {
  const inner = indent(depth + 1);
  let first = true;
  const separator = (): string => {
    const s = first ? '' : ',\n';
    first = false;
    return s;
  };
  if (Array.isArray(value)) {
    out.push('[\n');
    let group: unknown[] = [];
    let held = 0;
    const flush = (): void => {
      if (group.length === 0) return;
      out.push(separator() + entriesAtDepth(group, depth));
      group = [];
      held = 0;
    };
    for (const element of value) {
      const w = isPlain(element) ? weight(element, PIECE_OBJECTS) + 1 : 1;
      if (w > PIECE_OBJECTS + 1) {
        flush();
        out.push(separator() + inner);
        emit(element as Record<string, unknown> | unknown[], depth + 1, out);
        continue;
      }
      if (held + w > PIECE_OBJECTS) flush();
      group.push(element);
      held += w;
    }
    flush();
    out.push(`\n${indent(depth)}]`);
    return;
  }
  out.push('{\n');
  // Without a prototype, so that a key such as __proto__ is an entry like any other.
  let run: Record<string, unknown> = Object.create(null);
  let held = 0;
  let pending = false;
  const flush = (): void => {
    if (!pending) return;
    const text = entriesAtDepth(run, depth);
    // (Every value in the run may be one JSON.stringify leaves out.)
    if (text !== '') out.push(separator() + text);
    run = Object.create(null);
    held = 0;
    pending = false;
  };
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (splits(v, PIECE_OBJECTS)) {
      flush();
      out.push(`${separator()}${inner}${JSON.stringify(key)}: `);
      emit(v, depth + 1, out);
      continue;
    }
    const w = isPlain(v) ? weight(v, PIECE_OBJECTS) : 0;
    if (held + w > PIECE_OBJECTS) flush();
    run[key] = v;
    held += w;
    pending = true;
  }
  flush();
  out.push(`\n${indent(depth)}}`);
}
