// index.json, written by every batch run in --out: what was parsed, from which bytes, into
// which outputs, with counts; documents in input order, no timestamps (deterministic).
import { z } from 'zod';
import { SCHEMA_VERSION } from './policy-document.js';

export const RunIndex = z.object({
  tool: z.literal('policy-parse').meta({ description: 'The tool that wrote the run: policy-parse.' }),
  version: z.string().meta({ description: "The tool's version." }),
  schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'The version of the document contract the outputs follow: 1.' }),
  config: z.string().optional().meta({ description: 'The config file the run used (relative to where it ran, forward slashes); absent without one.' }),
  documents: z.array(
    z.object({
      path: z.string().meta({ description: 'The input path (source.path).' }),
      /** Output path under --out, without extension. */
      output: z.string().meta({ description: 'Output path under --out, without extension.' }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the input's raw bytes, in hex." }),
      title: z.string().nullable().meta({ description: 'meta.title, or null.' }),
      docNumber: z.string().nullable().meta({ description: 'meta.docNumber, or null.' }),
      sections: z.number().int().meta({ description: 'How many sections, nested ones and attachments included.' }),
      tasks: z.number().int().meta({ description: 'How many tasks.' }),
      targets: z.number().int().meta({ description: 'How many targets.' }),
      messages: z.number().int().meta({ description: 'How many messages.' }),
    }),
  ).meta({ description: 'Every document parsed, in input order.' }),
  failed: z.array(z.object({ path: z.string().meta({ description: 'The input path.' }), error: z.string().meta({ description: 'Why it could not be parsed.' }) })).meta({ description: 'Inputs that could not be parsed.' }),
});

export type RunIndex = z.infer<typeof RunIndex>;
