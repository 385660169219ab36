// Builds the JSON Schema files in schemas/ from the zod source. Never hand-edit those
// files: `npm run schema` rewrites them, and tests/schema.test.ts fails when they drift.
import { z } from 'zod';
import { PlanDiff } from './plan-diff.js';
import { PolicyDocument } from './policy-document.js';
import { RunIndex } from './run-index.js';

/** File name (under schemas/) → JSON text, with a trailing newline. */
export function jsonSchemaFiles(): Record<string, string> {
  const render = (schema: z.ZodType, id: string): string =>
    `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) }, null, 2)}\n`;
  return {
    'policy-document.schema.json': render(PolicyDocument, 'policy-document.schema.json'),
    'plan-diff.schema.json': render(PlanDiff, 'plan-diff.schema.json'),
    'run-index.schema.json': render(RunIndex, 'run-index.schema.json'),
  };
}
