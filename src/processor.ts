// The pipeline: one frozen unified processor, its stages listed in order in one place.
// parse (normalise + classify lines) → furniture → metadata → outline → tasks → targets
// → references → compile (to the validated PolicyDocument).
import { unified } from 'unified';
import { policyCompile } from './compile/to-policy-document.js';
import { policyParse } from './parse/policy-parse.js';
import { policyFurniture } from './transform/furniture.js';
import { policyMeta } from './transform/meta.js';
import { policyOutline } from './transform/outline.js';
import { policyReferences } from './transform/references.js';
import { policyTargets } from './transform/targets.js';
import { policyTasks } from './transform/tasks.js';

export const processor = unified()
  .use(policyParse)
  .use(policyFurniture)
  .use(policyMeta)
  .use(policyOutline)
  .use(policyTasks)
  .use(policyTargets)
  .use(policyReferences)
  .use(policyCompile)
  .freeze();
