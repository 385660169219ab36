// Time per pipeline stage, in this thread: the processor's own plugins, each wrapped.
import { unified } from 'unified';
import { VFile } from 'vfile';

/** A processor like `processor` whose parser, transformers and compiler add their time to `times`. */
export function timedProcessor(processor, times) {
  const add = (name, ms) => times.set(name, (times.get(name) ?? 0) + ms);
  let timed = unified();
  for (const [plugin, ...options] of processor.attachers) {
    const name = plugin.name.replace(/^policy/, '').toLowerCase() || 'anonymous';
    timed = timed.use(function (...args) {
      const transformer = plugin.apply(this, args);
      for (const hook of ['parser', 'compiler']) {
        const original = this[hook];
        if (original && !original.__timed) {
          this[hook] = (...a) => {
            const start = performance.now();
            try {
              return original(...a);
            } finally {
              add(name, performance.now() - start);
            }
          };
          this[hook].__timed = true;
        }
      }
      if (!transformer) return undefined;
      return (...a) => {
        const start = performance.now();
        try {
          return transformer(...a);
        } finally {
          add(name, performance.now() - start);
        }
      };
    }, ...options);
  }
  return timed.freeze();
}

/** Parses each text through the timed processor; returns ms per stage, in pipeline order. */
export function stageTimes(processor, texts, path = 'x.txt') {
  const times = new Map();
  const timed = timedProcessor(processor, times);
  for (const text of texts) {
    const file = new VFile({ path, value: text, data: { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text' } } });
    timed.processSync(file);
  }
  return times;
}
