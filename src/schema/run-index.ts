// index.json, written by every batch run in --out: what was parsed, from which bytes, into
// which outputs, with counts; documents in input order, no timestamps (deterministic).
import { z } from 'zod';
import { SCHEMA_VERSION } from './policy-document.js';

export const RunIndex = z.object({
  tool: z.literal('policy-parse'),
  version: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The config file the run used (relative to where it ran, forward slashes); absent without one. */
  config: z.string().optional(),
  documents: z.array(
    z.object({
      path: z.string(),
      /** Output path under --out, without extension. */
      output: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      title: z.string().nullable(),
      docNumber: z.string().nullable(),
      sections: z.number().int(),
      tasks: z.number().int(),
      targets: z.number().int(),
      messages: z.number().int(),
    }),
  ),
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
});

export type RunIndex = z.infer<typeof RunIndex>;
