// Documents that are not text files — Word (.docx) and PDF — → their text, asynchronously
// (mammoth and PDF.js are promise APIs, and each is loaded only when such a file comes).
// Input: a file's bytes and what the format is (`binaryFormat()` tells it from the bytes).
// Output: the text every position of the parsed document counts in, and for a PDF where
// each page starts in it; or an InputError with the one-line reason (corrupt, encrypted,
// a scan without a text layer). No I/O.
import { Buffer } from 'node:buffer';
import { InputError } from './decode.js';

export type BinaryFormat = 'docx' | 'pdf';

/** Where a page starts: its number (from 1) and the offset of its first character in the extracted text. */
export interface PageStart {
  page: number;
  offset: number;
}

export interface ExtractedText {
  text: string;
  /** PDF only: each page's start, in page order. */
  pages?: PageStart[];
}

const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: a legacy .doc, or an Office file encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The part every Word document has; its name is stored uncompressed in the ZIP's headers. */
const WORD_PART = 'word/document.xml';

/**
 * The format the bytes are, by their magic: a ZIP holding word/document.xml is DOCX, a
 * file opening with `%PDF-` is PDF. Anything else — text, HTML, other archives — is
 * undefined: the text path decides what it is.
 */
export function binaryFormat(bytes: Uint8Array): BinaryFormat | undefined {
  if (startsWith(bytes, ZIP_MAGIC) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_PART)) return 'docx';
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  return undefined;
}

/**
 * Why bytes named as a DOCX or PDF (by extension, or a forced format) are not one, or
 * undefined when they are. An encrypted Word file is an OLE container, not a ZIP.
 */
export function binaryMismatch(bytes: Uint8Array, expected: BinaryFormat): string | undefined {
  const found = binaryFormat(bytes);
  if (found === expected) return undefined;
  if (bytes.length === 0) return 'empty file';
  if (expected === 'docx') {
    if (startsWith(bytes, OLE_MAGIC)) return 'not a .docx: an encrypted Word file or an old .doc (save it as .docx without a password)';
    if (startsWith(bytes, ZIP_MAGIC)) return `corrupt DOCX: a ZIP archive without ${WORD_PART}`;
    return 'corrupt DOCX: not a ZIP archive';
  }
  return 'corrupt PDF: no %PDF- header';
}

export async function extractText(bytes: Uint8Array, format: BinaryFormat): Promise<ExtractedText> {
  const mismatch = binaryMismatch(bytes, format);
  if (mismatch) throw new InputError(mismatch);
  // Each reader is loaded with its first file: a run of text documents never sets them up.
  return format === 'docx' ? (await import('./docx-text.js')).docxToText(bytes) : (await import('./pdf-text.js')).pdfToText(bytes);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
