// The streaming filter (--stdin-jsonl): JSON Lines in, JSON Lines out, in input order.
// Each input line is {"path": …, "text": …} or {"path": …, "base64": …} (raw bytes, any
// encoding policy-parse reads); each output line is the parsed document, or
// {"path": …, "error": …} for a line that could not be parsed. Nothing aborts the stream,
// so Hadoop Streaming, Spark's RDD.pipe and GNU parallel --pipe can run it unchanged.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseWithFile } from '../../src/index.js';
import { reason } from './job.js';

export async function runJsonl(options: { encoding?: string }): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    if (!process.stdout.write(`${convert(line, lineNo, options.encoding)}\n`)) await once(process.stdout, 'drain');
  }
  return 0;
}

function convert(line: string, lineNo: number, encoding: string | undefined): string {
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
    return JSON.stringify(parseWithFile(input, { path: name ?? `line-${lineNo}`, encoding }).document);
  } catch (error) {
    return JSON.stringify({ path: name, error: reason(error) });
  }
}
