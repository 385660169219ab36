// The version of the output contract, apart from its zod schemas: the parser writes it into
// every document, and the CLI into index.json, without loading zod.
export const SCHEMA_VERSION = 1 as const;
