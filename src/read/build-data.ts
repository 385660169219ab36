// Data the CLI's build writes beside its bundle (scripts/bundle.mjs), by name: in the bundle
// this module is replaced by one that asks the bundle's loader (bin/lib/load-bundle.ts), which
// gives the data only when it was written by the same build and is whole. Elsewhere (the
// library) there is none, and whoever asks makes the data itself.
export function buildData(_name: string): unknown {
  return undefined;
}
