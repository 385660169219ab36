// Word (.docx) → text, through mammoth's reading of the document.
// Input: a .docx file's bytes. Output: the text of its body as a .txt of it would hold it:
// one line per paragraph (an empty paragraph is a blank line, leading spaces kept), a
// line break inside a paragraph starts a new line, and a table row is one line with its
// cells joined by tabs — the delimited table layout the parser reads (a task table's rows
// become tasks with their units). Footnotes, comments and headers are not body text.
// Corrupt or unreadable files give an InputError.
//
// Measured on the seeds converted by LibreOffice (fixtures/docx-pdf/): mammoth's raw
// text matches each seed's .txt line for line, and this does too; its HTML (read back by
// htmlToText) loses the blank lines and leading spaces, and raw text puts every table cell
// on a line of its own and drops line breaks. So the document model is read here directly,
// through mammoth's `transformDocument` hook.
import { Buffer } from 'node:buffer';
import { InputError } from './decode.js';
import type { ExtractedText } from './extract-text.js';
import { importModule } from './import-module.js';

/** The part of mammoth's document model read here (documents.js); other elements are walked for their children. */
interface DocxElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: DocxElement[];
}

export async function docxToText(bytes: Uint8Array): Promise<ExtractedText> {
  const { default: mammoth } = await importModule<{ default: typeof import('mammoth') }>('mammoth');
  let body: DocxElement | undefined;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await mammoth.convertToHtml(
      { buffer },
      {
        // The text is all that is wanted: images are not read, nothing outside the file is.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
        transformDocument: (document: DocxElement) => {
          body = document;
          return document;
        },
      },
    );
  } catch (error) {
    throw new InputError(`corrupt or unreadable DOCX (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
  }
  const text = body ? blocks(body.children ?? []).join('\n') : '';
  if (!text.trim()) throw new InputError('no text in the document');
  return { text };
}

/** Paragraphs and table rows, one string each (a paragraph with line breaks holds '\n'). */
function blocks(elements: readonly DocxElement[]): string[] {
  return elements.flatMap((e) => {
    if (e.type === 'paragraph') return [inline(e.children ?? [])];
    if (e.type === 'table') return (e.children ?? []).filter((r) => r.type === 'tableRow').map(row);
    // Anything else that holds blocks (a structured-document tag mammoth kept) is read through.
    return blocks(e.children ?? []);
  });
}

/** A table row: its cells' text, each on one line, joined by tabs. */
function row(tableRow: DocxElement): string {
  return (tableRow.children ?? []).map((cell) => blocks(cell.children ?? []).join(' ').replace(/[\t\n]+/g, ' ').trim()).join('\t');
}

/** The text of runs, hyperlinks and the like inside a paragraph. */
function inline(elements: readonly DocxElement[]): string {
  return elements
    .map((e) => {
      if (e.type === 'text') return e.value ?? '';
      if (e.type === 'tab') return '\t';
      if (e.type === 'break') return e.breakType === 'line' || e.breakType === undefined ? '\n' : '';
      // Footnote and comment references are marks, not text; their notes are not body text.
      if (e.type === 'noteReference' || e.type === 'commentReference' || e.type === 'image') return '';
      return inline(e.children ?? []);
    })
    .join('');
}
