// Checks data read back from policy-parse's JSON/YAML against the contract, with each
// problem located by a JSONPath-like place: `$.sections[2].title: expected string`.
// A PlanDiff (from `policy-parse diff --format json`) is recognised by its `summary`.
import type { z } from 'zod';
import { PlanDiff } from './plan-diff.js';
import { PolicyDocument } from './policy-document.js';

export interface SchemaIssue {
  /** `$`, `$.sections[2].title` … */
  path: string;
  message: string;
}

export interface Validation {
  schema: 'policy-document' | 'plan-diff';
  issues: SchemaIssue[];
}

export function validate(data: unknown): Validation {
  const isDiff = typeof data === 'object' && data !== null && 'summary' in data && !('meta' in data);
  const schema: z.ZodType = isDiff ? PlanDiff : PolicyDocument;
  const result = schema.safeParse(data);
  return {
    schema: isDiff ? 'plan-diff' : 'policy-document',
    issues: result.success ? [] : result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
  };
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`)).join('')}`;
}
