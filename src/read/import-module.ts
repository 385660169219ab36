// import() of a module from outside the code calling it — mammoth, PDF.js, a JavaScript
// config file — in a function of its own: the CLI's bundle runs as a script compiled with a
// V8 code cache (bin/lib/load-bundle.ts), where import() itself is not available, and there
// this module is replaced by one that asks the loader to import (scripts/bundle.mjs).
export function importModule<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
