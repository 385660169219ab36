// Checks data read back from policy-parse's JSON/YAML against the contract, with each
// problem located by a JSONPath-like place: `$.sections[2].title: expected string`.
// A PlanDiff (from `policy-parse diff --format json`) is recognised by its `summary`, a
// run's index.json by its `tool`.
import type { z } from 'zod';
import { PlanDiff } from './plan-diff.js';
import { PolicyDocument } from './policy-document.js';
import { RunIndex } from './run-index.js';

export interface SchemaIssue {
  /** `$`, `$.sections[2].title` … */
  path: string;
  message: string;
}

export interface Validation {
  schema: 'policy-document' | 'plan-diff' | 'run-index';
  issues: SchemaIssue[];
}

export function validate(data: unknown): Validation {
  const has = (key: string) => typeof data === 'object' && data !== null && key in data;
  const [name, schema]: [Validation['schema'], z.ZodType] = has('tool')
    ? ['run-index', RunIndex]
    : has('summary') && !has('meta')
      ? ['plan-diff', PlanDiff]
      : ['policy-document', PolicyDocument];
  const result = schema.safeParse(data);
  return {
    schema: name,
    issues: result.success ? [] : result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
  };
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`)).join('')}`;
}
