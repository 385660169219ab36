// The built-in furniture patterns' groups (furniture.ts, furnitureGroups()) as the CLI's build
// worked them out: in the bundle this module is replaced by one that returns them
// (scripts/bundle.mjs). Elsewhere (the library) there are none, and furniture.ts works them out.
import type { FurnitureGroup } from './furniture.js';

export function builtFurnitureGroups(): FurnitureGroup[] | null {
  return null;
}
