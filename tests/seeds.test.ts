// Full-pipeline goldens for the bundled seed documents (fixtures/seeds/<name>.json),
// parsed with the path a user would give (`seeds/<name>.txt`). Regenerate with
// `npx vitest run -u` and review the diff before committing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyDocument, parse } from '../src/index.js';
import { at, listDir } from './helpers.js';

describe.each(listDir('seeds'))('seeds/%s', (name) => {
  const path = `seeds/${name}`;
  const doc = parse(readFileSync(at(path)), { path });

  it('matches its golden', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(at(`fixtures/seeds/${name.replace(/\.[^.]+$/, '')}.json`));
  });

  it('validates against the schema and keeps ids unique', () => {
    expect(PolicyDocument.safeParse(doc).success).toBe(true);
    const ids: string[] = [];
    const collect = (sections: PolicyDocument['sections']) => {
      for (const s of sections) {
        ids.push(s.id);
        collect(s.children);
      }
    };
    collect(doc.sections);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(parse(readFileSync(at(path)), { path }))).toBe(JSON.stringify(doc));
  });
});
