// PDF (with a text layer) → text, through unpdf's build of PDF.js.
// Input: a PDF file's bytes. Output: the text as a person reads it — one line per
// paragraph, as a .txt of the same document has it — and where each page starts in it;
// or an InputError with the one-line reason (no text layer, encrypted, corrupt).
//
// PDF.js gives positioned runs of glyphs, not paragraphs. From their geometry:
//  - runs on one baseline are one printed line; a gap becomes a space only where it is
//    as wide as a space (between Chinese and Latin text, the narrow gap typesetters
//    put there is no space, and neither are the gaps of justified Chinese text);
//  - a page's number (— 3 —, - 3 -, 第3页, 3/10) printed above or below its text, and a
//    header or footer line repeated on most pages, are dropped;
//  - a printed line that leaves no room at the right edge of the text for the first
//    unbreakable piece of the next line (a character and the closing punctuation after it,
//    a number with its %), followed by one that is not indented, is wrapped: the next line
//    goes on it (across a page break too), with no space between Chinese characters and
//    one between Latin words — unless a sentence ends before a numbered heading;
//  - a gap of a whole line or more between lines is a blank line.
import { matchMarker } from '../parse/numbering.js';
import { InputError } from './decode.js';
import type { ExtractedText, PageStart } from './extract-text.js';
import { importModule } from './import-module.js';

/** A printed line: its characters and where they sit on the page (PDF units, y upwards). */
interface PrintedLine {
  text: string;
  /** Where each character of `text` starts and ends (a run's width shared among its characters). */
  x0: number[];
  x1: number[];
  /** Baseline. */
  y: number;
  /** Font size of its largest run. */
  size: number;
}

type PdfDocument = Awaited<ReturnType<(typeof import('unpdf'))['getDocumentProxy']>>;

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Page numbers as printed: — 3 —, - 3 -, －3－, 3, 第3页, 第 3 页 共 10 页, 3/10, Page 3. */
const PAGE_NUMBER = /^[\s\-—–－―~·•]*(?:第\s*[\d一二三四五六七八九十百]+\s*页(?:\s*[,，、/]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)[\s\-—–－―~·•]*$/i;

/** Chinese, Japanese or Korean text, and full-width forms and punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019《》（）]/u;

/** A gap between runs is a space when at least this many ems wide; next to CJK text, wider. */
const SPACE_GAP = 0.15;
const CJK_SPACE_GAP = 0.4;
/** A line that starts this many ems right of the text's left edge is indented: a new paragraph. */
const INDENT = 0.8;

export async function pdfToText(bytes: Uint8Array): Promise<ExtractedText> {
  const { getDocumentProxy } = await importModule<typeof import('unpdf')>('unpdf');
  let pdf: PdfDocument;
  try {
    // A copy: PDF.js may take over (detach) the buffer it is given. verbosity 0: errors only,
    // never its warnings about fonts on stderr.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const pages: PrintedLine[][] = [];
    let sideways = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        // Upright text only; the size is the glyphs' height however the run is scaled.
        if (Math.abs(b) > Math.abs(a) || Math.abs(c) > Math.abs(d)) {
          if (item.str.trim()) sideways++;
          continue;
        }
        runs.push({ str: item.str, x, y, width: item.width, size: Math.abs(d) || item.height });
      }
      pages.push(toLines(runs));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.length)) {
      throw new InputError(sideways ? 'only rotated or vertical text, which is not read' : 'no text layer (scanned PDF?): nothing to read without OCR');
    }
    return assemble(dropFurniture(pages));
  } catch (error) {
    throw pdfError(error);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** PDF.js's exceptions as the one-line reason a person wants. */
function pdfError(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new InputError('encrypted PDF: it needs a password to open');
  return new InputError(`corrupt or unreadable PDF (${message.split('\n')[0]})`);
}

/** Runs in content order → printed lines, with spaces where the gaps are spaces. */
function toLines(runs: readonly Run[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let line: PrintedLine | undefined;
  for (const run of runs) {
    const text = run.str.replace(/\s/g, ' ');
    const lastRight = line?.x1.at(-1) ?? 0;
    // One baseline (a superscript's a little above it), going on to the right.
    const sameLine = line && Math.abs(run.y - line.y) <= Math.max(run.size, line.size) * 0.4 && run.x >= lastRight - line.size;
    // PDF.js adds runs of white space for the gaps it sees as spaces or line ends: the gaps decide here.
    if (!text.trim()) continue;
    if (!line || !sameLine) {
      line = { text: '', x0: [], x1: [], y: run.y, size: run.size };
      lines.push(line);
    } else {
      const gap = run.x - lastRight;
      const em = Math.max(run.size, line.size);
      const cjk = CJK.test(line.text.at(-1) ?? '') || CJK.test(text[0] ?? '');
      if (gap >= em * (cjk ? CJK_SPACE_GAP : SPACE_GAP) && !line.text.endsWith(' ') && !text.startsWith(' ')) {
        line.text += ' ';
        line.x0.push(lastRight);
        line.x1.push(run.x);
      }
    }
    const chars = [...text];
    const advance = run.width / chars.length;
    chars.forEach((c, i) => {
      (line as PrintedLine).text += c;
      (line as PrintedLine).x0.push(run.x + advance * i);
      (line as PrintedLine).x1.push(run.x + advance * (i + 1));
    });
    line.size = Math.max(line.size, run.size);
  }
  return lines.map(trimLine).filter((l) => l.text);
}

/** The line without white space at either end (its characters' places trimmed alike). */
function trimLine(line: PrintedLine): PrintedLine {
  const chars = [...line.text];
  let start = 0;
  let end = chars.length;
  while (start < end && !chars[start]?.trim()) start++;
  while (end > start && !chars[end - 1]?.trim()) end--;
  return { ...line, text: chars.slice(start, end).join(''), x0: line.x0.slice(start, end), x1: line.x1.slice(start, end) };
}

const left = (line: PrintedLine) => line.x0[0] ?? 0;
const right = (line: PrintedLine) => line.x1.at(-1) ?? 0;

/**
 * Drops page numbers printed above or below a page's text, and header and footer lines
 * that recur (numbers aside) at the top or bottom of at least half of the pages (three
 * pages or more): 国务院公报 2023年第5号 over every page is no part of the document. Two
 * rounds, for a page that prints both a running header and its number at one end.
 */
function dropFurniture(pages: PrintedLine[][]): PrintedLine[][] {
  for (let round = 0; round < 2; round++) {
    const recurring = new Map<string, number>();
    for (const lines of pages) for (const k of new Set(edges(lines).map(furnitureKey))) recurring.set(k, (recurring.get(k) ?? 0) + 1);
    const repeated = (l: PrintedLine) => pages.length >= 3 && (recurring.get(furnitureKey(l)) ?? 0) >= Math.max(2, pages.length / 2);
    pages = pages.map((lines) => {
      const drop = new Set(edges(lines).filter((l) => PAGE_NUMBER.test(l.text) || repeated(l)));
      return lines.filter((l) => !drop.has(l));
    });
  }
  return pages;
}

/** A page's top and bottom lines. */
function edges(lines: readonly PrintedLine[]): PrintedLine[] {
  if (!lines.length) return [];
  const ys = lines.map((l) => l.y);
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  return lines.filter((l) => l.y === top || l.y === bottom);
}

/** A header or footer line as it recurs: its numbers (issue, page, date) and spaces aside. */
function furnitureKey(line: PrintedLine): string {
  return line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** The lines of all pages → one text, wrapped lines joined, and each page's start in it. */
function assemble(pages: readonly PrintedLine[][]): ExtractedText {
  const all = pages.flat();
  const margin = mode(all.map(left)) ?? 0;
  // The right edge of the text: the furthest a line reaches (punctuation may hang beyond it).
  const edge = Math.max(0, ...all.map((l) => l.x1[lastIndex(l, (c) => !NO_BREAK_BEFORE.test(c))] ?? 0));
  // The distance between the baselines of two lines of a paragraph.
  const pitch = mode(pages.flatMap((lines) => lines.slice(1).map((l, i) => (lines[i] as PrintedLine).y - l.y).filter((d) => d > 0))) ?? 0;

  /**
   * Whether `next` goes on `line`: the first unbreakable piece of `next` would not have
   * fitted at the end of `line`, `next` is not indented and no blank line is between. A
   * line that ends a sentence before a numbered heading (…。 / 2.…) ends its paragraph.
   */
  const wraps = (line: PrintedLine, next: PrintedLine, samePage: boolean): boolean =>
    edge - right(line) < firstPieceWidth(next) - next.size * 0.1 &&
    left(next) <= margin + next.size * INDENT &&
    !(samePage && pitch > 0 && line.y - next.y > pitch * 1.5) &&
    !(SENTENCE_END.test(line.text) && startsHeading(next.text));

  let text = '';
  const starts: PageStart[] = [];
  let previous: PrintedLine | undefined;
  pages.forEach((lines, p) => {
    if (!lines.length) starts.push({ page: p + 1, offset: text.length });
    lines.forEach((line, i) => {
      let separator = '';
      if (previous && wraps(previous, line, i > 0)) separator = joiner(previous.text, line.text);
      else if (previous) {
        // A gap of whole lines on one page is as many blank lines (two at most).
        const blanks = i > 0 && pitch > 0 ? Math.min(Math.max(Math.round((previous.y - line.y) / pitch) - 1, 0), 2) : 0;
        separator = '\n'.repeat(1 + blanks);
      }
      if (i === 0) starts.push({ page: p + 1, offset: text.length + separator.length });
      text += separator + line.text;
      previous = line;
    });
  });
  return { text, pages: starts };
}

/** Punctuation a line may not start with (it stays with the character before it). */
const NO_BREAK_BEFORE = /[，。、；：！？）》」』”’〕】〗…—%‰,.;:!?)\]}·]/;
/** Punctuation a line may not end with (it goes with the character after it). */
const NO_BREAK_AFTER = /[（《「『“‘〔【〖(\[{]/;
/** Latin letters and digits, and what holds a number together (3.5%, 2016-2020, 1/3). */
const WORD = /[A-Za-z0-9\u00c0-\u024f.%‰℃°\-\/:]/;
const SENTENCE_END = /[。；！？：;!?:]$/;
/** Bullet glyphs a PDF prints before list items (numbered headings and —— are the numbering table's). */
const BULLET_GLYPH = /^[•●■◆▪]/;
/** A line that opens a heading or list item: a marker of the numbering table (一、 （一） 1. 第一条 ——), or a bullet. */
const startsHeading = (text: string): boolean => matchMarker(text.trim()) !== null || BULLET_GLYPH.test(text);

/**
 * The width of what a line begins with that cannot be broken: an opening bracket with
 * what follows it, a Latin word or number (or else one character), and the closing
 * punctuation after it.
 */
function firstPieceWidth(line: PrintedLine): number {
  const chars = [...line.text];
  let i = 0;
  while (i < chars.length && NO_BREAK_AFTER.test(chars[i] as string)) i++;
  if (i < chars.length && WORD.test(chars[i] as string)) while (i < chars.length && WORD.test(chars[i] as string)) i++;
  else i++;
  while (i < chars.length && NO_BREAK_BEFORE.test(chars[i] as string)) i++;
  return (line.x1[Math.min(i, chars.length) - 1] ?? 0) - (line.x0[0] ?? 0);
}

function lastIndex(line: PrintedLine, test: (c: string) => boolean): number {
  const chars = [...line.text];
  for (let i = chars.length - 1; i >= 0; i--) if (test(chars[i] as string)) return i;
  return -1;
}

/** What joins a wrapped line to the next: nothing between CJK text, a space between Latin words. */
function joiner(before: string, after: string): string {
  const a = before.at(-1) ?? '';
  const b = after[0] ?? '';
  if (!a || !b || CJK.test(a) || CJK.test(b) || a === '-' || a === '/') return '';
  return ' ';
}

/** The most common value, to a point (values within a bucket averaged); ties go to the smaller. */
function mode(values: readonly number[]): number | undefined {
  const buckets = new Map<number, number[]>();
  for (const v of values) {
    const k = Math.round(v);
    const bucket = buckets.get(k);
    if (bucket) bucket.push(v);
    else buckets.set(k, [v]);
  }
  let best: number[] = [];
  for (const [, bucket] of [...buckets].sort((x, y) => x[0] - y[0])) if (bucket.length > best.length) best = bucket;
  return best.length ? best.reduce((a, b) => a + b, 0) / best.length : undefined;
}
