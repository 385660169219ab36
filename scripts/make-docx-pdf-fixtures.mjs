// Makes fixtures/docx-pdf/ from the seeds with LibreOffice (`soffice`, not needed by CI:
// the files it makes are committed). Run: node scripts/make-docx-pdf-fixtures.mjs
//  - seed-NNN.docx, seed-NNN.pdf: each seed's .txt as LibreOffice opens and saves it;
//  - seed-003-gazette.pdf: seed 003 typeset as a gazette prints it — justified paragraphs
//    with a first-line indent, a running header and a page number — — 3 — — in the footer;
//  - blank-page.pdf: one page with no text (what a scan without OCR gives the parser);
//  - encrypted.pdf: one line, with the password "secret" needed to open it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** LibreOffice's PDF export options for a file that opens only with a password. */
const ENCRYPTED = { EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'secret' } };

const out = resolve('fixtures/docx-pdf');
const work = mkdtempSync(join(tmpdir(), 'docx-pdf-fixtures-'));
const soffice = (format, files) => execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', out, ...files], { cwd: work, stdio: 'inherit' });
try {
  const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
  const names = seeds.map((f) => {
    const name = `seed-${f.slice(0, 3)}.txt`;
    copyFileSync(join('seeds', f), join(work, name));
    return join(work, name);
  });
  soffice('docx', names);
  soffice('pdf', names);

  const seed003 = readFileSync(join('seeds', seeds.find((f) => f.startsWith('003')) ?? ''), 'utf8');
  writeFileSync(join(work, 'seed-003-gazette.fodt'), gazette(seed003, '国家质量监督检验检疫总局公报 2016年第5期'));
  soffice('pdf', [join(work, 'seed-003-gazette.fodt')]);

  writeFileSync(join(work, 'blank-page.txt'), '');
  soffice('pdf', [join(work, 'blank-page.txt')]);

  writeFileSync(join(work, 'encrypted.txt'), '一、总则\n');
  soffice(`pdf:writer_pdf_Export:${JSON.stringify(ENCRYPTED)}`, [join(work, 'encrypted.txt')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A flat OpenDocument text: the lines of `text` as justified, indented paragraphs, a header and a — N — footer. */
function gazette(text, header) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split('\n').map((line) => (line.trim() ? `<text:p text:style-name="Body">${escape(line.trim())}</text:p>` : '<text:p text:style-name="Body"/>'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:page-layout style:name="page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.8cm"/></style:footer-style></style:page-layout>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="24pt"/><style:text-properties fo:font-size="12pt"/></style:style>
  <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="page">
   <style:header><text:p text:style-name="Center">${escape(header)}</text:p></style:header>
   <style:footer><text:p text:style-name="Center">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
${paragraphs.join('\n')}
 </office:text></office:body>
</office:document>
`;
}
