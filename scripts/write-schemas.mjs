// Regenerates schemas/*.schema.json from the zod source (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../dist/src/schema/json-schemas.js';

for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(new URL(`../schemas/${name}`, import.meta.url), text);
  console.log(`wrote schemas/${name}`);
}
