// The JSON Schema files are generated from the zod source; this fails when they drift.
// Fix: `npm run schema`, then review and commit schemas/.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { jsonSchemaFiles } from '../src/index.js';
import { at, listDir } from './helpers.js';

it('schemas/ matches the zod source', () => {
  const generated = jsonSchemaFiles();
  expect(listDir('schemas')).toEqual(Object.keys(generated).sort());
  for (const [name, text] of Object.entries(generated)) {
    expect(readFileSync(at(`schemas/${name}`), 'utf8'), `schemas/${name} drifted: run npm run schema`).toBe(text);
  }
});
