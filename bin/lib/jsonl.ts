// The streaming filter (--stdin-jsonl): JSON Lines in, JSON Lines out, in input order.
// Each input line is {"path": …, "text": …} or {"path": …, "base64": …} (raw bytes, any
// encoding policy-parse reads, or a DOCX or PDF); each output line is the parsed document, or
// {"path": …, "error": …} for a line that could not be parsed. Nothing aborts the stream,
// so Hadoop Streaming, Spark's RDD.pipe and GNU parallel --pipe can run it unchanged.
import { once } from 'node:events';
import { parseWithFileAsync } from '../../src/api.js';
import { type ParseSettings, parseSettings, reason } from './job.js';
import { stdout } from './stdout.js';

export async function runJsonl(options: { encoding?: string; maxSize: number } & ParseSettings): Promise<number> {
  const settings = parseSettings(options);
  const maxBytes = options.maxSize * 1024 * 1024;
  let lineNo = 0;
  for await (const line of recordLines(process.stdin, RECORD_OVERHEAD * maxBytes)) {
    lineNo++;
    if (line !== null && !line.trim()) continue;
    const out = line === null ? JSON.stringify({ path: null, error: `input line ${lineNo}: record too large: above ${RECORD_OVERHEAD}× the ${options.maxSize} MB limit (raise it with --max-size)` }) : await convert(line, lineNo, options.encoding, maxBytes, settings);
    if (!stdout().write(`${out}\n`)) await once(stdout(), 'drain');
  }
  return 0;
}

/** A record holds its document as JSON text or base64: up to this many times the document's bytes. */
const RECORD_OVERHEAD = 2;

/**
 * The lines of a stream, each at most `maxBytes` (a longer one is skipped to its end and
 * yields null): one record never holds more than that in memory.
 */
async function* recordLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<string | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const take = (piece: Buffer): void => {
    if (tooLong) return;
    size += piece.length;
    if (size > maxBytes) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const end = (): string | null => {
    const line = tooLong ? null : Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '');
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buffer.indexOf(0x0a, from); nl >= 0; nl = buffer.indexOf(0x0a, from)) {
      take(buffer.subarray(from, nl));
      yield end();
      from = nl + 1;
    }
    if (from < buffer.length) take(buffer.subarray(from));
  }
  if (size > 0 || tooLong) yield end();
}

async function convert(line: string, lineNo: number, encoding: string | undefined, maxBytes: number, settings: ParseSettings): Promise<string> {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return JSON.stringify({ path: null, error: `input line ${lineNo}: not valid JSON` });
  }
  const { path, text, base64 } = (record ?? {}) as { path?: unknown; text?: unknown; base64?: unknown };
  const name = typeof path === 'string' ? path : null;
  if (typeof text !== 'string' && typeof base64 !== 'string') {
    return JSON.stringify({ path: name, error: `input line ${lineNo}: needs "text" or "base64"` });
  }
  try {
    // Text goes in as its UTF-8 bytes: empty or binary text is refused as a file would be.
    const input = typeof base64 === 'string' ? Buffer.from(base64, 'base64') : Buffer.from(text as string);
    if (input.length > maxBytes) throw new Error(`input too large: ${(input.length / 1024 / 1024).toFixed(1)} MB, above the ${maxBytes / 1024 / 1024} MB limit (raise it with --max-size)`);
    return JSON.stringify((await parseWithFileAsync(input, { path: name ?? `line-${lineNo}`, encoding, ...settings })).document);
  } catch (error) {
    return JSON.stringify({ path: name, error: reason(error) });
  }
}
