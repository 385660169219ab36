// parse() and its siblings: one document's bytes or text → the PolicyDocument. Apart from
// src/index.ts (which re-exports it with the schemas, diff and reports) so that the CLI loads
// the parser alone: none of zod, the diff or the report comes with it.
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import type { SourceInfo } from './compile/to-policy-document.js';
import { looksLikeHtml } from './html/html-to-text.js';
import { processor } from './processor.js';
import { InputError, decode } from './read/decode.js';
import { type BinaryFormat, binaryFormat, extractText } from './read/extract-text.js';
import { furniturePatterns } from './transform/furniture.js';
import type { PolicyDocument } from './schema/policy-document.js';

export interface ParseOptions {
  /** Path recorded in `source.path` and used in messages (forward slashes). */
  path?: string;
  /** text, html, markdown, docx or pdf; by default from the path's extension (DOCX and PDF also from their bytes). */
  format?: SourceInfo['format'];
  /** Force an encoding for byte input (utf-8, utf-16le, gb18030, big5 …); detected by default. */
  encoding?: string;
  /** Also write `explain`: every quantity found and the rule that made it a target or not. */
  explain?: boolean;
  /**
   * Department aliases: a unit's name as `lead`, `support` and `responsible` give it → its
   * canonical name in `departments` (instead of canonicalUnit's); the printed names stay.
   */
  aliases?: Readonly<Record<string, string>>;
  /**
   * More page furniture, removed like the built-in patterns: a string is a regular
   * expression matched against a whole line (trimmed, normalised to Simplified), a RegExp is
   * used as it is. A string that is no regular expression throws a TypeError.
   */
  furniture?: ReadonlyArray<string | RegExp>;
}

export interface ParseResult {
  document: PolicyDocument;
  /** The vfile with the messages, for `file:line:col: …` reporting. */
  file: VFile;
}

/**
 * Parses one document given as text or raw bytes (any supported encoding). Never throws
 * on odd content; bytes that are not a document at all (empty, binary, undecodable)
 * throw an InputError saying why, and so do DOCX and PDF, which are read asynchronously
 * by parseWithFileAsync(). Positions count UTF-16 code units of the decoded text.
 */
export function parseWithFile(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const path = displayPath(options.path);
  const binary = binaryInput(input, path, options.format);
  if (binary) throw new InputError(`a ${binary === 'docx' ? 'Word (.docx)' : 'PDF'} file: read it with parseAsync() or parseWithFileAsync()`);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const decoded = typeof input === 'string' ? { text: input, encoding: 'utf-8' } : decode(input, { encoding: options.encoding });
  const source: SourceInfo = {
    path,
    sha256: sha256(bytes),
    encoding: decoded.encoding,
    format: options.format ?? formatOf(path, decoded.text),
  };
  // A string keeps its BOM: normalise() drops it and positions still count it.
  return run(decoded.text, source, options);
}

export function parse(input: string | Uint8Array, options: ParseOptions = {}): PolicyDocument {
  return parseWithFile(input, options).document;
}

/** The last list of furniture patterns compiled: a batch passes the same list for every document. */
let furnitureCache: { key: ReadonlyArray<string | RegExp>; patterns: RegExp[] } | undefined;

function compiledFurniture(patterns: ReadonlyArray<string | RegExp>): RegExp[] {
  if (furnitureCache?.key !== patterns) furnitureCache = { key: patterns, patterns: furniturePatterns(patterns) };
  return furnitureCache.patterns;
}

/**
 * Parses one document of any supported format: DOCX and PDF (told by the path's extension,
 * `options.format` or their bytes) are read asynchronously, and positions count
 * characters of the text read from them (for a PDF `source.pages` says where each page
 * starts in it); any other input gives exactly what parseWithFile() gives. A file that
 * cannot be read (corrupt, encrypted, a scan without a text layer) rejects with an
 * InputError saying why.
 */
export async function parseWithFileAsync(input: string | Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const path = displayPath(options.path);
  const binary = binaryInput(input, path, options.format);
  if (!binary) return parseWithFile(input, options);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const { text, pages } = await extractText(bytes, binary);
  const source: SourceInfo = { path, sha256: sha256(bytes), encoding: 'utf-8', format: binary, ...(pages ? { pages } : {}) };
  return run(text, source, options);
}

export async function parseAsync(input: string | Uint8Array, options: ParseOptions = {}): Promise<PolicyDocument> {
  return (await parseWithFileAsync(input, options)).document;
}

/** The input format: what the path's extension names, else HTML when the text looks like a page. */
export function formatOf(path: string, text = ''): SourceInfo['format'] {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'docx' || ext === 'pdf') return ext;
  return looksLikeHtml(text) ? 'html' : 'text';
}

/**
 * Whether parseWithFileAsync() reads these bytes after it first waits (a DOCX or a PDF, by the
 * path's extension or the bytes): any other input's bytes are decoded and hashed before it
 * returns, so a caller may read the next file into the same memory as soon as it has the promise.
 */
export function readsBytesLater(bytes: Uint8Array, path: string): boolean {
  return binaryInput(bytes, displayPath(path), undefined) !== undefined;
}

/** DOCX or PDF, when the format named, the extension or the bytes say so; else undefined (text). */
function binaryInput(input: string | Uint8Array, path: string, format: SourceInfo['format'] | undefined): BinaryFormat | undefined {
  if (format === 'docx' || format === 'pdf') return format;
  if (format !== undefined) return undefined;
  const named = formatOf(path);
  if (named === 'docx' || named === 'pdf') return named;
  return typeof input === 'string' ? undefined : binaryFormat(input);
}

/** The pipeline over the text, with the facts about its source. */
function run(text: string, source: SourceInfo, options: ParseOptions): ParseResult {
  const data: Record<string, unknown> = { source, explain: options.explain === true };
  if (options.aliases) data.aliases = options.aliases;
  if (options.furniture?.length) data.furniture = compiledFurniture(options.furniture);
  const file = new VFile({ path: source.path, value: text, data });
  processor.processSync(file);
  return { document: file.result as PolicyDocument, file };
}

function displayPath(path: string | undefined): string {
  return (path ?? '-').replaceAll('\\', '/');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
