// Standard input, read whole as a stream. Reading fd 0 in one call (readFileSync(0)) fails
// with EAGAIN when the pipe is non-blocking and its writer is slower than the reader.
import { DEFAULT_MAX_MB } from './limits.js';

/** `-` names standard input wherever a file is expected. */
export const STDIN = '-';

/** All of stdin; refused with a one-line reason once it holds more than `maxBytes`. */
export async function readStdin(maxBytes = DEFAULT_MAX_MB * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      throw new Error(`stdin too large: above the ${maxBytes / 1024 / 1024} MB limit (raise it with --max-size)`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
