// Public API: parse() and the contract's schemas and types — the only import users need.
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import type { SourceInfo } from './compile/to-policy-document.js';
import { processor } from './processor.js';
import type { PolicyDocument } from './schema/policy-document.js';

export * from './schema/policy-document.js';
export * from './schema/plan-diff.js';
export { diff, hasDifferences } from './diff/index.js';
export { formatDiffMarkdown, formatDiffTerminal, type FormatOptions } from './diff/format-diff.js';
export { jsonSchemaFiles } from './schema/json-schemas.js';
export { normalise, detectScript } from './normalise/index.js';
export { processor } from './processor.js';

export interface ParseOptions {
  /** Path recorded in `source.path` and used in messages (forward slashes). */
  path?: string;
  format?: SourceInfo['format'];
}

export interface ParseResult {
  document: PolicyDocument;
  /** The vfile with the messages, for `file:line:col: …` reporting. */
  file: VFile;
}

/** Parses one document given as text or raw UTF-8 bytes. Never throws on odd content. */
export function parseWithFile(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  const path = (options.path ?? '-').replaceAll('\\', '/');
  const source: SourceInfo = {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: 'utf-8',
    format: options.format ?? 'text',
  };
  const file = new VFile({ path, value: text.replace(/^\uFEFF/, ''), data: { source } });
  processor.processSync(file);
  return { document: file.result as PolicyDocument, file };
}

export function parse(input: string | Uint8Array, options: ParseOptions = {}): PolicyDocument {
  return parseWithFile(input, options).document;
}
