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

it('describes every property of the shipped schemas (zod .meta({ description }))', () => {
  const undescribed: string[] = [];
  const walk = (node: unknown, place: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${place}[${i}]`));
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: Record<string, { description?: unknown }> }).properties;
    for (const [key, value] of Object.entries(properties ?? {})) {
      if (typeof value.description !== 'string' || value.description.trim() === '') undescribed.push(`${place}.properties.${key}`);
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${place}.${key}`);
  };
  for (const name of listDir('schemas')) walk(JSON.parse(readFileSync(at(`schemas/${name}`), 'utf8')), name);
  expect(undescribed).toEqual([]);
});
