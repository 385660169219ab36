// Canonical department names scored on ../shared/eval/departments/pairs.yaml (150 hand-checked
// pairs of names as printed: same organ, different organ, predecessor/successor) by the set's
// own rule (scorePairs in tests/helpers.ts). Issue 14 asks for ≥ 0.95 of pairs right.
// Opt-in: `npm run test:corpus`. Skipped where the set is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { canonicalUnit } from '../../src/index.js';
import { type NamePair, scorePairs } from '../helpers.js';

const pairsFile = fileURLToPath(new URL('../../../shared/eval/departments/pairs.yaml', import.meta.url));

describe.skipIf(!existsSync(pairsFile))('department pairs (../shared/eval/departments)', () => {
  const { pairs } = parseYaml(readFileSync(pairsFile, 'utf8')) as { pairs: NamePair[] };
  const result = scorePairs(pairs, canonicalUnit);

  it('gets at least 0.95 of the pairs right', () => {
    console.log(`department pairs: ${result.score.toFixed(3)}`, result.right, 'of', result.total, `dates ${result.datesRight}`);
    for (const w of result.wrong) console.log(`  wrong: ${w}`);
    expect(result.score).toBeGreaterThanOrEqual(0.95);
  });

  it('links every successor it finds with its date', () => {
    expect(result.datesRight).toBe(result.right.successor);
  });
});
