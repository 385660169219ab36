// Fixture cases, one folder per behaviour: fixtures/parse/<case>/input.txt (or input.md,
// input.html: the extension sets the input format) → output.json
// (the whole document) and messages.txt (what stderr would show). Regenerate with
// `npx vitest run -u` and review the diff. Every golden also validates against the schema,
// and every section's position slices the source back to its own heading.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyDocument, normalise, parse } from '../src/index.js';
import { allSections, at, listDir } from './helpers.js';

const cases = listDir('fixtures/parse');

describe.each(cases)('fixtures/parse/%s', (name) => {
  const input = listDir(`fixtures/parse/${name}`).find((f) => /^input\.(txt|md|html)$/.test(f));
  const inputPath = `fixtures/parse/${name}/${input}`;
  const source = readFileSync(at(inputPath), 'utf8');
  const doc = parse(source, { path: inputPath });

  it('matches output.json and messages.txt', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(at(`fixtures/parse/${name}/output.json`));
    const messages = doc.messages.map((m) => `${m.position?.start.line ?? 1}:${m.position?.start.column ?? 1} ${m.code} ${m.message}`);
    await expect(messages.length ? `${messages.join('\n')}\n` : '').toMatchFileSnapshot(at(`fixtures/parse/${name}/messages.txt`));
  });

  it('validates against the schema', () => {
    expect(PolicyDocument.safeParse(doc).success).toBe(true);
  });

  it('positions slice the source back to each heading', () => {
    for (const s of allSections(doc.sections)) {
      if (s.implicit || !s.marker) continue;
      const firstLine = normalise(source.slice(s.position.start.offset, s.position.end.offset)).text.split('\n')[0] ?? '';
      // Headings start with their marker; a task-table row holds its number in a cell.
      expect(firstLine.replace(/^[#|\s]+/, '')).toMatch(new RegExp(`^${escape(s.marker)}`));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
