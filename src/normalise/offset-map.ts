/**
 * Offset map: normalised offset -> source offset.
 *
 * Expects: stages report only the spans whose length changed, in increasing order.
 * Guarantees: `toSource` is defined for 0..length inclusive, is monotonic
 * non-decreasing, maps 0 to 0 and `length` to `sourceLength`. Inside a replaced
 * span it returns the start of the source span; at the span's end, the source end.
 *
 * Storage is one anchor per length change (not per character): an anchor starts
 * either a linear segment (source = anchorSource + (offset - anchorOffset)) or a
 * flat one (every offset maps to anchorSource, used inside replaced spans).
 */

export class OffsetMap {
  /** Length of the normalised text. */
  readonly length: number;
  /** Length of the source text. */
  readonly sourceLength: number;
  readonly #outs: Int32Array;
  readonly #srcs: Int32Array;
  readonly #flat: Uint8Array;

  /** @internal Build with {@link OffsetMapBuilder} or {@link OffsetMap.identity}. */
  constructor(outs: Int32Array, srcs: Int32Array, flat: Uint8Array, length: number, sourceLength: number) {
    this.#outs = outs;
    this.#srcs = srcs;
    this.#flat = flat;
    this.length = length;
    this.sourceLength = sourceLength;
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap(Int32Array.of(0), Int32Array.of(0), Uint8Array.of(0), length, length);
  }

  /** Number of stored anchors (1 for an identity map). */
  get anchorCount(): number {
    return this.#outs.length;
  }

  /**
   * Source offset (UTF-16 index into the original string) for a normalised offset,
   * 0..text.length inclusive. For an offset inside a replaced span, return the start
   * of the source span; for the end offset of a span, its source end.
   * Monotonic non-decreasing. Out-of-range offsets are clamped, never thrown on.
   */
  toSource(offset: number): number {
    if (offset >= this.length) return this.sourceLength;
    // A deletion at the very start (a BOM) moves offset 0 too, so 0 is looked up.
    if (!(offset > 0)) offset = 0;
    const lo = lastAnchorAtOrBefore(this.#outs, offset);
    const src = this.#srcs[lo]!;
    return this.#flat[lo] ? src : src + (offset - this.#outs[lo]!);
  }

  /** Anchors as [outOffset, sourceOffset, flat] triples, for composition and tests. */
  anchors(): Array<[number, number, boolean]> {
    const result: Array<[number, number, boolean]> = [];
    for (let i = 0; i < this.#outs.length; i++) {
      result.push([this.#outs[i]!, this.#srcs[i]!, this.#flat[i] === 1]);
    }
    return result;
  }

  /** This map (normalised -> intermediate) followed by `inner` (intermediate -> source). */
  composeWith(inner: OffsetMap): OffsetMap {
    if (inner.anchorCount === 1 && inner.length === inner.sourceLength) {
      return new OffsetMap(this.#outs, this.#srcs, this.#flat, this.length, inner.sourceLength);
    }
    if (this.anchorCount === 1 && this.length === this.sourceLength) {
      return new OffsetMap(inner.#outs, inner.#srcs, inner.#flat, this.length, inner.sourceLength);
    }
    const builder = new AnchorList();
    const outs = this.#outs;
    const innerOuts = inner.#outs;
    for (let k = 0; k < outs.length; k++) {
      const o0 = outs[k]!;
      const m0 = this.#srcs[k]!;
      if (this.#flat[k]) {
        builder.push(o0, inner.toSource(m0), true);
        continue;
      }
      // A linear outer segment covers intermediate offsets m0 .. m0 + (o1 - o0);
      // every inner anchor inside that range becomes a composite anchor.
      const o1 = k + 1 < outs.length ? outs[k + 1]! : this.length + 1;
      const m1 = m0 + (o1 - o0);
      let j = lastAnchorAtOrBefore(innerOuts, m0);
      builder.push(o0, inner.toSource(m0), inner.#flat[j] === 1);
      for (j++; j < innerOuts.length && innerOuts[j]! < m1; j++) {
        const p = innerOuts[j]!;
        builder.push(o0 + (p - m0), inner.#srcs[j]!, inner.#flat[j] === 1);
      }
    }
    return builder.build(this.length, inner.sourceLength);
  }
}

function lastAnchorAtOrBefore(outs: Int32Array, offset: number): number {
  let lo = 0;
  let hi = outs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (outs[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Growable anchor arrays that drop redundant anchors as they are pushed. */
class AnchorList {
  outs: number[] = [0];
  srcs: number[] = [0];
  flat: number[] = [0];

  push(out: number, src: number, flat: boolean): void {
    const last = this.outs.length - 1;
    if (this.outs[last] === out) {
      // The later anchor wins at a shared offset (e.g. a deletion right after an edit).
      this.srcs[last] = src;
      this.flat[last] = flat ? 1 : 0;
      return;
    }
    const lastFlat = this.flat[last] === 1;
    if (!flat && !lastFlat && this.srcs[last]! - this.outs[last]! === src - out) return;
    if (flat && lastFlat && this.srcs[last] === src) return;
    this.outs.push(out);
    this.srcs.push(src);
    this.flat.push(flat ? 1 : 0);
  }

  build(length: number, sourceLength: number): OffsetMap {
    // Pin the end so that toSource(length) === sourceLength even after a flat span.
    if (length > 0 || sourceLength > 0) this.push(length, sourceLength, false);
    return new OffsetMap(
      Int32Array.from(this.outs),
      Int32Array.from(this.srcs),
      Uint8Array.from(this.flat),
      length,
      sourceLength,
    );
  }
}

/**
 * Records length-changing edits while a stage copies source to output left to right.
 * Equal-length replacements need no call: they keep the current source/output delta.
 */
export class OffsetMapBuilder {
  readonly #anchors = new AnchorList();
  #changed = false;

  /** Source [srcStart, srcStart + srcLen) became output [outStart, outStart + outLen). */
  replace(outStart: number, srcStart: number, outLen: number, srcLen: number): void {
    if (outLen === srcLen) return;
    this.#changed = true;
    // A one-unit (or empty) output needs no flat segment: the linear mapping
    // already sends outStart to srcStart.
    if (outLen >= 2) this.#anchors.push(outStart, srcStart, true);
    else this.#anchors.push(outStart, srcStart, false);
    this.#anchors.push(outStart + outLen, srcStart + srcLen, false);
  }

  build(length: number, sourceLength: number): OffsetMap {
    if (!this.#changed) return OffsetMap.identity(length);
    return this.#anchors.build(length, sourceLength);
  }
}
